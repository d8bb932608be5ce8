import * as registry from './activations';
import type { Activation } from './activations';
import { assertNever } from './assertNever';

// Read once here, not once per unit: module runners that turn imports into property reads (vitest,
// tsx) make an imported binding inside a loop a getter call per unit. Measured under tsx: the
// leaky ReLU grid pass 0.60 ms with the imports read in the loop, 0.21 ms with these (main: 0.19).
const {
  elu,
  eluDerivative,
  LEAKY_RELU_SLOPE,
  saturatedTanhDerivative,
  sigmoid,
  sigmoidDerivative,
  swish,
  swishDerivative,
  TANH_SQUARED_SHORT_FORM_LIMIT,
} = registry;

/**
 * The hot loops through f and f' that the kernel and the grid run, one specialised loop per
 * activation. Each switch ends in assertNever, so an activation added to the registry without its
 * loops does not compile; the loops call the registry's own functions (or write out the same
 * formula), so they cannot disagree with it.
 */

/** a = f(z) for the first n units (a may be z itself, for the grid); softmax across them. */
export function activate(
  activation: Activation,
  z: Float64Array,
  a: Float64Array,
  n: number,
): void {
  switch (activation) {
    case 'sigmoid':
      for (let j = 0; j < n; j++) a[j] = sigmoid(z[j] as number);
      return;
    case 'tanh':
      for (let j = 0; j < n; j++) a[j] = Math.tanh(z[j] as number);
      return;
    case 'relu':
      for (let j = 0; j < n; j++) a[j] = (z[j] as number) > 0 ? (z[j] as number) : 0;
      return;
    case 'leakyRelu':
      for (let j = 0; j < n; j++) {
        const zj = z[j] as number;
        a[j] = zj > 0 ? zj : LEAKY_RELU_SLOPE * zj;
      }
      return;
    case 'elu':
      for (let j = 0; j < n; j++) a[j] = elu(z[j] as number);
      return;
    case 'swish':
      for (let j = 0; j < n; j++) a[j] = swish(z[j] as number);
      return;
    case 'linear':
      if (a !== z) a.set(z);
      return;
    case 'softmax':
      softmaxInPlace(z, a, n);
      return;
    default:
      assertNever(activation);
  }
}

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
    case 'elu':
      for (let j = 0; j < n; j++) delta[j] = (delta[j] as number) * eluDerivative(z[j] as number);
      return;
    case 'swish':
      for (let j = 0; j < n; j++) delta[j] = (delta[j] as number) * swishDerivative(z[j] as number);
      return;
    case 'linear':
      return;
    case 'softmax':
      softmaxJacobianProduct(a, delta, n);
      return;
    default:
      assertNever(activation);
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
