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
  /** Its name over inputs named a and b (a CSV's header): "width²", "sin height". */
  named: (a: string, b: string) => string;
  /** Raw inputs it needs: 1 (uses x₁ only) or 2. */
  needs: 1 | 2;
  f: (x1: number, x2: number) => number;
}

export const FEATURES: readonly Feature[] = [
  { id: 'x1', label: 'x₁', named: (a) => a, needs: 1, f: (x1) => x1 },
  { id: 'x2', label: 'x₂', named: (_a, b) => b, needs: 2, f: (_x1, x2) => x2 },
  { id: 'x1sq', label: 'x₁²', named: (a) => `${a}²`, needs: 1, f: (x1) => x1 * x1 },
  { id: 'x2sq', label: 'x₂²', named: (_a, b) => `${b}²`, needs: 2, f: (_x1, x2) => x2 * x2 },
  { id: 'x1x2', label: 'x₁x₂', named: (a, b) => `${a}·${b}`, needs: 2, f: (x1, x2) => x1 * x2 },
  { id: 'sinx1', label: 'sin x₁', named: (a) => `sin ${a}`, needs: 1, f: (x1) => Math.sin(x1) },
  {
    id: 'sinx2',
    label: 'sin x₂',
    named: (_a, b) => `sin ${b}`,
    needs: 2,
    f: (_x1, x2) => Math.sin(x2),
  },
];

/** A feature's name over these raw inputs: its own label over x₁ and x₂, else from the names. */
export function featureName(feature: Feature, rawNames: readonly string[]): string {
  const [a = 'x₁', b = 'x₂'] = rawNames;
  return a === 'x₁' && (b === 'x₂' || rawNames.length === 1) ? feature.label : feature.named(a, b);
}

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
