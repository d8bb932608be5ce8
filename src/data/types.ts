import type { PackedSet } from '../engine';
import type { PictureShape } from './picture';

/**
 * What the data asks of the network: one sigmoid output with labels in {0, 1} (binary), one-hot
 * targets for a softmax output with cross-entropy (multiclass), or real targets (regression).
 */
export type Task = 'binary' | 'multiclass' | 'regression';

export const TASK_NAMES: Record<Task, string> = {
  binary: 'two classes',
  multiclass: 'several classes',
  regression: 'regression',
};

/** A closed interval [min, max] of one raw input, for plotting and for the heatmap grid. */
export type Range = [number, number];

/**
 * Points before any input features are computed: inputs are the raw inputs, targets the targets,
 * packed row by row (a 20,000-row file is two typed arrays, not 20,000 objects).
 */
export interface Dataset {
  task: Task;
  points: PackedSet;
  /** Names of the raw inputs (x₁, x₂, or a CSV header). */
  inputNames: string[];
  targetNames: string[];
  /** The range plotted for each raw input. */
  domain: Range[];
  /** A table's points: the line of the file each came from (generated points have none). */
  lines?: Int32Array;
  /** When the raw inputs are a picture's pixels (row by row): its shape. */
  picture?: PictureShape | null;
}

/** How generated data is made: same choices, same points. */
export interface GeneratorOptions {
  /** Number of points (train and test together). */
  count: number;
  /** 0 (clean) to 0.5 (very noisy), as Playground's 0–50 %. */
  noise: number;
  seed: number;
}
