import { createRng, type PackedSet } from '../engine';
import { featureName, featuresFor, type Feature, type FeatureId } from './features';
import type { PictureShape } from './picture';
import { scaleOf, type InputScale, type ScalingId } from './scaling';
import type { Dataset, Range, Task } from './types';

/** The data as the network sees it: features computed, split into training and test points. */
export interface PreparedData {
  task: Task;
  /** Network inputs: one name per feature (or per raw input when features do not apply). */
  inputNames: string[];
  targetNames: string[];
  /** The features in use, or null when raw inputs go in as they are (more than two of them). */
  features: Feature[] | null;
  /** How raw inputs were scaled before the features (training split's statistics), or null. */
  scale: InputScale | null;
  /** Names of the raw inputs (the plot's axes). */
  rawNames: string[];
  /** Number of raw inputs: 1 or 2 can be plotted. */
  rawInputs: number;
  domain: Range[];
  /** Packed row by row (engine/packed.ts): typed arrays, cheap to hand to the training worker. */
  train: PackedSet;
  test: PackedSet;
  /** When the inputs are a picture's pixels, as they are (no features): its shape; else null. */
  picture: PictureShape | null;
  /** Raw coordinates of each training and test point, for plotting: rawInputs numbers a point. */
  trainRaw: Float64Array;
  testRaw: Float64Array;
  /** Each test point's index in the dataset's points (0-based), to find it in the data. */
  testRows: Int32Array;
}

/** Mixes the data seed so the split's shuffle differs from the generator's draws. */
const SPLIT_SALT = 0x9e3779b9;

/** Fisher–Yates with a seeded generator: a permutation of 0…n−1. */
export function shuffledIndices(n: number, seed: number): number[] {
  const order = Array.from({ length: n }, (_, i) => i);
  const rng = createRng(seed);
  for (let i = n - 1; i > 0; i--) {
    const j = Math.floor(rng() * (i + 1));
    [order[i], order[j]] = [order[j] as number, order[i] as number];
  }
  return order;
}

/** Training points: round(n · fraction), at least one, and at least one left for testing. */
export function trainCount(n: number, fraction: number): number {
  return Math.max(1, Math.min(n - 1, Math.round(n * fraction)));
}

export function prepareData(
  dataset: Dataset,
  chosen: readonly FeatureId[],
  trainFraction: number,
  seed: number,
  scaling: ScalingId = 'raw',
): PreparedData {
  const rawInputs = dataset.inputNames.length;
  const features = featuresFor(rawInputs, chosen);
  if (features && features.length === 0) throw new Error('Choose at least one input feature.');
  const points = dataset.points;
  const order = shuffledIndices(points.count, (seed ^ SPLIT_SALT) >>> 0);
  const cut = trainCount(points.count, trainFraction);
  const trainRaw = rowsOf(points.inputs, rawInputs, order, 0, cut);
  const testRaw = rowsOf(points.inputs, rawInputs, order, cut, order.length);
  const scale = scaleOf(scaling, { count: cut, inputSize: rawInputs, inputs: trainRaw });
  const nOut = points.outputSize;
  const set = (raw: Float64Array, from: number, to: number): PackedSet => {
    const count = to - from;
    const width = features ? features.length : rawInputs;
    const inputs = new Float64Array(count * width);
    const x = new Array<number>(rawInputs);
    for (let s = 0; s < count; s++) {
      for (let i = 0; i < rawInputs; i++) {
        const v = raw[s * rawInputs + i] as number;
        // x′ = (x − offset) / factor, as applyScale computes it.
        x[i] = scale ? (v - (scale.offset[i] as number)) / (scale.factor[i] as number) : v;
      }
      if (features) {
        const x1 = x[0] ?? 0;
        const x2 = x[1] ?? 0;
        for (let k = 0; k < width; k++) inputs[s * width + k] = (features[k] as Feature).f(x1, x2);
      } else inputs.set(x, s * width);
    }
    return {
      count,
      inputSize: width,
      outputSize: nOut,
      inputs,
      targets: rowsOf(points.targets, nOut, order, from, to),
    };
  };
  return {
    task: dataset.task,
    inputNames: features
      ? features.map((f) => featureName(f, dataset.inputNames))
      : dataset.inputNames.slice(),
    rawNames: dataset.inputNames.slice(),
    targetNames: dataset.targetNames.slice(),
    features,
    scale,
    rawInputs,
    domain: dataset.domain,
    picture: features ? null : (dataset.picture ?? null),
    train: set(trainRaw, 0, cut),
    test: set(testRaw, cut, order.length),
    trainRaw,
    testRaw,
    testRows: Int32Array.from(order.slice(cut)),
  };
}

/** Rows order[from…to − 1] of a packed array of `width` numbers a row, in that order. */
function rowsOf(
  values: Float64Array,
  width: number,
  order: number[],
  from: number,
  to: number,
): Float64Array {
  const rows = new Float64Array((to - from) * width);
  for (let s = from; s < to; s++) {
    const r = order[s] as number;
    for (let i = 0; i < width; i++) rows[(s - from) * width + i] = values[r * width + i] as number;
  }
  return rows;
}

/** The least and greatest first target of the points of these sets ([∞, −∞] for none). */
export function targetExtent(...sets: PackedSet[]): Range {
  let lo = Infinity;
  let hi = -Infinity;
  for (const set of sets) {
    for (let at = 0; at < set.targets.length; at += set.outputSize) {
      const v = set.targets[at] as number;
      if (v < lo) lo = v;
      if (v > hi) hi = v;
    }
  }
  return [lo, hi];
}

/** Point s's raw inputs (rawInputs numbers a point, as trainRaw and testRaw): a view, not a copy. */
export function rawPoint(raw: Float64Array, rawInputs: number, s: number): Float64Array {
  return raw.subarray(s * rawInputs, (s + 1) * rawInputs);
}

/** Each point of a set with its raw coordinates (rawInputs numbers a point) and its target. */
export function forEachPoint(
  set: PackedSet,
  raw: Float64Array,
  rawInputs: number,
  visit: (raw: Float64Array, target: Float64Array) => void,
): void {
  const nOut = set.outputSize;
  for (let s = 0; s < set.count; s++) {
    visit(rawPoint(raw, rawInputs, s), set.targets.subarray(s * nOut, (s + 1) * nOut));
  }
}
