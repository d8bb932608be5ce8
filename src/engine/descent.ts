import { moveParameter, newMove, type LayerMoments, type Optimizer } from './optimizers';
import { penaltyDerivative, type Penalty } from './regularization';

/**
 * The update step, written once for the stepper (applyGradients), `train` and the trainer: on one
 * layer's flat parameters, in place. With plain SGD
 *   W ← W − η (∂L/∂W + λR'(W)),   b ← b − η ∂L/∂b,
 * where ∂L/∂W = gW / m and ∂L/∂b = gb / m: the gradients are sums over a mini-batch of m samples
 * (m = 1 when they are already means). Another optimizer (optimizers.ts) takes the same gradient,
 * the penalty's λR'(W) included (PyTorch's coupled weight decay: the penalty is part of the loss
 * the optimizer descends), and moves each parameter by its own rule, updating its state. With
 * `trainBiases` false the biases stay as they are: they still have gradients, which the learner
 * sees, but the step does not apply them (the classic worked examples update the weights only),
 * and their state stays as it was, as a frozen parameter's does in PyTorch.
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
  /** Plain SGD when absent. */
  optimizer?: Optimizer;
  /** The number of this step, from 1 (Adam's bias correction). */
  t?: number;
}

/** The scratch record the optimizers' loop writes each parameter's move into. */
const move = newMove();

/**
 * Steps params P (in place) by the gradient sums G over m samples, with state buffers M and V (null
 * where the optimizer keeps none), the penalty on P when `penalized`. Returns the first index out of
 * bounds, or −1.
 */
function optimize(
  P: Float64Array,
  G: Float64Array,
  M: Float64Array | null,
  V: Float64Array | null,
  step: DescentStep,
  optimizer: Optimizer,
  penalized: boolean,
): number {
  const { learningRate: eta, batchCount: m, penalty, bound } = step;
  const t = step.t ?? 1;
  const lambda = penalized && penalty.kind !== 'none' ? penalty.rate : 0;
  let first = -1;
  for (let k = 0; k < P.length; k++) {
    const p = P[k] as number;
    let g = (G[k] as number) / m;
    if (lambda !== 0) g += lambda * penaltyDerivative(penalty.kind, p);
    moveParameter(optimizer, eta, t, g, M ? (M[k] as number) : 0, V ? (V[k] as number) : 0, move);
    if (M) M[k] = move.m;
    if (V) V[k] = move.v;
    const next = p - move.step;
    P[k] = next;
    if (!(Math.abs(next) <= bound) && first < 0) first = k;
  }
  return first;
}

/** "Train biases" is on, off, or not given (on). */
export function validateTrainBiases(trainBiases: unknown): void {
  if (trainBiases !== undefined && typeof trainBiases !== 'boolean') {
    throw new Error(`"Train biases" is ${String(trainBiases)}; it must be true or false.`);
  }
}

/**
 * Steps layer W (row-major n_prev × n), b by the sums gW, gb, with the optimizer's state buffers of
 * this layer (needed unless the step is plain SGD). Returns the first parameter whose new
 * value is out of bounds, as an index (weights 0…W.length−1, then biases W.length + j), or −1.
 */
export function descend(
  W: Float64Array,
  b: Float64Array,
  gW: Float64Array,
  gb: Float64Array,
  step: DescentStep,
  moments?: LayerMoments,
): number {
  const optimizer = step.optimizer;
  if (optimizer && optimizer.kind !== 'sgd') {
    if (!moments) throw new Error(`${optimizer.kind} needs its state buffers.`);
    const first = optimize(W, gW, moments.mW, moments.vW, step, optimizer, true);
    if (!step.trainBiases) return first;
    const firstBias = optimize(b, gb, moments.mb, moments.vb, step, optimizer, false);
    return first >= 0 ? first : firstBias >= 0 ? W.length + firstBias : -1;
  }
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
