import { multiplyByActivationDerivative } from './activationLoops';
import { assertNever } from './assertNever';
import type { Buffers, Kernel } from './kernel';
import { softplus } from './activations';
import { LOSS_REGISTRY, type Loss } from './lossRegistry';
import type { Activation } from './types';

/**
 * The loss of one sample and the output δ^(L) = ∂loss/∂z^(L): the squared errors from the output
 * a, the cross-entropies from the logits z.
 */

/**
 * The sample's loss, and the output δ^(L) = ∂loss/∂z^(L) written into the last delta buffer.
 * The cross-entropies are taken from the logits z, so they stay finite and relatively exact for
 * |z| up to 1000s: with e = e^(−|z|), ln σ(±z) and σ(±z) all come from the one exp without
 * cancelling, where ln a or 1 − a would round away everything once a is within 1e-16 of 1.
 */
export function outputLossAndDelta(kernel: Kernel, y: ArrayLike<number>, buf: Buffers): number {
  const L = kernel.W.length - 1;
  const n = kernel.sizes[L + 1] as number;
  const activation = kernel.activations[L] as Activation;
  const z = buf.zs[L] as Float64Array;
  const a = buf.as[L + 1] as Float64Array;
  const delta = buf.deltas[L] as Float64Array;
  const record = LOSS_REGISTRY[kernel.loss];
  switch (record.family) {
    case 'binaryCrossEntropy':
      return binaryCrossEntropy(z, y, delta, n, false);
    case 'crossEntropy':
      return activation === 'softmax'
        ? softmaxCrossEntropy(z, a, y, delta, n)
        : binaryCrossEntropy(z, y, delta, n, true);
    case 'squared': {
      let loss = 0;
      const c = record.factor(n);
      for (let j = 0; j < n; j++) {
        const diff = (a[j] as number) - (y[j] as number);
        loss += diff * diff;
        delta[j] = c * diff;
      }
      multiplyByActivationDerivative(activation, z, a, delta, n);
      return record.total(loss, n);
    }
    default:
      return assertNever(record);
  }
}

/**
 * Sigmoid outputs. Binary cross-entropy −Σ[y ln σ(z) + (1−y) ln σ(−z)] with δ = σ(z) − y, or, with
 * `targetTermOnly` (the brief's cross-entropy for sigmoid outputs), cross-entropy −Σ y ln σ(z) with δ = −y σ(−z). Since −ln σ(z) = max(−z, 0) + ln(1 + e)
 * and −ln σ(−z) = max(z, 0) + ln(1 + e), the loss per unit is that positive part plus ln(1 + e)
 * (weighted by y + (1 − y) = 1), and δ = (1 − y)σ(z) − yσ(−z) keeps its size when σ(z) ≈ y ∈ {0, 1}.
 */
function binaryCrossEntropy(
  z: Float64Array,
  y: ArrayLike<number>,
  delta: Float64Array,
  n: number,
  targetTermOnly: boolean,
): number {
  let loss = 0;
  for (let j = 0; j < n; j++) {
    const zj = z[j] as number;
    const yj = y[j] as number;
    const e = Math.exp(-Math.abs(zj));
    const logOnePlusE = Math.log1p(e);
    const big = 1 / (1 + e); // σ(|z|)
    const small = e / (1 + e); // σ(−|z|)
    const sigmoidZ = zj >= 0 ? big : small;
    const sigmoidMinusZ = zj >= 0 ? small : big;
    if (targetTermOnly) {
      loss += yj * (Math.max(-zj, 0) + logOnePlusE);
      delta[j] = -yj * sigmoidMinusZ;
    } else {
      loss += (zj >= 0 ? (1 - yj) * zj : -yj * zj) + logOnePlusE;
      delta[j] = (1 - yj) * sigmoidZ - yj * sigmoidMinusZ;
    }
  }
  return loss;
}

/**
 * Softmax outputs, −Σ y_k ln a_k with ln a_k = z_k − ln Σ e^z. With m the largest logit and
 * r = Σ_{k≠m} e^(z_k − z_m), ln Σ e^z − z_k = (z_m − z_k) + ln(1 + r): two terms ≥ 0, so no
 * cancellation even when a_m ≈ 1. δ_j = a_j Σ_k y_k − y_j (the full Jacobian, which is a − y only
 * when Σy = 1), written as a_j Σ_{k≠j} y_k − y_j (1 − a_j) with 1 − a_m = r/(1 + r).
 */
function softmaxCrossEntropy(
  z: Float64Array,
  a: Float64Array,
  y: ArrayLike<number>,
  delta: Float64Array,
  n: number,
): number {
  let top = 0;
  for (let k = 1; k < n; k++) if ((z[k] as number) > (z[top] as number)) top = k;
  const max = z[top] as number;
  let rest = 0;
  let ySum = 0;
  let yRest = 0;
  for (let k = 0; k < n; k++) {
    const yk = y[k] as number;
    ySum += yk;
    if (k !== top) {
      rest += Math.exp((z[k] as number) - max);
      yRest += yk;
    }
  }
  const logOnePlusRest = Math.log1p(rest);
  let loss = 0;
  for (let k = 0; k < n; k++) {
    const yk = y[k] as number;
    loss += yk * (max - (z[k] as number) + logOnePlusRest);
    delta[k] =
      k === top
        ? (a[k] as number) * yRest - yk * (rest / (1 + rest))
        : (a[k] as number) * (ySum - yk) - yk * (1 - (a[k] as number));
  }
  return loss;
}

/**
 * One term of a sample's loss, the loss's own parts: the computation graph (graph.ts) draws each as
 * a node. A sample's loss is `weight` · Σ_j term_j (weight: 1, ½ or 1/K for the squared errors, 1
 * for the cross-entropies), the same number outputLossAndDelta sums. `dA` and `dY` are the term's
 * local derivatives ∂term/∂a_j and ∂term/∂y_j. The logarithms are taken from z, as above, so a
 * term stays finite where ln a would not.
 */
export interface LossTerm {
  value: number;
  dA: number;
  dY: number;
}

/** The factor in front of Σ_j term_j: 1, ½ or 1/K (the squared errors), 1 (the cross-entropies). */
export function lossTermWeight(loss: Loss, outputs: number): number {
  const record = LOSS_REGISTRY[loss];
  return record.family === 'squared' ? record.total(1, outputs) : 1;
}

/** ln Σ_k e^{z_k}, without overflow. */
function logSumExp(z: ArrayLike<number>): number {
  let max = -Infinity;
  for (let k = 0; k < z.length; k++) max = Math.max(max, z[k] as number);
  let rest = 0;
  for (let k = 0; k < z.length; k++) rest += Math.exp((z[k] as number) - max);
  return max + Math.log(rest);
}

/**
 * Term j of the loss of an output layer with pre-activations z, activations a (by `activation`) and
 * targets y: (a − y)², −[y ln a + (1 − y) ln(1 − a)] or −y ln a.
 */
export function lossTerm(
  loss: Loss,
  activation: Activation,
  z: ArrayLike<number>,
  a: ArrayLike<number>,
  y: ArrayLike<number>,
  j: number,
): LossTerm {
  const zj = z[j] as number;
  const aj = a[j] as number;
  const yj = y[j] as number;
  const record = LOSS_REGISTRY[loss];
  switch (record.family) {
    case 'squared': {
      const diff = aj - yj;
      return { value: diff * diff, dA: 2 * diff, dY: -2 * diff };
    }
    case 'binaryCrossEntropy':
      // −ln a = softplus(−z), −ln(1 − a) = softplus(z); ∂/∂y = ln(1 − a) − ln a = −z.
      return {
        value: yj * softplus(-zj) + (1 - yj) * softplus(zj),
        dA: (aj - yj) / (aj * (1 - aj)),
        dY: -zj,
      };
    case 'crossEntropy': {
      const minusLogA = activation === 'softmax' ? logSumExp(z) - zj : softplus(-zj);
      return { value: yj * minusLogA, dA: -yj / aj, dY: minusLogA };
    }
    default:
      return assertNever(record);
  }
}
