import { penaltyDerivative, type Penalty } from './regularization';

/**
 * The gradient-descent step, written once for the stepper (applyGradients), `train` and the
 * trainer: on one layer's flat parameters, in place,
 *   W ← W − η (∂L/∂W + λR'(W)),   b ← b − η ∂L/∂b,
 * where ∂L/∂W = gW / m and ∂L/∂b = gb / m: the gradients are sums over a mini-batch of m samples
 * (m = 1 when they are already means). With `trainBiases` false the biases stay as they are: they
 * still have gradients, which the learner sees, but the step does not apply them (the classic
 * worked examples update the weights only).
 */
export interface DescentStep {
  /** η. */
  learningRate: number;
  /** Samples the gradient sums are taken over. */
  batchCount: number;
  penalty: Penalty;
  trainBiases: boolean;
  /** A new value beyond ±bound (or NaN) is reported. Number.MAX_VALUE: any non-finite one. */
  bound: number;
}

/** "Train biases" is on, off, or not given (on). */
export function validateTrainBiases(trainBiases: unknown): void {
  if (trainBiases !== undefined && typeof trainBiases !== 'boolean') {
    throw new Error(`"Train biases" is ${String(trainBiases)}; it must be true or false.`);
  }
}

/**
 * Steps layer W (row-major n_prev × n), b by the sums gW, gb. Returns the first parameter whose new
 * value is out of bounds, as an index (weights 0…W.length−1, then biases W.length + j), or −1.
 */
export function descend(
  W: Float64Array,
  b: Float64Array,
  gW: Float64Array,
  gb: Float64Array,
  step: DescentStep,
): number {
  const { learningRate: eta, batchCount: m, penalty, bound } = step;
  const lambda = penalty.kind === 'none' ? 0 : penalty.rate;
  let first = -1;
  // Two loops rather than a test of λ inside one: the hot loop of training without a penalty
  // stays as plain as the formula.
  if (lambda === 0) {
    for (let k = 0; k < W.length; k++) {
      const next = (W[k] as number) - eta * ((gW[k] as number) / m);
      W[k] = next;
      if (!(Math.abs(next) <= bound) && first < 0) first = k;
    }
  } else {
    for (let k = 0; k < W.length; k++) {
      const w = W[k] as number;
      const next = w - eta * ((gW[k] as number) / m + lambda * penaltyDerivative(penalty.kind, w));
      W[k] = next;
      if (!(Math.abs(next) <= bound) && first < 0) first = k;
    }
  }
  if (!step.trainBiases) return first;
  for (let j = 0; j < b.length; j++) {
    const next = (b[j] as number) - eta * ((gb[j] as number) / m);
    b[j] = next;
    if (!(Math.abs(next) <= bound) && first < 0) first = W.length + j;
  }
  return first;
}
