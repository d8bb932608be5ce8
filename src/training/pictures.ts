import { applyScale, featureVector, type PreparedData, type Task } from '../data';
import {
  classOf as classOfValues,
  runPass,
  targetClasses,
  type ClassRule,
  type Network,
  type Sample,
} from '../engine';

/**
 * What the Train tab shows of data whose inputs are a picture (data/picture.ts): a few examples of
 * each class, each first-layer unit's weights as a picture, and the network's answer on a drawing.
 * Pure: data and network in, numbers out.
 */

/** How a task's targets name a class (null: regression, no classes). */
const classRule = (task: Task): ClassRule | null =>
  task === 'binary' ? 'threshold' : task === 'multiclass' ? 'argmax' : null;

/** The class of a target: the one-hot's 1 (several classes), 0 or 1 (two), −1 for regression. */
export function classOf(y: ArrayLike<number>, task: Task): number {
  const rule = classRule(task);
  return rule ? classOfValues(y, 0, y.length, rule) : -1;
}

/** The classes' names: the table's (two classes), else the outputs'. */
export function classNamesOf(data: PreparedData, tableClasses: string[] | null): string[] {
  if (data.task === 'binary') return tableClasses ?? ['0', '1'];
  return data.targetNames;
}

/**
 * Training points to show: the first `perClass` of each class in the training set's order (so
 * every class is seen), at most `max` in all, in class order; for regression, the first `max`.
 */
export function exampleIndices(data: PreparedData, perClass: number, max: number): number[] {
  const rule = classRule(data.task);
  if (!rule) return Array.from({ length: Math.min(max, data.train.count) }, (_, i) => i);
  const byClass = new Map<number, number[]>();
  targetClasses(data.train, rule).forEach((k, i) => {
    const found = byClass.get(k) ?? [];
    if (found.length < perClass) byClass.set(k, [...found, i]);
  });
  return [...byClass.keys()]
    .sort((a, b) => a - b)
    .flatMap((k) => byClass.get(k) ?? [])
    .slice(0, max);
}

/** Unit j's incoming weights W^(1)[·][j], one per pixel, row by row. */
export function unitWeights(
  weights: ArrayLike<number>,
  inputs: number,
  units: number,
  j: number,
): number[] {
  return Array.from({ length: inputs }, (_, i) => weights[i * units + j] as number);
}

/** The largest |w| of a unit's weights (0 when all are 0): the ends of its colour scale. */
export function largestMagnitude(values: readonly number[]): number {
  return values.reduce((m, v) => Math.max(m, Math.abs(v)), 0);
}

/** The target of class k as the network's output says it: one-hot, or 0/1 for two classes. */
export function targetOf(k: number, data: PreparedData): number[] {
  if (data.task === 'binary') return [k];
  return data.targetNames.map((_, j) => (j === k ? 1 : 0));
}

/** A drawing's pixels (on the data's scale) as a sample: scaled as the inputs were, with class k. */
export function drawingSample(pixels: readonly number[], data: PreparedData, k: number): Sample {
  return { x: featureVector(data.features, applyScale(data.scale, pixels)), y: targetOf(k, data) };
}

/**
 * The network's answer on a sample: each class's probability (two classes: of 0, then of 1), or
 * its outputs for regression.
 */
export function answerOf(network: Network, sample: Sample, task: Task): number[] {
  const layers = runPass(network, [sample]).samples[0]?.layers ?? [];
  const output = Array.from(layers[layers.length - 1]?.a ?? []);
  if (task === 'binary') return [1 - (output[0] as number), output[0] as number];
  return output;
}
