import { LOSS_REGISTRY, needsProbabilities } from './lossRegistry';
import {
  ACTIVATIONS,
  LOSSES,
  type Activation,
  type Loss,
  type Network,
  type Sample,
} from './types';

/** Bad input is an Error whose message says what is wrong and where, in the learner's terms. */
function fail(message: string): never {
  throw new Error(message);
}

function describe(value: unknown): string {
  if (typeof value === 'number') return String(value);
  if (value === undefined) return 'missing';
  if (value === null) return 'null';
  return `a ${typeof value}`;
}

/**
 * Every entry of a list is a finite number, or the first that is not is named (`where(k)`, built
 * only on failure). One check per list, not one closure per number: a pass validates its network
 * and batch every time, and those closures were most of a weight edit's garbage (README,
 * Benchmarks).
 */
export function checkEachFinite(values: ArrayLike<unknown>, where: (k: number) => string): void {
  for (let k = 0; k < values.length; k++) {
    const value = values[k];
    if (typeof value !== 'number' || !Number.isFinite(value)) {
      fail(`${where(k)} is ${describe(value)}; it must be a finite number.`);
    }
  }
}

/** Which losses each output activation admits (the registry's outputs), and why not otherwise. */
export function lossProblem(loss: Loss, outputActivation: Activation): string | null {
  const record = LOSS_REGISTRY[loss];
  if (record.family === 'squared' || record.outputs.includes(outputActivation)) return null;
  const name = record.name.charAt(0).toUpperCase() + record.name.slice(1);
  return `${name} needs a ${record.outputs.join(' or ')} output layer (${record.outputsWhy}); the output layer is ${outputActivation}.`;
}

export function validateNetwork(network: Network): void {
  if (network === null || typeof network !== 'object') fail('The network is missing.');
  const { inputSize, layers, loss } = network;
  if (!Number.isInteger(inputSize) || inputSize < 1) {
    fail(`The input size is ${describe(inputSize)}; it must be a whole number of at least 1.`);
  }
  if (!Array.isArray(layers) || layers.length === 0) fail('The network has no layers.');
  if (!LOSSES.includes(loss))
    fail(`Unknown loss "${String(loss)}"; expected one of ${LOSSES.join(', ')}.`);
  let nPrev = inputSize;
  layers.forEach((layer, index) => {
    const l = index + 1;
    if (!ACTIVATIONS.includes(layer?.activation)) {
      fail(
        `Layer ${l}: unknown activation "${String(layer?.activation)}"; expected one of ${ACTIVATIONS.join(', ')}.`,
      );
    }
    const { weights, biases } = layer;
    if (!Array.isArray(biases) || biases.length === 0)
      fail(`Layer ${l}: the biases must be a non-empty list.`);
    const n = biases.length;
    if (!Array.isArray(weights) || weights.length !== nPrev) {
      fail(
        `Layer ${l}: weights have ${Array.isArray(weights) ? weights.length : 0} rows; expected ${nPrev} (one per unit of ${l === 1 ? 'the input' : `layer ${l - 1}`}).`,
      );
    }
    weights.forEach((row, i) => {
      if (!Array.isArray(row) || row.length !== n) {
        fail(
          `Layer ${l}: weights row ${i + 1} has ${Array.isArray(row) ? row.length : 0} entries; expected ${n} (one per unit of layer ${l}, as many as its biases).`,
        );
      }
      checkEachFinite(row, (j) => `Layer ${l}: weight w[${i + 1}][${j + 1}]`);
    });
    checkEachFinite(biases, (j) => `Layer ${l}: bias b[${j + 1}]`);
    nPrev = n;
  });
  const output = layers[layers.length - 1] as Network['layers'][number];
  const problem = lossProblem(loss, output.activation);
  if (problem) fail(problem);
}

export function validateBatch(network: Network, batch: Sample[]): void {
  if (!Array.isArray(batch) || batch.length === 0)
    fail('The batch is empty: a pass needs at least one sample.');
  const nOut = (network.layers[network.layers.length - 1] as Network['layers'][number]).biases
    .length;
  const probabilities = needsProbabilities(network.loss);
  batch.forEach((sample, s) => {
    const where = `Sample ${s + 1}`;
    if (!sample || !Array.isArray(sample.x) || sample.x.length !== network.inputSize) {
      fail(
        `${where}: x has ${Array.isArray(sample?.x) ? sample.x.length : 0} values; the network takes ${network.inputSize} inputs.`,
      );
    }
    if (!Array.isArray(sample.y) || sample.y.length !== nOut) {
      fail(
        `${where}: y has ${Array.isArray(sample.y) ? sample.y.length : 0} values; the output layer has ${nOut} units.`,
      );
    }
    checkEachFinite(sample.x, (i) => `${where}: input x[${i + 1}]`);
    checkEachFinite(sample.y, (j) => `${where}: target y[${j + 1}]`);
    if (!probabilities) return;
    const j = sample.y.findIndex((v) => v < 0 || v > 1);
    if (j >= 0) {
      fail(
        `${where}: target y[${j + 1}] is ${sample.y[j]}; with a cross-entropy loss targets must lie in [0, 1].`,
      );
    }
  });
}

export function validateLearningRate(learningRate: number): void {
  if (typeof learningRate !== 'number' || !Number.isFinite(learningRate) || learningRate < 0) {
    fail(`The learning rate is ${describe(learningRate)}; it must be a finite number ≥ 0.`);
  }
}
