import { lossOf } from './pass';
import type { Layer, Network, PassSnapshot, Sample } from './types';
import { validateBatch, validateNetwork } from './validate';

/**
 * Gradients by central differences, (L(θ + h) − L(θ − h)) / 2h for every weight and bias, for the
 * gradient check: backprop's answer beside one that needs no calculus.
 */
export function numericalGradients(
  network: Network,
  batch: Sample[],
  h = 1e-5,
): PassSnapshot['grads'] {
  // Up front, so a network with no layers (or non-array weights) fails with the usual message.
  validateNetwork(network);
  validateBatch(network, batch);
  const lossWith = (l: number, set: (copy: Layer) => void): number => {
    const layers = network.layers.map((layer) => ({
      ...layer,
      weights: layer.weights.map((row) => row.slice()),
      biases: layer.biases.slice(),
    }));
    set(layers[l] as Layer);
    return lossOf({ ...network, layers }, batch);
  };
  return network.layers.map((layer, l) => {
    const central = (set: (copy: Layer, value: number) => void, at: number): number =>
      (lossWith(l, (copy) => set(copy, at + h)) - lossWith(l, (copy) => set(copy, at - h))) / (2 * h);
    return {
      dW: layer.weights.map((row, i) =>
        Float64Array.from(row, (w, j) =>
          central((copy, value) => ((copy.weights[i] as number[])[j] = value), w),
        ),
      ),
      db: Float64Array.from(layer.biases, (b, j) =>
        central((copy, value) => (copy.biases[j] = value), b),
      ),
    };
  });
}
