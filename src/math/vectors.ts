import { elementwise, type Activation } from '../engine';
import { notationIn, range, type NetworkContext } from './context';
import { column, row, shaped } from './tex';

/**
 * Whole layers as vectors in the notation's orientation: columns (n×1) in the standard and LFD
 * notations, rows (1×n) in note 004.
 */

export function isRows(ctx: NetworkContext): boolean {
  return notationIn(ctx).vectors === 'row';
}

/**
 * Layer l's activations as the matrix form multiplies them: with the bias as weight 0 (note 001),
 * every layer below the output starts with x_0 = 1, so that s = Wᵀx takes in the bias row of W.
 */
export function inputVector(ctx: NetworkContext, l: number, values: number[]): number[] {
  const carriesOne = notationIn(ctx).bias === 'weightZero' && l < ctx.network.layers.length;
  return carriesOne ? [1, ...values] : values;
}

/** A layer-sized vector of numbers as a column or a row. */
export function vector(ctx: NetworkContext, values: ArrayLike<number>): string {
  return isRows(ctx) ? row(values) : column(values);
}

/** A vector symbol with its shape underneath: n×1, or 1×n for rows. */
export function shapedVector(ctx: NetworkContext, symbol: string, n: number | string): string {
  return isRows(ctx) ? shaped(symbol, 1, n) : shaped(symbol, n, 1);
}

/** 'n×1' or '1×n' in plain text. */
export function vectorShape(ctx: NetworkContext, n: number): string {
  return isRows(ctx) ? `1×${n}` : `${n}×1`;
}

/** f'(z) of every unit of a layer, for an elementwise f. */
export function derivativeVector(activation: Activation, z: number[], a: number[]): number[] {
  if (activation === 'softmax') return z.map(() => NaN);
  return z.map((zj, j) => elementwise[activation].df(zj, a[j] ?? NaN));
}

/** The softmax Jacobian ∂a/∂z = diag(a) − a aᵀ (symmetric). */
export function softmaxJacobian(a: number[]): number[][] {
  return a.map((aj, j) => a.map((ak, k) => (j === k ? aj : 0) - aj * ak));
}

/** a bᵀ: rows from a, columns from b. */
export function outer(a: number[], b: number[]): number[][] {
  return a.map((ai) => b.map((bj) => ai * bj));
}

/** The weights with LFD's bias row 0 on top: (n_{l−1}+1) × n_l. */
export function augmented(weights: number[][], biases: number[]): number[][] {
  return [biases, ...weights];
}

export function columnOf(values: ArrayLike<number>): number[] {
  return range(values.length).map((i) => values[i] ?? NaN);
}
