import type { Activation } from './types';

/**
 * Each activation beside its derivative, as in the notes: f(z) and f'(z).
 * The derivative is written in terms of z and a = f(z), since σ' = σ(1 − σ) and tanh' = 1 − tanh²
 * are both cheaper and more exact from a. Softmax is not elementwise: see softmaxInPlace and the
 * Jacobian product in kernel.ts.
 */
export interface ElementwiseActivation {
  f: (z: number) => number;
  df: (z: number, a: number) => number;
}

export const LEAKY_RELU_SLOPE = 0.01;

/** σ(z), computed without overflow for any finite z. */
export function sigmoid(z: number): number {
  if (z >= 0) return 1 / (1 + Math.exp(-z));
  const e = Math.exp(z);
  return e / (1 + e);
}

/** softplus(z) = ln(1 + e^z), without overflow: ln σ(z) = −softplus(−z). */
export function softplus(z: number): number {
  return Math.max(z, 0) + Math.log1p(Math.exp(-Math.abs(z)));
}

export const elementwise: Record<Exclude<Activation, 'softmax'>, ElementwiseActivation> = {
  sigmoid: { f: sigmoid, df: (_z, a) => a * (1 - a) },
  tanh: { f: Math.tanh, df: (_z, a) => 1 - a * a },
  /** relu'(0) = 0. */
  relu: { f: (z) => (z > 0 ? z : 0), df: (z) => (z > 0 ? 1 : 0) },
  leakyRelu: {
    f: (z) => (z > 0 ? z : LEAKY_RELU_SLOPE * z),
    df: (z) => (z > 0 ? 1 : LEAKY_RELU_SLOPE),
  },
  linear: { f: (z) => z, df: () => 1 },
};

/** a = softmax(z), shifted by max z so no exponent overflows. Returns ln Σ e^z (log-sum-exp). */
export function softmaxInPlace(z: ArrayLike<number>, a: Float64Array | number[], n: number): number {
  let max = -Infinity;
  for (let j = 0; j < n; j++) max = Math.max(max, z[j] as number);
  let sum = 0;
  for (let j = 0; j < n; j++) {
    const e = Math.exp((z[j] as number) - max);
    a[j] = e;
    sum += e;
  }
  for (let j = 0; j < n; j++) a[j] = (a[j] as number) / sum;
  return max + Math.log(sum);
}
