import type { Activation } from './types';

/**
 * Each activation beside its derivative, as in the notes: f(z) and f'(z).
 * The derivative is written in terms of z and a = f(z), since σ' = σ(1 − σ) and tanh' = 1 − tanh²
 * are cheapest from a (and from z where a has saturated). Softmax is not elementwise: see
 * softmaxInPlace and its Jacobian product below. multiplyByActivationDerivative is the backward
 * step through f that the kernel runs: δ = g ⊙ f'(z), or Jᵀg for softmax.
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

/**
 * Below these |a| the short forms σ' = a(1 − a) and tanh' = 1 − a² lose at most ~1e-14 relative.
 * Above, 1 − a cancels (σ(40) rounds to 1, so a(1 − a) would be 0 instead of 4.2e-18), so the
 * derivative is taken from z instead: σ'(z) = σ(z)σ(−z), tanh'(z) = 4e^(−2|z|)/(1 + e^(−2|z|))².
 * Saturated units are rare in training, so the extra exp costs next to nothing.
 */
const SIGMOID_SHORT_FORM_LIMIT = 0.99;
const TANH_SQUARED_SHORT_FORM_LIMIT = 0.99;

/** σ'(z) from z and a = σ(z), relatively exact for every z. */
export function sigmoidDerivative(z: number, a: number): number {
  return a <= SIGMOID_SHORT_FORM_LIMIT ? a * (1 - a) : a * sigmoid(-z);
}

/** tanh'(z) from z and a = tanh(z), relatively exact for every z. */
export function tanhDerivative(z: number, a: number): number {
  const a2 = a * a;
  return a2 <= TANH_SQUARED_SHORT_FORM_LIMIT ? 1 - a2 : saturatedTanhDerivative(z);
}

/** sech² z = 4e^(−2|z|)/(1 + e^(−2|z|))², for |tanh z| near 1. */
function saturatedTanhDerivative(z: number): number {
  const e = Math.exp(-2 * Math.abs(z));
  return (4 * e) / ((1 + e) * (1 + e));
}

export const elementwise: Record<Exclude<Activation, 'softmax'>, ElementwiseActivation> = {
  sigmoid: { f: sigmoid, df: sigmoidDerivative },
  tanh: { f: Math.tanh, df: tanhDerivative },
  /** relu'(0) = 0. */
  relu: { f: (z) => (z > 0 ? z : 0), df: (z) => (z > 0 ? 1 : 0) },
  leakyRelu: {
    f: (z) => (z > 0 ? z : LEAKY_RELU_SLOPE * z),
    df: (z) => (z > 0 ? 1 : LEAKY_RELU_SLOPE),
  },
  linear: { f: (z) => z, df: () => 1 },
};

/** a = softmax(z), shifted by max z so no exponent overflows. Returns ln Σ e^z (log-sum-exp). */
export function softmaxInPlace(
  z: ArrayLike<number>,
  a: Float64Array | number[],
  n: number,
): number {
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

/**
 * δ = g ⊙ f'(z) for an elementwise f, or δ = Jᵀg for softmax, where J_jk = a_j(1[j=k] − a_k):
 * δ_j = a_j (g_j − Σ_k a_k g_k). On entry `delta` holds g = ∂L/∂a; on exit ∂L/∂z.
 */
export function multiplyByActivationDerivative(
  activation: Activation,
  z: Float64Array,
  a: Float64Array,
  delta: Float64Array,
  n: number,
): void {
  switch (activation) {
    case 'sigmoid':
      for (let j = 0; j < n; j++) {
        delta[j] = (delta[j] as number) * sigmoidDerivative(z[j] as number, a[j] as number);
      }
      return;
    case 'tanh':
      // tanhDerivative written out: this loop is the hot one when training tanh networks.
      for (let j = 0; j < n; j++) {
        const aj = a[j] as number;
        const a2 = aj * aj;
        const slope =
          a2 <= TANH_SQUARED_SHORT_FORM_LIMIT ? 1 - a2 : saturatedTanhDerivative(z[j] as number);
        delta[j] = (delta[j] as number) * slope;
      }
      return;
    case 'relu':
      for (let j = 0; j < n; j++) if (!((z[j] as number) > 0)) delta[j] = 0;
      return;
    case 'leakyRelu':
      for (let j = 0; j < n; j++)
        if (!((z[j] as number) > 0)) delta[j] = (delta[j] as number) * LEAKY_RELU_SLOPE;
      return;
    case 'linear':
      return;
    case 'softmax':
      softmaxJacobianProduct(a, delta, n);
      return;
  }
}

/**
 * δ_j = a_j (g_j − Σ_k a_k g_k). For the largest output m, a_m ≈ 1 and that difference cancels
 * (to 0 once a_m rounds to 1), so it is summed as δ_m = a_m Σ_{k≠m} a_k (g_m − g_k), which is the
 * same since 1 − a_m = Σ_{k≠m} a_k.
 */
function softmaxJacobianProduct(a: Float64Array, delta: Float64Array, n: number): void {
  let dot = 0;
  let top = 0;
  for (let k = 0; k < n; k++) {
    dot += (a[k] as number) * (delta[k] as number);
    if ((a[k] as number) > (a[top] as number)) top = k;
  }
  const gTop = delta[top] as number;
  let topSum = 0;
  for (let k = 0; k < n; k++)
    if (k !== top) topSum += (a[k] as number) * (gTop - (delta[k] as number));
  for (let j = 0; j < n; j++) delta[j] = (a[j] as number) * ((delta[j] as number) - dot);
  delta[top] = (a[top] as number) * topSum;
}
