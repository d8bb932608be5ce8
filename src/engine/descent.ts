import { assertNever } from './assertNever';
import type { LayerMoments, Optimizer } from './optimizers';
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

/**
 * Steps params P (in place) by the gradient sums G over m samples, with state buffers M and V (null
 * where the optimizer keeps none) read from `from` and written to `to` (the same buffers, or a
 * second set: the trainer keeps the state before the step that way, for an overflow, without a
 * copy), the penalty on P when `penalized`. Returns the first index out of bounds, or −1.
 *
 * Each optimizer has its own loop, with what is the same for every parameter (Adam's 1 − β₁ᵗ and
 * 1 − β₂ᵗ) worked out once: one call of moveParameter per parameter, with its switch and its powers,
 * cost Adam four fifths of the trainer's speed. Each loop is moveParameter's rule (optimizers.ts)
 * term for term, in the same order, so the numbers are the same to the last bit (a unit test
 * compares them).
 */
function optimize(
  P: Float64Array,
  G: Float64Array,
  from: { M: Float64Array | null; V: Float64Array | null },
  to: { M: Float64Array | null; V: Float64Array | null },
  step: DescentStep,
  optimizer: Optimizer,
  penalized: boolean,
): number {
  const { learningRate: eta, batchCount: m, penalty, bound } = step;
  const t = step.t ?? 1;
  const lambda = penalized && penalty.kind !== 'none' ? penalty.rate : 0;
  const kind = penalty.kind;
  let first = -1;
  const n = P.length;
  switch (optimizer.kind) {
    case 'sgd':
      for (let k = 0; k < n; k++) {
        const p = P[k] as number;
        let g = (G[k] as number) / m;
        if (lambda !== 0) g += lambda * penaltyDerivative(kind, p);
        const next = p - eta * g;
        P[k] = next;
        if (!(Math.abs(next) <= bound) && first < 0) first = k;
      }
      return first;
    case 'momentum': {
      const mu = optimizer.momentum;
      const nesterov = optimizer.nesterov === true;
      const velocity = from.V as Float64Array;
      const velocityOut = to.V as Float64Array;
      for (let k = 0; k < n; k++) {
        const p = P[k] as number;
        let g = (G[k] as number) / m;
        if (lambda !== 0) g += lambda * penaltyDerivative(kind, p);
        const v = mu * (velocity[k] as number) + g;
        velocityOut[k] = v;
        const next = p - eta * (nesterov ? g + mu * v : v);
        P[k] = next;
        if (!(Math.abs(next) <= bound) && first < 0) first = k;
      }
      return first;
    }
    case 'rmsprop': {
      const rho = optimizer.alpha;
      const { epsilon } = optimizer;
      const square = from.V as Float64Array;
      const squareOut = to.V as Float64Array;
      const rest = 1 - rho;
      for (let k = 0; k < n; k++) {
        const p = P[k] as number;
        let g = (G[k] as number) / m;
        if (lambda !== 0) g += lambda * penaltyDerivative(kind, p);
        const v = rho * (square[k] as number) + rest * g * g;
        squareOut[k] = v;
        const next = p - (eta * g) / (Math.sqrt(v) + epsilon);
        P[k] = next;
        if (!(Math.abs(next) <= bound) && first < 0) first = k;
      }
      return first;
    }
    case 'adam': {
      const { beta1, beta2, epsilon } = optimizer;
      const first1 = 1 - beta1 ** t;
      const second1 = 1 - beta2 ** t;
      const mean = from.M as Float64Array;
      const square = from.V as Float64Array;
      const meanOut = to.M as Float64Array;
      const squareOut = to.V as Float64Array;
      const rest1 = 1 - beta1;
      const rest2 = 1 - beta2;
      for (let k = 0; k < n; k++) {
        const p = P[k] as number;
        let g = (G[k] as number) / m;
        if (lambda !== 0) g += lambda * penaltyDerivative(kind, p);
        const mk = beta1 * (mean[k] as number) + rest1 * g;
        const vk = beta2 * (square[k] as number) + rest2 * g * g;
        meanOut[k] = mk;
        squareOut[k] = vk;
        const next = p - (eta * (mk / first1)) / (Math.sqrt(vk / second1) + epsilon);
        P[k] = next;
        if (!(Math.abs(next) <= bound) && first < 0) first = k;
      }
      return first;
    }
    default:
      return assertNever(optimizer);
  }
}

/** "Train biases" is on, off, or not given (on). */
export function validateTrainBiases(trainBiases: unknown): void {
  if (trainBiases !== undefined && typeof trainBiases !== 'boolean') {
    throw new Error(`"Train biases" is ${String(trainBiases)}; it must be true or false.`);
  }
}

/**
 * Steps layer W (row-major n_prev × n), b by the sums gW, gb, with the optimizer's state buffers of
 * this layer (needed unless the step is plain SGD), the new state written to `into`. Returns the first parameter whose new
 * value is out of bounds, as an index (weights 0…W.length−1, then biases W.length + j), or −1.
 */
export function descend(
  W: Float64Array,
  b: Float64Array,
  gW: Float64Array,
  gb: Float64Array,
  step: DescentStep,
  moments?: LayerMoments,
  /** Where the new state goes (default: `moments`, in place). */
  into: LayerMoments | undefined = moments,
): number {
  const optimizer = step.optimizer;
  if (optimizer && optimizer.kind !== 'sgd') {
    if (!moments || !into) throw new Error(`${optimizer.kind} needs its state buffers.`);
    const weightsFrom = { M: moments.mW, V: moments.vW };
    const first = optimize(W, gW, weightsFrom, { M: into.mW, V: into.vW }, step, optimizer, true);
    if (!step.trainBiases) {
      // Frozen biases keep their state: carried as it is into the new buffers.
      if (into !== moments) {
        if (into.mb && moments.mb) into.mb.set(moments.mb);
        if (into.vb && moments.vb) into.vb.set(moments.vb);
      }
      return first;
    }
    const biasesFrom = { M: moments.mb, V: moments.vb };
    const biasesTo = { M: into.mb, V: into.vb };
    const firstBias = optimize(b, gb, biasesFrom, biasesTo, step, optimizer, false);
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
