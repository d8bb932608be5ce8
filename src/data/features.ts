/**
 * Playground's input features: the network may be given x₁², x₁x₂, sin x₁ … instead of (or beside)
 * the raw inputs, so a linear boundary in feature space can be a circle in the plane. Features
 * exist for data with one or two raw inputs; wider data (a CSV) goes in as it is.
 */

export type FeatureId = 'x1' | 'x2' | 'x1sq' | 'x2sq' | 'x1x2' | 'sinx1' | 'sinx2';

export interface Feature {
  id: FeatureId;
  /** How the learner reads it. */
  label: string;
  /** Raw inputs it needs: 1 (uses x₁ only) or 2. */
  needs: 1 | 2;
  f: (x1: number, x2: number) => number;
}

export const FEATURES: readonly Feature[] = [
  { id: 'x1', label: 'x₁', needs: 1, f: (x1) => x1 },
  { id: 'x2', label: 'x₂', needs: 2, f: (_x1, x2) => x2 },
  { id: 'x1sq', label: 'x₁²', needs: 1, f: (x1) => x1 * x1 },
  { id: 'x2sq', label: 'x₂²', needs: 2, f: (_x1, x2) => x2 * x2 },
  { id: 'x1x2', label: 'x₁x₂', needs: 2, f: (x1, x2) => x1 * x2 },
  { id: 'sinx1', label: 'sin x₁', needs: 1, f: (x1) => Math.sin(x1) },
  { id: 'sinx2', label: 'sin x₂', needs: 2, f: (_x1, x2) => Math.sin(x2) },
];

export const FEATURE_IDS: readonly FeatureId[] = FEATURES.map((f) => f.id);

/** Which features data with `rawInputs` raw inputs can have; none when it has more than two. */
export function availableFeatures(rawInputs: number): Feature[] {
  if (rawInputs > 2 || rawInputs < 1) return [];
  return FEATURES.filter((feature) => feature.needs <= rawInputs);
}

/** The chosen features this data can have, in the fixed order above; null: inputs go in as they are. */
export function featuresFor(rawInputs: number, chosen: readonly FeatureId[]): Feature[] | null {
  const available = availableFeatures(rawInputs);
  if (available.length === 0) return null;
  return available.filter((feature) => chosen.includes(feature.id));
}

/** The network's input for one raw point. */
export function featureVector(features: Feature[] | null, raw: readonly number[]): number[] {
  if (!features) return raw.slice();
  const x1 = raw[0] ?? 0;
  const x2 = raw[1] ?? 0;
  return features.map((feature) => feature.f(x1, x2));
}
