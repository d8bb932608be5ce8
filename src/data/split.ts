import { createRng } from '../engine';
import { featureName, featuresFor, featureVector, type Feature, type FeatureId } from './features';
import { applyScale, scaleOf, type InputScale, type ScalingId } from './scaling';
import type { PictureShape } from './picture';
import type { Dataset, Range, Task } from './types';
import type { Sample } from '../engine';

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
  train: Sample[];
  test: Sample[];
  /** When the inputs are a picture's pixels, as they are (no features): its shape; else null. */
  picture: PictureShape | null;
  /** Raw coordinates of each training and test point, for plotting. */
  trainRaw: number[][];
  testRaw: number[][];
  /** Each test point's index in the dataset's points (0-based), to find it in the data. */
  testRows: number[];
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
  const order = shuffledIndices(dataset.points.length, (seed ^ SPLIT_SALT) >>> 0);
  const cut = trainCount(dataset.points.length, trainFraction);
  const take = (indices: number[]) => indices.map((i) => dataset.points[i] as Sample);
  const trainPoints = take(order.slice(0, cut));
  const testPoints = take(order.slice(cut));
  const scale = scaleOf(
    scaling,
    trainPoints.map((p) => p.x),
  );
  const toSample = (p: Sample): Sample => ({
    x: featureVector(features, applyScale(scale, p.x)),
    y: p.y.slice(),
  });
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
    train: trainPoints.map(toSample),
    test: testPoints.map(toSample),
    trainRaw: trainPoints.map((p) => p.x),
    testRaw: testPoints.map((p) => p.x),
    testRows: order.slice(cut),
  };
}
