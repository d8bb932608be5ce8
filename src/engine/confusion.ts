import type { PackedSet } from './packed';

/**
 * Results for classes: which class a vector stands for, the confusion matrix of true against
 * predicted classes, and each class's accuracy (recall) and precision. The rules are the ones
 * `Trainer.evaluate` scores accuracy by, so the matrix's diagonal over its total is that accuracy.
 */

/** How a vector names a class: one output read against ½ (0 or 1), or the largest of several. */
export type ClassRule = 'threshold' | 'argmax';

/**
 * The class of values[offset … offset + size − 1]: 1 if the first is ≥ ½ else 0 (threshold; one
 * sigmoid output), or the index of the largest, the first one on a tie (argmax; softmax).
 */
export function classOf(
  values: ArrayLike<number>,
  offset: number,
  size: number,
  rule: ClassRule,
): number {
  if (rule === 'threshold') return (values[offset] as number) >= 0.5 ? 1 : 0;
  let best = 0;
  for (let j = 1; j < size; j++) {
    if ((values[offset + j] as number) > (values[offset + best] as number)) best = j;
  }
  return best;
}

/** The true class of each sample of a packed set, from its target y. */
export function targetClasses(set: PackedSet, rule: ClassRule): Int32Array {
  const classes = new Int32Array(set.count);
  for (let s = 0; s < set.count; s++) {
    classes[s] = classOf(set.targets, s * set.outputSize, set.outputSize, rule);
  }
  return classes;
}

/**
 * counts[t][p]: how many samples of true class t were predicted as class p (rows true, columns
 * predicted), for `classes` classes. A class outside 0 … classes − 1 is an error, not skipped.
 */
export function confusionMatrix(
  truth: ArrayLike<number>,
  predicted: ArrayLike<number>,
  classes: number,
): number[][] {
  if (truth.length !== predicted.length) {
    throw new Error(`${truth.length} true classes but ${predicted.length} predictions.`);
  }
  const counts = Array.from({ length: classes }, () => Array<number>(classes).fill(0));
  for (let s = 0; s < truth.length; s++) {
    const t = truth[s] as number;
    const p = predicted[s] as number;
    const row = counts[t];
    if (!row || !(p >= 0 && p < classes) || !Number.isInteger(t) || !Number.isInteger(p)) {
      throw new Error(
        `Sample ${s} has class ${t} predicted as ${p}; there are ${classes} classes.`,
      );
    }
    row[p] = (row[p] as number) + 1;
  }
  return counts;
}

export interface ClassScores {
  /** Per true class: the fraction of its samples predicted right (recall); null with none. */
  recall: (number | null)[];
  /** Per predicted class: the fraction of its predictions that were right; null with none. */
  precision: (number | null)[];
  /** Samples predicted right (the diagonal's sum) and all samples. */
  correct: number;
  total: number;
}

/** Recall, precision and the totals of a confusion matrix. */
export function classScores(counts: readonly (readonly number[])[]): ClassScores {
  const K = counts.length;
  const rowSums = counts.map((row) => row.reduce((a, b) => a + b, 0));
  const columnSums = Array.from({ length: K }, (_, p) =>
    counts.reduce((sum, row) => sum + (row[p] ?? 0), 0),
  );
  const diagonal = counts.map((row, k) => row[k] ?? 0);
  const ratio = (right: number, of: number) => (of > 0 ? right / of : null);
  return {
    recall: diagonal.map((right, k) => ratio(right, rowSums[k] as number)),
    precision: diagonal.map((right, k) => ratio(right, columnSums[k] as number)),
    correct: diagonal.reduce((a, b) => a + b, 0),
    total: rowSums.reduce((a, b) => a + b, 0),
  };
}

/** The first `max` samples whose predicted class is not their true one, and how many there are. */
export function misclassified(
  truth: ArrayLike<number>,
  predicted: ArrayLike<number>,
  max: number,
): { indices: number[]; count: number } {
  const indices: number[] = [];
  let count = 0;
  for (let s = 0; s < truth.length; s++) {
    if (truth[s] === predicted[s]) continue;
    if (count < max) indices.push(s);
    count++;
  }
  return { indices, count };
}
