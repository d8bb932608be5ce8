import {
  allocateBuffers,
  allocateBufferSets,
  allocateGradients,
  backward,
  compile,
  decompile,
  forward,
  type Buffers,
} from './kernel';
import { descend, validateTrainBiases, type DescentStep } from './descent';
import { outputLossAndDelta } from './losses';
import {
  allocateMoments,
  loadMoments,
  SGD,
  stateFor,
  stateOf,
  validateOptimizer,
  validateOptimizerState,
  type Optimizer,
  type OptimizerState,
} from './optimizers';
import { NO_PENALTY } from './regularization';
import type { LayerGradients, Network, PassSnapshot, Sample, TrainOptions } from './types';
import { checkEachFinite, validateBatch, validateLearningRate, validateNetwork } from './validate';

/** A number that left the float64 range mid-computation: say which, where, and what to do. */
function overflow(where: string, value: number): never {
  throw new Error(
    `${where} overflowed to ${value}: the values grew too large for 64-bit numbers. Lower the learning rate or the weights.`,
  );
}

function checkAllFinite(values: ArrayLike<number>, where: (k: number) => string): void {
  for (let k = 0; k < values.length; k++) {
    const v = values[k] as number;
    if (!Number.isFinite(v)) overflow(where(k), v);
  }
}

const allFinite = (values: ArrayLike<number>): boolean => {
  for (let k = 0; k < values.length; k++) if (!Number.isFinite(values[k])) return false;
  return true;
};

/** Every z, a, δ and the loss of one sample are finite, or an Error names the first that is not. */
function checkSample(buf: Buffers, loss: number, s: number): void {
  // As it nearly always is: nothing to name, so no message is prepared.
  if (
    Number.isFinite(loss) &&
    buf.zs.every(allFinite) &&
    buf.as.every(allFinite) &&
    buf.deltas.every(allFinite)
  )
    return;
  const sample = `Sample ${s + 1}`;
  for (let l = 0; l < buf.zs.length; l++) {
    checkAllFinite(buf.zs[l] as Float64Array, (j) => `${sample}, layer ${l + 1}: z[${j + 1}]`);
    checkAllFinite(buf.as[l + 1] as Float64Array, (j) => `${sample}, layer ${l + 1}: a[${j + 1}]`);
  }
  if (!Number.isFinite(loss)) overflow(`${sample}: the loss`, loss);
  for (let l = buf.deltas.length - 1; l >= 0; l--) {
    checkAllFinite(buf.deltas[l] as Float64Array, (j) => `${sample}, layer ${l + 1}: δ[${j + 1}]`);
  }
}

function checkLayerParameters(W: Float64Array, b: Float64Array, n: number, where: string): void {
  checkAllFinite(W, (k) => `${where}: weight w[${Math.floor(k / n) + 1}][${(k % n) + 1}]`);
  checkAllFinite(b, (j) => `${where}: bias b[${j + 1}]`);
}

/**
 * One forward and one backward pass over a batch: every z, a and δ of every sample, and the
 * gradients ∂L/∂W, ∂L/∂b averaged over the batch (note 002: "take the average").
 */
export function runPass(network: Network, batch: Sample[]): PassSnapshot {
  validateNetwork(network);
  validateBatch(network, batch);
  const kernel = compile(network);
  const { gW, gb } = allocateGradients(kernel);
  let total = 0;
  const buffers = allocateBufferSets(kernel.sizes, batch.length);
  const samples = batch.map((sample, s) => {
    const buf = buffers[s] as Buffers;
    forward(kernel, sample.x, buf);
    const loss = outputLossAndDelta(kernel, sample.y, buf);
    backward(kernel, buf, gW, gb);
    checkSample(buf, loss, s);
    total += loss;
    return {
      loss,
      layers: buf.zs.map((z, l) => ({
        z,
        a: buf.as[l + 1] as Float64Array,
        delta: buf.deltas[l] as Float64Array,
      })),
    };
  });
  const m = batch.length;
  const grads: LayerGradients[] = gW.map((flat, l) => {
    const n = kernel.sizes[l + 1] as number;
    for (let k = 0; k < flat.length; k++) flat[k] = (flat[k] as number) / m;
    const db = gb[l] as Float64Array;
    for (let j = 0; j < n; j++) db[j] = (db[j] as number) / m;
    const dW: Float64Array[] = [];
    for (let i = 0; i < (kernel.sizes[l] as number); i++) dW.push(flat.subarray(i * n, i * n + n));
    return { dW, db };
  });
  const loss = total / m;
  if (!Number.isFinite(loss)) overflow('The mean loss', loss);
  grads.forEach((g, l) => {
    const n = kernel.sizes[l + 1] as number;
    checkAllFinite(
      gW[l] as Float64Array,
      (k) => `Layer ${l + 1}: gradient ∂L/∂w[${Math.floor(k / n) + 1}][${(k % n) + 1}]`,
    );
    checkAllFinite(g.db, (j) => `Layer ${l + 1}: gradient ∂L/∂b[${j + 1}]`);
  });
  return { loss, samples, grads };
}

/** The mean loss only: a forward pass, no gradients. */
export function lossOf(network: Network, batch: Sample[]): number {
  validateNetwork(network);
  validateBatch(network, batch);
  const kernel = compile(network);
  const buf = allocateBuffers(kernel.sizes);
  let total = 0;
  batch.forEach((sample, s) => {
    forward(kernel, sample.x, buf);
    const loss = outputLossAndDelta(kernel, sample.y, buf);
    if (!Number.isFinite(loss)) overflow(`Sample ${s + 1}: the loss`, loss);
    total += loss;
  });
  const mean = total / batch.length;
  if (!Number.isFinite(mean)) overflow('The mean loss', mean);
  return mean;
}

/** The gradients applyGradients was given have the network's shapes and finite entries. */
function validateGradients(network: Network, grads: PassSnapshot['grads']): void {
  if (!Array.isArray(grads) || grads.length !== network.layers.length) {
    throw new Error(
      `The gradients have ${Array.isArray(grads) ? grads.length : 0} layers; the network has ${network.layers.length}.`,
    );
  }
  network.layers.forEach((layer, l) => {
    const where = `Layer ${l + 1}`;
    const g = grads[l];
    const n = layer.biases.length;
    if (!g || !isArrayLike(g.dW) || g.dW.length !== layer.weights.length) {
      throw new Error(
        `${where}: the gradient ∂L/∂W has ${g && isArrayLike(g.dW) ? g.dW.length : 0} rows; the weights have ${layer.weights.length}.`,
      );
    }
    if (!isArrayLike(g.db) || g.db.length !== n) {
      throw new Error(
        `${where}: the gradient ∂L/∂b has ${isArrayLike(g.db) ? g.db.length : 0} entries; the layer has ${n} biases.`,
      );
    }
    Array.from(g.dW).forEach((row, i) => {
      if (!isArrayLike(row) || row.length !== n) {
        throw new Error(
          `${where}: gradient row ${i + 1} has ${isArrayLike(row) ? row.length : 0} entries; the weights row has ${n}.`,
        );
      }
      checkEachFinite(row, (j) => `${where}: gradient ∂L/∂w[${i + 1}][${j + 1}]`);
    });
    checkEachFinite(g.db, (j) => `${where}: gradient ∂L/∂b[${j + 1}]`);
  });
}

const isArrayLike = (value: unknown): value is ArrayLike<unknown> =>
  Array.isArray(value) || ArrayBuffer.isView(value);

/** How an update step treats the biases, and which optimizer takes it from which state. */
export interface StepOptions {
  /** False: the biases keep their values (their gradients are still computed). Default true. */
  trainBiases?: boolean;
  /** Plain SGD when absent. */
  optimizer?: Optimizer;
  /** The optimizer's state before this step; fresh when absent or another optimizer's. */
  state?: OptimizerState;
}

/** The network after an update step, and the optimizer's state after it. */
export interface StepResult {
  network: Network;
  state: OptimizerState;
}

/**
 * One gradient-descent step, W ← W − η ∂L/∂W and b ← b − η ∂L/∂b (b unchanged when the biases
 * are frozen). Returns a new network.
 */
export function applyGradients(
  network: Network,
  grads: PassSnapshot['grads'],
  learningRate: number,
  options: StepOptions = {},
): Network {
  return optimizerStep(network, grads, learningRate, options).network;
}

/**
 * One update step by the optimizer (plain SGD by default) from its state: a new network and the
 * optimizer's new state (t one more). Nothing given is changed.
 */
export function optimizerStep(
  network: Network,
  grads: PassSnapshot['grads'],
  learningRate: number,
  options: StepOptions = {},
): StepResult {
  validateNetwork(network);
  validateLearningRate(learningRate);
  validateGradients(network, grads);
  validateTrainBiases(options.trainBiases);
  const optimizer = options.optimizer ?? SGD;
  validateOptimizer(optimizer);
  const before = stateFor(optimizer, options.state);
  validateOptimizerState(network, before);
  const kernel = compile(network);
  const { gW, gb } = allocateGradients(kernel);
  const moments = allocateMoments(kernel.sizes, optimizer);
  loadMoments(moments, before);
  const t = before.t + 1;
  const step: DescentStep = {
    learningRate,
    // The gradients are means already.
    batchCount: 1,
    penalty: NO_PENALTY,
    trainBiases: options.trainBiases ?? true,
    bound: Number.MAX_VALUE,
    optimizer,
    t,
  };
  kernel.W.forEach((W, l) => {
    const g = grads[l] as LayerGradients;
    const n = kernel.sizes[l + 1] as number;
    const flat = gW[l] as Float64Array;
    Array.from(g.dW).forEach((row, i) => {
      for (let j = 0; j < n; j++) flat[i * n + j] = row[j] as number;
    });
    (gb[l] as Float64Array).set(g.db);
    const b = kernel.b[l] as Float64Array;
    const first = descend(W, b, flat, gb[l] as Float64Array, step, moments[l]);
    if (first < 0) return;
    const where =
      first < W.length
        ? `weight w[${Math.floor(first / n) + 1}][${(first % n) + 1}]`
        : `bias b[${first - W.length + 1}]`;
    overflow(
      `Layer ${l + 1}: ${where}`,
      (first < W.length ? W[first] : b[first - W.length]) as number,
    );
  });
  return {
    network: { ...network, layers: decompile(kernel).layers },
    state: stateOf(optimizer, t, moments),
  };
}

function validateTrainOptions(o: TrainOptions): void {
  if (o === null || typeof o !== 'object') {
    throw new Error('The training options are missing: give learningRate, batchSize and epochs.');
  }
  validateLearningRate(o.learningRate);
  if (!Number.isInteger(o.batchSize) || o.batchSize < 1) {
    throw new Error(
      `The batch size is ${String(o.batchSize)}; it must be a whole number of at least 1.`,
    );
  }
  if (!Number.isInteger(o.epochs) || o.epochs < 0) {
    throw new Error(`The number of epochs is ${String(o.epochs)}; it must be a whole number ≥ 0.`);
  }
  validateTrainBiases(o.trainBiases);
  if (o.optimizer !== undefined) validateOptimizer(o.optimizer);
}

/**
 * Mini-batch gradient descent by the optimizer (SGD unless `optimizer` says otherwise): samples in
 * the given order, consecutive batches of batchSize (the last may be smaller), mean gradient per
 * batch, one optimizer step per batch from a fresh state. Equal, number for number, to repeated
 * runPass + optimizerStep, but with every buffer allocated once. Once a weight has
 * overflowed it stays non-finite, so checking after each epoch finds the epoch it happened in.
 */
export function train(network: Network, samples: Sample[], o: TrainOptions): Network {
  validateNetwork(network);
  validateBatch(network, samples);
  validateTrainOptions(o);
  const kernel = compile(network);
  const buf = allocateBuffers(kernel.sizes);
  const { gW, gb } = allocateGradients(kernel);
  const { batchSize } = o;
  const count = samples.length;
  const optimizer = o.optimizer ?? SGD;
  const moments = allocateMoments(kernel.sizes, optimizer);
  const step: DescentStep = {
    learningRate: o.learningRate,
    batchCount: batchSize,
    penalty: NO_PENALTY,
    trainBiases: o.trainBiases ?? true,
    // Checked after each epoch instead, where the error can say which.
    bound: Infinity,
    optimizer,
    t: 0,
  };
  for (let epoch = 0; epoch < o.epochs; epoch++) {
    for (let start = 0; start < count; start += batchSize) {
      const end = Math.min(start + batchSize, count);
      for (const g of gW) g.fill(0);
      for (const g of gb) g.fill(0);
      for (let s = start; s < end; s++) {
        const sample = samples[s] as Sample;
        forward(kernel, sample.x, buf);
        outputLossAndDelta(kernel, sample.y, buf);
        backward(kernel, buf, gW, gb);
      }
      step.batchCount = end - start;
      step.t = (step.t ?? 0) + 1;
      for (let l = 0; l < gW.length; l++) {
        descend(
          kernel.W[l] as Float64Array,
          kernel.b[l] as Float64Array,
          gW[l] as Float64Array,
          gb[l] as Float64Array,
          step,
          moments[l],
        );
      }
    }
    kernel.W.forEach((w, l) =>
      checkLayerParameters(
        w,
        kernel.b[l] as Float64Array,
        kernel.sizes[l + 1] as number,
        `Epoch ${epoch + 1}, layer ${l + 1}`,
      ),
    );
  }
  return decompile(kernel);
}
