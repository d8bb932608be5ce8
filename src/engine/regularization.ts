import type { Network } from './types';

/**
 * Weight penalties, added to the loss as λ·ΣR(w) over every weight — never the biases, which
 * shift a unit without making the network more complex:
 *   L1: R(w) = |w|,   R'(w) = sign w (0 at w = 0)
 *   L2: R(w) = ½w²,   R'(w) = w
 * so gradient descent adds λ·R'(w) to each ∂L/∂w ("weight decay" for L2).
 */
export type Regularization = 'none' | 'L1' | 'L2';

export const REGULARIZATIONS: readonly Regularization[] = ['none', 'L1', 'L2'];

export interface Penalty {
  kind: Regularization;
  /** λ ≥ 0. */
  rate: number;
}

export const NO_PENALTY: Penalty = { kind: 'none', rate: 0 };

/** R(w). */
export function penaltyOf(kind: Regularization, w: number): number {
  return kind === 'L1' ? Math.abs(w) : kind === 'L2' ? 0.5 * w * w : 0;
}

/** R'(w). */
export function penaltyDerivative(kind: Regularization, w: number): number {
  if (kind === 'L2') return w;
  if (kind === 'L1') return w > 0 ? 1 : w < 0 ? -1 : 0;
  return 0;
}

/** λ·Σ R(w) over the weights of flat row-major weight matrices. */
export function flatPenalty(W: readonly Float64Array[], penalty: Penalty): number {
  if (penalty.kind === 'none' || penalty.rate === 0) return 0;
  let sum = 0;
  for (const w of W)
    for (let k = 0; k < w.length; k++) sum += penaltyOf(penalty.kind, w[k] as number);
  return penalty.rate * sum;
}

/** λ·Σ R(w) over every weight of the network (no biases). */
export function networkPenalty(network: Network, penalty: Penalty): number {
  if (penalty.kind === 'none' || penalty.rate === 0) return 0;
  let sum = 0;
  for (const layer of network.layers) {
    for (const row of layer.weights) for (const w of row) sum += penaltyOf(penalty.kind, w);
  }
  return penalty.rate * sum;
}

export function validatePenalty(penalty: Penalty): void {
  if (!['none', 'L1', 'L2'].includes(penalty?.kind)) {
    throw new Error(`Unknown regularization "${String(penalty?.kind)}"; expected none, L1 or L2.`);
  }
  if (!Number.isFinite(penalty.rate) || penalty.rate < 0) {
    throw new Error(`The regularization rate is ${penalty.rate}; it must be a finite number ≥ 0.`);
  }
}
