import {
  allocateBuffers,
  allocateBufferSets,
  allocateGradients,
  backward,
  compile,
  decompile,
  forward,
  outputLossAndDelta,
  type Buffers,
} from './kernel';
import type { LayerGradients, Network, PassSnapshot, Sample, TrainOptions } from './types';
import { validateBatch, validateLearningRate, validateNetwork } from './validate';

function finiteOrThrow(value: number, what: string): number {
  if (!Number.isFinite(value)) {
    throw new Error(
      `${what} overflowed to ${value}: the values grew too large for 64-bit numbers. Lower the learning rate or the weights.`,
    );
  }
  return value;
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
  const snapshot: PassSnapshot = { loss: total / m, samples, grads };
  finiteOrThrow(snapshot.loss, 'The loss');
  for (const flat of [...gW, ...gb]) {
    for (let k = 0; k < flat.length; k++) finiteOrThrow(flat[k] as number, 'A gradient');
  }
  return snapshot;
}

/** The mean loss only: a forward pass, no gradients. */
export function lossOf(network: Network, batch: Sample[]): number {
  validateNetwork(network);
  validateBatch(network, batch);
  const kernel = compile(network);
  const buf = allocateBuffers(kernel.sizes);
  let total = 0;
  for (const sample of batch) {
    forward(kernel, sample.x, buf);
    total += outputLossAndDelta(kernel, sample.y, buf);
  }
  return total / batch.length;
}

/** One gradient-descent step, W ← W − η ∂L/∂W and b ← b − η ∂L/∂b. Returns a new network. */
export function applyGradients(
  network: Network,
  grads: PassSnapshot['grads'],
  learningRate: number,
): Network {
  validateNetwork(network);
  validateLearningRate(learningRate);
  if (!Array.isArray(grads) || grads.length !== network.layers.length) {
    throw new Error(
      `The gradients have ${Array.isArray(grads) ? grads.length : 0} layers; the network has ${network.layers.length}.`,
    );
  }
  return {
    ...network,
    layers: network.layers.map((layer, l) => {
      const g = grads[l] as LayerGradients;
      if (g.dW.length !== layer.weights.length || g.db.length !== layer.biases.length) {
        throw new Error(`Layer ${l + 1}: the gradient's shape does not match the weights.`);
      }
      return {
        activation: layer.activation,
        weights: layer.weights.map((row, i) => {
          const gRow = g.dW[i] as ArrayLike<number>;
          if (gRow.length !== row.length) {
            throw new Error(`Layer ${l + 1}: gradient row ${i + 1} does not match the weights.`);
          }
          return row.map((w, j) => finiteOrThrow(w - learningRate * (gRow[j] as number), `Layer ${l + 1} weight`));
        }),
        biases: layer.biases.map((b, j) =>
          finiteOrThrow(b - learningRate * (g.db[j] as number), `Layer ${l + 1} bias`),
        ),
      };
    }),
  };
}

/**
 * Mini-batch stochastic gradient descent: samples in the given order, consecutive batches of
 * batchSize (the last may be smaller), mean gradient per batch. Equal, number for number, to
 * repeated runPass + applyGradients, but with every buffer allocated once.
 */
export function train(network: Network, samples: Sample[], o: TrainOptions): Network {
  validateNetwork(network);
  validateBatch(network, samples);
  validateLearningRate(o?.learningRate);
  if (!Number.isInteger(o.batchSize) || o.batchSize < 1) {
    throw new Error(`The batch size is ${o.batchSize}; it must be a whole number of at least 1.`);
  }
  if (!Number.isInteger(o.epochs) || o.epochs < 0) {
    throw new Error(`The number of epochs is ${o.epochs}; it must be a whole number ≥ 0.`);
  }
  const kernel = compile(network);
  const buf = allocateBuffers(kernel.sizes);
  const { gW, gb } = allocateGradients(kernel);
  const { learningRate: eta, batchSize } = o;
  const count = samples.length;
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
      const m = end - start;
      for (let l = 0; l < gW.length; l++) {
        const w = kernel.W[l] as Float64Array;
        const g = gW[l] as Float64Array;
        for (let k = 0; k < w.length; k++) w[k] = (w[k] as number) - eta * ((g[k] as number) / m);
        const b = kernel.b[l] as Float64Array;
        const gbl = gb[l] as Float64Array;
        for (let j = 0; j < b.length; j++) b[j] = (b[j] as number) - eta * ((gbl[j] as number) / m);
      }
    }
  }
  for (const w of kernel.W) for (let k = 0; k < w.length; k++) finiteOrThrow(w[k] as number, 'A weight');
  for (const b of kernel.b) for (let k = 0; k < b.length; k++) finiteOrThrow(b[k] as number, 'A bias');
  return decompile(kernel);
}
