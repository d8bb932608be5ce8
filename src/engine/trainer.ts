import { descend, validateTrainBiases, type DescentStep } from './descent';
import { createRng } from './init';
import {
  allocateBuffers,
  allocateGradients,
  backward,
  compile,
  decompile,
  forwardLoaded,
  type Kernel,
} from './kernel';
import { outputLossAndDelta } from './losses';
import {
  allocateMoments,
  loadMoments,
  SGD,
  stateOf,
  validateOptimizer,
  validateOptimizerState,
  type LayerMoments,
  type Optimizer,
  type OptimizerState,
} from './optimizers';
import { flatPenalty, validatePenalty, type Penalty } from './regularization';
import type { PackedSet } from './packed';
import type { Network } from './types';
import { validateLearningRate, validateNetwork } from './validate';

/**
 * Mini-batch gradient descent that can be driven one step at a time: the training loop behind
 * the live view. The network lives in a flat kernel and every buffer is allocated once, so a step
 * allocates nothing. With no penalty a step is number for number runPass + optimizerStep on the
 * same mini-batch, with the optimizer's state carried from step to step (descent.ts: one update
 * rule for both).
 */

/** How a prediction is scored: a ≥ ½ per output (sigmoid), the largest output (softmax), or not. */
export type AccuracyRule = 'threshold' | 'argmax' | 'none';

export interface Evaluation {
  /** Mean data loss over the set (without the penalty). */
  loss: number;
  /** Fraction of samples predicted right, or null for regression. */
  accuracy: number | null;
}

export interface TrainerOptions {
  learningRate: number;
  /** Samples per mini-batch; the last one of an epoch may be smaller. */
  batchSize: number;
  penalty: Penalty;
  /** False: the biases keep their values (their gradients are still computed). Default true. */
  trainBiases?: boolean;
  /** Plain SGD when absent. Another kind starts its state again at zero. */
  optimizer?: Optimizer;
}

/** Beyond this a weight says nothing a smaller one does not, and saves refuse it. */
export const MAX_PARAMETER = 1e6;

/** Why training stopped itself: a number left the range where the arithmetic means anything. */
export interface Overflow {
  /** The mini-batch loss, a gradient, or a weight or bias after the update. */
  kind: 'loss' | 'gradient' | 'weight' | 'bias';
  /** The layer (1…L) of the gradient, weight or bias; null for the loss. */
  layer: number | null;
  /** The offending value (±Infinity, NaN, or beyond ±MAX_PARAMETER). */
  value: number;
  /** Epochs completed and the mini-batch of the current epoch (1-based) it happened in. */
  epoch: number;
  batch: number;
}

export interface Trainer {
  readonly kernel: Kernel;
  readonly data: PackedSet;
  /** Epochs completed. */
  readonly epoch: number;
  /** Mini-batches done in the current epoch. */
  readonly batchInEpoch: number;
  readonly examplesSeen: number;
  readonly options: TrainerOptions;
  setOptions(options: Partial<TrainerOptions>): void;
  /** Indices into the data of the mini-batch the next step will use, in order. */
  nextBatch(): number[];
  /** Move past the next mini-batch without learning from it (it was handed to the stepper). */
  skipBatch(): void;
  /**
   * Move on, without learning, until `examplesSeen` examples have gone by (a run brought back, or a
   * second run catching up with a first): the batch order is then the one training had there.
   */
  skipTo(examplesSeen: number): void;
  /** One gradient-descent step; on overflow the weights are left as they were before it. */
  step(): Overflow | null;
  /** Steps up to the end of the current epoch. */
  finishEpoch(): Overflow | null;
  /**
   * Mean loss and accuracy over a set. With `predictions` (one per sample, and a rule other than
   * 'none'), each sample's predicted class is written there as `classOf` reads the output.
   */
  evaluate(set: PackedSet, rule: AccuracyRule, predictions?: Int32Array): Evaluation;
  /** λ·ΣR(w) for the current weights. */
  penalty(): number;
  /** Mean ‖∂L/∂W^(l)‖ (Frobenius, data loss) per layer over the steps since the last call. */
  takeGradientNorms(): number[] | null;
  network(): Network;
  /** New weights of the same shape; the position in the epoch is kept. */
  setNetwork(network: Network): void;
  /** The optimizer's state after the steps taken: t, and m, v per parameter (plain numbers). */
  optimizerState(): OptimizerState;
  /**
   * Go on from a saved state (a reload, a link): one of this optimizer's, fitting the network;
   * another optimizer's starts afresh. Throws when it does not fit.
   */
  setOptimizerState(state: OptimizerState): void;
}

function validateOptions(o: TrainerOptions): void {
  validateLearningRate(o.learningRate);
  if (!Number.isInteger(o.batchSize) || o.batchSize < 1) {
    throw new Error(`The batch size is ${o.batchSize}; it must be a whole number of at least 1.`);
  }
  validatePenalty(o.penalty);
  validateTrainBiases(o.trainBiases);
  if (o.optimizer !== undefined) validateOptimizer(o.optimizer);
}

const sameShape = (a: Kernel, b: Kernel) =>
  a.loss === b.loss &&
  a.sizes.join() === b.sizes.join() &&
  a.activations.join() === b.activations.join();

export function createTrainer(
  network: Network,
  data: PackedSet,
  initialOptions: TrainerOptions,
  seed: number,
): Trainer {
  validateNetwork(network);
  if (data.count < 1) throw new Error('There is nothing to train on: the training set is empty.');
  validateOptions(initialOptions);
  const kernel = compile(network);
  const nIn = kernel.sizes[0] as number;
  const nOut = kernel.sizes[kernel.sizes.length - 1] as number;
  if (data.inputSize !== nIn || data.outputSize !== nOut) {
    throw new Error(
      `The data has ${data.inputSize} inputs and ${data.outputSize} targets; the network takes ${nIn} and gives ${nOut}.`,
    );
  }
  const L = kernel.W.length;
  const buf = allocateBuffers(kernel.sizes);
  const { gW, gb } = allocateGradients(kernel);
  const goodW = kernel.W.map((w) => new Float64Array(w.length));
  const goodB = kernel.b.map((b) => new Float64Array(b.length));
  // Each sample's input goes straight into the input layer's buffer, its target into y.
  const x = buf.as[0] as Float64Array;
  const y = new Float64Array(nOut);
  const normSums = new Float64Array(L);
  let normCount = 0;
  let options = { ...initialOptions };
  // The optimizer's state and t. A step reads `moments` and writes the new state to `next`, and
  // the two swap when it succeeds: on overflow the state before it is still there, uncopied.
  let moments: LayerMoments[] = [];
  let next: LayerMoments[] = [];
  let t = 0;
  const startOptimizer = () => {
    const optimizer = options.optimizer ?? SGD;
    moments = allocateMoments(kernel.sizes, optimizer);
    next = allocateMoments(kernel.sizes, optimizer);
    t = 0;
  };
  startOptimizer();
  const rng = createRng(seed);
  const order = new Uint32Array(data.count);
  for (let i = 0; i < order.length; i++) order[i] = i;
  const shuffle = () => {
    for (let i = order.length - 1; i > 0; i--) {
      const j = Math.floor(rng() * (i + 1));
      const t = order[i] as number;
      order[i] = order[j] as number;
      order[j] = t;
    }
  };
  shuffle();
  let cursor = 0;
  let epoch = 0;
  let batchInEpoch = 0;
  let examplesSeen = 0;

  const load = (set: PackedSet, s: number) => {
    const inputs = set.inputs;
    const targets = set.targets;
    for (let i = 0, at = s * nIn; i < nIn; i++, at++) x[i] = inputs[at] as number;
    for (let j = 0, at = s * nOut; j < nOut; j++, at++) y[j] = targets[at] as number;
  };

  const advance = (end: number) => {
    examplesSeen += end - cursor;
    cursor = end;
    batchInEpoch++;
    if (cursor >= data.count) {
      cursor = 0;
      batchInEpoch = 0;
      epoch++;
      shuffle();
    }
  };

  const batchEnd = () => Math.min(cursor + options.batchSize, data.count);

  const overflow = (kind: Overflow['kind'], layer: number | null, value: number): Overflow => ({
    kind,
    layer,
    value,
    epoch,
    batch: batchInEpoch + 1,
  });

  function step(): Overflow | null {
    const end = batchEnd();
    const m = end - cursor;
    for (let l = 0; l < L; l++) {
      (gW[l] as Float64Array).fill(0);
      (gb[l] as Float64Array).fill(0);
    }
    let loss = 0;
    for (let s = cursor; s < end; s++) {
      load(data, order[s] as number);
      forwardLoaded(kernel, buf);
      loss += outputLossAndDelta(kernel, y, buf);
      backward(kernel, buf, gW, gb);
    }
    if (!Number.isFinite(loss)) return overflow('loss', null, loss / m);
    for (let l = 0; l < L; l++) {
      const g = gW[l] as Float64Array;
      let sum = 0;
      for (let k = 0; k < g.length; k++) sum += ((g[k] as number) / m) ** 2;
      const gbl = gb[l] as Float64Array;
      let biasSum = 0;
      for (let k = 0; k < gbl.length; k++) biasSum += gbl[k] as number;
      if (!Number.isFinite(sum) || !Number.isFinite(biasSum)) {
        return overflow('gradient', l + 1, Number.isFinite(sum) ? biasSum : sum);
      }
      normSums[l] = (normSums[l] as number) + Math.sqrt(sum);
    }
    normCount++;
    const descent: DescentStep = {
      learningRate: options.learningRate,
      batchCount: m,
      penalty: options.penalty,
      trainBiases: options.trainBiases ?? true,
      bound: MAX_PARAMETER,
      optimizer: options.optimizer ?? SGD,
      t: t + 1,
    };
    let problem: Overflow | null = null;
    for (let l = 0; l < L && !problem; l++) {
      const w = kernel.W[l] as Float64Array;
      const b = kernel.b[l] as Float64Array;
      (goodW[l] as Float64Array).set(w);
      (goodB[l] as Float64Array).set(b);
      const first = descend(
        w,
        b,
        gW[l] as Float64Array,
        gb[l] as Float64Array,
        descent,
        moments[l],
        next[l],
      );
      if (first >= 0) {
        problem =
          first < w.length
            ? overflow('weight', l + 1, w[first] as number)
            : overflow('bias', l + 1, b[first - w.length] as number);
      }
    }
    if (problem) {
      // Back to the last good network: every layer up to the one that overflowed.
      for (let l = 0; l < L; l++) {
        if (l + 1 > (problem.layer ?? L)) break;
        (kernel.W[l] as Float64Array).set(goodW[l] as Float64Array);
        (kernel.b[l] as Float64Array).set(goodB[l] as Float64Array);
      }
      return problem;
    }
    [moments, next] = [next, moments];
    t++;
    advance(end);
    return null;
  }

  return {
    kernel,
    data,
    get epoch() {
      return epoch;
    },
    get batchInEpoch() {
      return batchInEpoch;
    },
    get examplesSeen() {
      return examplesSeen;
    },
    get options() {
      return options;
    },
    setOptions(next) {
      const merged = { ...options, ...next };
      validateOptions(merged);
      const kindBefore = (options.optimizer ?? SGD).kind;
      options = merged;
      if ((merged.optimizer ?? SGD).kind !== kindBefore) startOptimizer();
    },
    nextBatch() {
      return Array.from(order.subarray(cursor, batchEnd()));
    },
    skipBatch() {
      advance(batchEnd());
    },
    skipTo(target) {
      while (examplesSeen < target) advance(Math.min(batchEnd(), cursor + (target - examplesSeen)));
    },
    step,
    finishEpoch() {
      const target = epoch + 1;
      while (epoch < target) {
        const problem = step();
        if (problem) return problem;
      }
      return null;
    },
    evaluate(set, rule, predictions) {
      if (set.count === 0) return { loss: NaN, accuracy: null };
      let loss = 0;
      let right = 0;
      const a = buf.as[L] as Float64Array;
      for (let s = 0; s < set.count; s++) {
        load(set, s);
        forwardLoaded(kernel, buf);
        loss += outputLossAndDelta(kernel, y, buf);
        if (rule === 'threshold') {
          let ok = true;
          for (let j = 0; j < nOut; j++) ok &&= (a[j] as number) >= 0.5 === (y[j] as number) >= 0.5;
          if (ok) right++;
          if (predictions) predictions[s] = (a[0] as number) >= 0.5 ? 1 : 0;
        } else if (rule === 'argmax') {
          let best = 0;
          let truth = 0;
          for (let j = 1; j < nOut; j++) {
            if ((a[j] as number) > (a[best] as number)) best = j;
            if ((y[j] as number) > (y[truth] as number)) truth = j;
          }
          if (best === truth) right++;
          if (predictions) predictions[s] = best;
        }
      }
      return { loss: loss / set.count, accuracy: rule === 'none' ? null : right / set.count };
    },
    penalty() {
      return flatPenalty(kernel.W, options.penalty);
    },
    takeGradientNorms() {
      if (normCount === 0) return null;
      const norms = Array.from(normSums, (sum) => sum / normCount);
      normSums.fill(0);
      normCount = 0;
      return norms;
    },
    network() {
      return decompile(kernel);
    },
    setNetwork(next) {
      validateNetwork(next);
      const compiled = compile(next);
      if (!sameShape(kernel, compiled)) {
        throw new Error('The new network has another shape; start a new trainer for it.');
      }
      compiled.W.forEach((w, l) => (kernel.W[l] as Float64Array).set(w));
      compiled.b.forEach((b, l) => (kernel.b[l] as Float64Array).set(b));
    },
    optimizerState() {
      return stateOf(options.optimizer ?? SGD, t, moments);
    },
    setOptimizerState(state) {
      const optimizer = options.optimizer ?? SGD;
      const network = decompile(kernel);
      validateOptimizerState(network, state);
      if (state.kind !== optimizer.kind) {
        startOptimizer();
        return;
      }
      loadMoments(moments, state);
      t = state.t;
    },
  };
}
