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
  if (typeof h !== 'number' || !Number.isFinite(h) || h <= 0) {
    throw new Error(`The step h is ${String(h)}; central differences need a finite h > 0.`);
  }
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
    const central = (
      set: (copy: Layer, value: number) => void,
      at: number,
      where: () => string,
    ) => {
      const slope =
        (lossWith(l, (copy) => set(copy, at + h)) - lossWith(l, (copy) => set(copy, at - h))) /
        (2 * h);
      if (!Number.isFinite(slope)) {
        throw new Error(
          `${where()}: the central difference overflowed to ${slope}; use a larger h.`,
        );
      }
      return slope;
    };
    return {
      dW: layer.weights.map((row, i) =>
        Float64Array.from(row, (w, j) =>
          central(
            (copy, value) => ((copy.weights[i] as number[])[j] = value),
            w,
            () => `Layer ${l + 1}: weight w[${i + 1}][${j + 1}]`,
          ),
        ),
      ),
      db: Float64Array.from(layer.biases, (b, j) =>
        central(
          (copy, value) => (copy.biases[j] = value),
          b,
          () => `Layer ${l + 1}: bias b[${j + 1}]`,
        ),
      ),
    };
  });
}
