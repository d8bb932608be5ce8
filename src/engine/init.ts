import { ACTIVATION_REGISTRY } from './activations';
import type { Activation, Layer, Loss, Network } from './types';
import { validateNetwork } from './validate';

/** A seeded generator of uniform numbers in [0, 1) (mulberry32): same seed, same sequence. */
export function createRng(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A standard normal draw by Box–Muller. */
export function normal(rng: () => number): number {
  const u = 1 - rng();
  const v = rng();
  return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
}

export interface LayerSpec {
  units: number;
  activation: Activation;
}

export interface NetworkSpec {
  inputSize: number;
  layers: LayerSpec[];
  loss: Loss;
}

/**
 * He initialization (normal, std √(2/n_in)) for the ReLU family (the registry's heInit), Xavier/
 * Glorot (uniform, ±√(6/(n_in + n_out))) for the others; biases start at 0. Same seed, same network.
 */
export function initializeLayer(nPrev: number, spec: LayerSpec, rng: () => number): Layer {
  const he = ACTIVATION_REGISTRY[spec.activation].heInit;
  const std = Math.sqrt(2 / nPrev);
  const limit = Math.sqrt(6 / (nPrev + spec.units));
  const draw = he ? () => std * normal(rng) : () => (2 * rng() - 1) * limit;
  const weights: number[][] = [];
  for (let i = 0; i < nPrev; i++) {
    const row: number[] = [];
    for (let j = 0; j < spec.units; j++) row.push(draw());
    weights.push(row);
  }
  return { activation: spec.activation, weights, biases: new Array<number>(spec.units).fill(0) };
}

export function initializeNetwork(spec: NetworkSpec, seed: number): Network {
  const rng = createRng(seed);
  let nPrev = spec.inputSize;
  const layers = spec.layers.map((layerSpec, index) => {
    if (!Number.isInteger(layerSpec.units) || layerSpec.units < 1) {
      throw new Error(
        `Layer ${index + 1}: ${layerSpec.units} units; a layer needs a whole number ≥ 1.`,
      );
    }
    const layer = initializeLayer(nPrev, layerSpec, rng);
    nPrev = layerSpec.units;
    return layer;
  });
  const network: Network = { inputSize: spec.inputSize, layers, loss: spec.loss };
  validateNetwork(network);
  return network;
}
