import type { Activation } from './activations';

/**
 * The loss registry: one record per loss, from which the `Loss` type, the `LOSSES` list, the
 * kernel's output δ (losses.ts), validation, the equations' TeX, the labels and the option lists
 * derive. The losses come in three families, each with its own formulas in losses.ts and in the
 * equations: the squared errors c·Σ(a − y)² (notes 001–004 differ only in c), binary
 * cross-entropy and cross-entropy. A new squared error is one record here; a new family also
 * needs its case in the switches over `family` (the compiler points at them).
 */

interface LossBase {
  /** The name in the learner's words, for titles: 'mean squared error'. */
  name: string;
  /** The text of its option in the loss menus: 'mean squared error (1/K)Σ(a−y)²'. */
  label: string;
}

/** Σ over n outputs of (a − y)², scaled: L = total(Σ(a − y)², n), so ∂L/∂a = factor(n)·(a − y). */
export interface SquaredErrorRecord extends LossBase {
  family: 'squared';
  /** The sample's loss from its sum of squares (sse: as is, halfSse: halved, mse: over n). */
  total(sumOfSquares: number, n: number): number;
  /** c in ∂L/∂a = c(a − y): 2, 1 or 2/n. */
  factor(n: number): number;
  /**
   * The factor in front of Σ(a − y)² in TeX, given the TeX of the number of outputs (a symbol such
   * as K, or a count): '', \tfrac12, \frac{1}{K}.
   */
  prefixTex(outputs: string): string;
  /** c in TeX, '' when it is 1, given the TeX of the number of outputs: '2', '', \frac{2}{K}. */
  factorTex(outputs: string): string;
}

/** A cross-entropy: −Σ[y ln a + (1 − y) ln(1 − a)] or −Σ y ln a; targets are probabilities. */
export interface CrossEntropyRecord extends LossBase {
  family: 'binaryCrossEntropy' | 'crossEntropy';
  /** The output activations it admits (ln a needs a > 0), and why. */
  outputs: readonly Activation[];
  outputsWhy: string;
}

export type LossRecord = SquaredErrorRecord | CrossEntropyRecord;
export type LossFamily = LossRecord['family'];

const RECORDS = {
  sse: {
    name: 'sum of squared errors',
    label: 'squared error Σ(a−y)²',
    family: 'squared',
    total: (s) => s,
    factor: () => 2,
    prefixTex: () => '',
    factorTex: () => '2',
  },
  halfSse: {
    name: '½ sum of squared errors',
    label: 'half squared error ½Σ(a−y)²',
    family: 'squared',
    total: (s) => s / 2,
    factor: () => 1,
    prefixTex: () => '\\tfrac12',
    factorTex: () => '',
  },
  mse: {
    name: 'mean squared error',
    label: 'mean squared error (1/K)Σ(a−y)² over K outputs',
    family: 'squared',
    total: (s, n) => s / n,
    factor: (n) => 2 / n,
    prefixTex: (outputs) => `\\frac{1}{${outputs}}`,
    factorTex: (outputs) => `\\frac{2}{${outputs}}`,
  },
  binaryCrossEntropy: {
    name: 'binary cross-entropy',
    label: 'binary cross-entropy',
    family: 'binaryCrossEntropy',
    outputs: ['sigmoid'],
    outputsWhy: 'its outputs must be probabilities in (0, 1)',
  },
  crossEntropy: {
    name: 'cross-entropy',
    label: 'cross-entropy −Σ y ln a',
    family: 'crossEntropy',
    outputs: ['softmax', 'sigmoid'],
    outputsWhy: 'ln a needs a > 0',
  },
} satisfies Record<string, LossRecord>;

export type Loss = keyof typeof RECORDS;

/** Every loss's record, keyed by id. */
export const LOSS_REGISTRY: { readonly [K in Loss]: LossRecord } = RECORDS;

/** The ids in menu order. Saved work and share links carry them: never rename one. */
export const LOSSES = Object.keys(RECORDS) as readonly Loss[];

/** The squared errors, in menu order: what a regression can train with. */
export const SQUARED_LOSSES: readonly Loss[] = LOSSES.filter(
  (loss) => LOSS_REGISTRY[loss].family === 'squared',
);

/** The squared-error record of a loss, or null for the cross-entropies. */
export function squaredError(loss: Loss): SquaredErrorRecord | null {
  const record = LOSS_REGISTRY[loss];
  return record.family === 'squared' ? record : null;
}

/** 2 for Σ(a−y)², 1 for ½Σ(a−y)², 2/n for the mean: the factor in ∂L/∂a = c(a − y); 1 otherwise. */
export function squaredErrorFactor(loss: Loss, n: number): number {
  return squaredError(loss)?.factor(n) ?? 1;
}

/** Do this loss's targets have to be probabilities in [0, 1]? */
export function needsProbabilities(loss: Loss): boolean {
  return LOSS_REGISTRY[loss].family !== 'squared';
}
