/** Seeded generator and weight initialization: reproducible, and He / Xavier at the right scale. */
import { describe, expect, it } from 'vitest';
import {
  createRng,
  initializeLayer,
  initializeNetwork,
  normal,
  type NetworkSpec,
} from '../../../src/engine';

function stats(values: number[]) {
  const n = values.length;
  const mean = values.reduce((s, v) => s + v, 0) / n;
  const variance = values.reduce((s, v) => s + (v - mean) ** 2, 0) / n;
  const kurtosis = values.reduce((s, v) => s + (v - mean) ** 4, 0) / n / variance ** 2;
  return {
    mean,
    std: Math.sqrt(variance),
    kurtosis,
    max: values.reduce((m, v) => Math.max(m, Math.abs(v)), 0),
  };
}

const spec: NetworkSpec = {
  inputSize: 3,
  loss: 'crossEntropy',
  layers: [
    { units: 5, activation: 'relu' },
    { units: 4, activation: 'tanh' },
    { units: 2, activation: 'softmax' },
  ],
};

describe('createRng', () => {
  it('same seed, same sequence; different seed, different sequence', () => {
    const a = createRng(42);
    const b = createRng(42);
    const c = createRng(43);
    const sa = Array.from({ length: 50 }, a);
    expect(Array.from({ length: 50 }, b)).toEqual(sa);
    expect(Array.from({ length: 50 }, c)).not.toEqual(sa);
  });

  it('uniform on [0, 1): range, mean 1/2, variance 1/12, no short cycle', () => {
    const rng = createRng(7);
    const xs = Array.from({ length: 100_000 }, rng);
    expect(xs.every((x) => x >= 0 && x < 1)).toBe(true);
    const s = stats(xs);
    expect(s.mean).toBeCloseTo(0.5, 2);
    expect(s.std ** 2).toBeCloseTo(1 / 12, 3);
    expect(new Set(xs).size).toBeGreaterThan(99_990);
    // ten equal bins each hold about a tenth
    const bins = new Array<number>(10).fill(0);
    for (const x of xs) bins[Math.floor(x * 10)]! += 1;
    for (const count of bins) expect(Math.abs(count - 10_000)).toBeLessThan(500);
  });

  it('normal draws are standard normal (mean 0, std 1, kurtosis 3)', () => {
    const rng = createRng(9);
    const s = stats(Array.from({ length: 100_000 }, () => normal(rng)));
    expect(Math.abs(s.mean)).toBeLessThan(0.02);
    expect(Math.abs(s.std - 1)).toBeLessThan(0.02);
    expect(Math.abs(s.kurtosis - 3)).toBeLessThan(0.1);
  });
});

describe('initializeNetwork', () => {
  it('has the spec’s shapes, activations and loss, with zero biases', () => {
    const network = initializeNetwork(spec, 1);
    expect(network.inputSize).toBe(3);
    expect(network.loss).toBe('crossEntropy');
    expect(network.layers.map((l) => l.activation)).toEqual(['relu', 'tanh', 'softmax']);
    expect(network.layers.map((l) => [l.weights.length, l.weights[0]?.length])).toEqual([
      [3, 5],
      [5, 4],
      [4, 2],
    ]);
    for (const layer of network.layers) {
      expect(layer.biases).toEqual(new Array(layer.biases.length).fill(0));
      for (const row of layer.weights)
        expect(row.every((w) => Number.isFinite(w) && w !== 0)).toBe(true);
    }
  });

  it('same seed gives an identical network; a different seed a different one', () => {
    expect(initializeNetwork(spec, 123)).toEqual(initializeNetwork(spec, 123));
    const a = initializeNetwork(spec, 123);
    const b = initializeNetwork(spec, 124);
    for (let l = 0; l < a.layers.length; l++)
      expect(b.layers[l]?.weights).not.toEqual(a.layers[l]?.weights);
    // twenty consecutive seeds, twenty different first weights
    const firsts = Array.from(
      { length: 20 },
      (_, seed) => initializeNetwork(spec, seed).layers[0]?.weights[0]?.[0],
    );
    expect(new Set(firsts).size).toBe(20);
  });

  it('He for the ReLU family (relu, leakyRelu, elu, swish): normal with std √(2/n_in)', () => {
    for (const activation of ['relu', 'leakyRelu', 'elu', 'swish'] as const) {
      const layer = initializeLayer(400, { units: 300, activation }, createRng(5));
      const s = stats(layer.weights.flat());
      const std = Math.sqrt(2 / 400);
      expect(Math.abs(s.mean)).toBeLessThan(0.02 * std);
      expect(Math.abs(s.std / std - 1)).toBeLessThan(0.01);
      expect(Math.abs(s.kurtosis - 3)).toBeLessThan(0.1); // normal, not uniform (1.8)
    }
  });

  it('Xavier/Glorot for the others: uniform on ±√(6/(n_in + n_out))', () => {
    for (const activation of ['sigmoid', 'tanh', 'linear', 'softmax'] as const) {
      const layer = initializeLayer(300, { units: 500, activation }, createRng(6));
      const s = stats(layer.weights.flat());
      const limit = Math.sqrt(6 / 800);
      expect(s.max).toBeLessThanOrEqual(limit);
      expect(s.max).toBeGreaterThan(0.999 * limit);
      expect(Math.abs(s.std / (limit / Math.sqrt(3)) - 1)).toBeLessThan(0.01);
      expect(Math.abs(s.kurtosis - 1.8)).toBeLessThan(0.05); // uniform
    }
  });

  it('the scale follows each layer’s own fan-in', () => {
    const network = initializeNetwork(
      {
        inputSize: 50,
        loss: 'sse',
        layers: [
          { units: 200, activation: 'relu' },
          { units: 800, activation: 'relu' },
          { units: 1, activation: 'linear' },
        ],
      },
      8,
    );
    const [first, second] = network.layers.map((l) => stats(l.weights.flat()).std);
    expect(Math.abs((first as number) / Math.sqrt(2 / 50) - 1)).toBeLessThan(0.03);
    expect(Math.abs((second as number) / Math.sqrt(2 / 200) - 1)).toBeLessThan(0.03);
  });
});
