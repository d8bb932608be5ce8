/**
 * Pre-activations of ±1000: the cross-entropies are taken from the logits, so losses and gradients
 * stay finite and exact where a naive ln(σ(z)) would give ln 0 = −∞ and NaN gradients. And when
 * numbers do overflow, the engine says so instead of returning NaN.
 */
import { describe, expect, it } from 'vitest';
import {
  applyGradients,
  runPass,
  train,
  type Activation,
  type Loss,
  type Network,
  type Sample,
} from '../../../src/engine';

/** −0 + 0 is +0: compare signs of zero away. */
const unsign = (values: number[]) => values.map((v) => v + 0);

function finite(values: ArrayLike<number> | undefined) {
  return Array.from(values ?? [NaN]).every(Number.isFinite);
}

/** One layer on a single input x = 2 with zero weights, so z = b and ∂L/∂W = 2δ. */
function huge(activation: Activation, loss: Loss, b: number[], y: number[]) {
  const network: Network = {
    inputSize: 1,
    loss,
    layers: [{ activation, weights: [b.map(() => 0)], biases: b }],
  };
  const snap = runPass(network, [{ x: [2], y }]);
  const layer = snap.samples[0]?.layers[0];
  expect(Number.isFinite(snap.loss)).toBe(true);
  expect(
    finite(layer?.a) &&
      finite(layer?.delta) &&
      finite(snap.grads[0]?.db) &&
      finite(snap.grads[0]?.dW[0]),
  ).toBe(true);
  return {
    loss: snap.loss,
    a: Array.from(layer?.a ?? []),
    delta: Array.from(layer?.delta ?? []),
    dW: Array.from(snap.grads[0]?.dW[0] ?? []),
  };
}

describe('sigmoid + binaryCrossEntropy at z = ±1000', () => {
  it('z = 1000 with y = 0 and z = −1000 with y = 1: loss 1000 each, δ = ±1', () => {
    const r = huge('sigmoid', 'binaryCrossEntropy', [1000, -1000], [0, 1]);
    expect(r.loss).toBe(2000);
    expect(r.a).toEqual([1, 0]);
    expect(r.delta).toEqual([1, -1]);
    expect(r.dW).toEqual([2, -2]);
  });
  it('confident and right: loss 0, δ = 0', () => {
    const r = huge('sigmoid', 'binaryCrossEntropy', [1000, -1000], [1, 0]);
    expect(r.loss).toBe(0);
    expect(unsign(r.delta)).toEqual([0, 0]);
  });
  it('a soft target: y = 0.25 at z = 1000 costs 0.75·1000', () => {
    const r = huge('sigmoid', 'binaryCrossEntropy', [1000], [0.25]);
    expect(r.loss).toBeCloseTo(750, 10);
    expect(r.delta).toEqual([0.75]);
  });
});

describe('softmax + crossEntropy at z = ±1000', () => {
  it('z = [1000, −1000, 0], y = e₂: loss = 2000, δ = a − y = [1, −1, 0]', () => {
    const r = huge('softmax', 'crossEntropy', [1000, -1000, 0], [0, 1, 0]);
    expect(r.loss).toBe(2000);
    expect(r.a).toEqual([1, 0, 0]);
    expect(r.delta).toEqual([1, -1, 0]);
  });
  it('z = [1000, 999, −1000], y = e₁: loss = ln(1 + e⁻¹)', () => {
    const r = huge('softmax', 'crossEntropy', [1000, 999, -1000], [1, 0, 0]);
    const p = 1 / (1 + Math.exp(-1));
    expect(r.loss).toBeCloseTo(Math.log1p(Math.exp(-1)), 13);
    expect(r.delta[0]).toBeCloseTo(p - 1, 14);
    expect(r.delta[1]).toBeCloseTo(1 - p, 14);
    expect(r.delta[2]).toBe(0);
  });
});

describe('sigmoid + crossEntropy and tanh + sse at z = ±1000', () => {
  it('sigmoid + crossEntropy: −ln σ(−1000) = 1000, δ = −y(1 − a)', () => {
    const r = huge('sigmoid', 'crossEntropy', [-1000, 1000], [1, 1]);
    expect(r.loss).toBe(1000);
    expect(unsign(r.delta)).toEqual([-1, 0]);
  });
  it("tanh + sse: saturated outputs ±1, loss from a − y, δ = 0 since tanh' = 0", () => {
    const r = huge('tanh', 'sse', [1000, -1000], [0, 0.5]);
    expect(r.a).toEqual([1, -1]);
    expect(r.loss).toBe(3.25);
    expect(unsign(r.delta)).toEqual([0, 0]);
  });
});

describe('saturated hidden layers', () => {
  it.each(['sigmoid', 'tanh', 'softmax'] as const)(
    'hidden %s with biases ±1000 gives finite, exact gradients',
    (hidden) => {
      const network: Network = {
        inputSize: 2,
        loss: 'binaryCrossEntropy',
        layers: [
          {
            activation: hidden,
            weights: [
              [0.5, -0.5],
              [1, 1],
            ],
            biases: [1000, -1000],
          },
          { activation: 'sigmoid', weights: [[700], [-300]], biases: [0] },
        ],
      };
      const snap = runPass(network, [{ x: [1, -1], y: [0] }]);
      const a1 = Array.from(snap.samples[0]?.layers[0]?.a ?? []);
      // sigmoid and softmax saturate to [1, 0]; tanh to [1, −1].
      const expectedA = hidden === 'tanh' ? [1, -1] : [1, 0];
      expect(a1).toEqual(expectedA);
      const z2 = 700 * (expectedA[0] as number) - 300 * (expectedA[1] as number);
      expect(snap.loss).toBe(z2); // softplus(z2) = z2 for z2 ≥ 700
      expect(Array.from(snap.grads[1]?.dW.map((row) => row[0] as number) ?? [])).toEqual(expectedA);
      // The hidden units are saturated: no gradient reaches their weights.
      expect(unsign(Array.from(snap.grads[0]?.db ?? []))).toEqual([0, 0]);
    },
  );
});

describe('overflow is reported, not returned as NaN', () => {
  const big: Network = {
    inputSize: 1,
    loss: 'sse',
    layers: [
      { activation: 'linear', weights: [[1e200]], biases: [0] },
      { activation: 'linear', weights: [[1e200]], biases: [0] },
    ],
  };
  const batch: Sample[] = [{ x: [1], y: [0] }];

  it('runPass: the loss overflowed', () => {
    expect(() => runPass(big, batch)).toThrow(/loss overflowed to Infinity/);
  });
  it('applyGradients: a weight overflowed, naming the layer', () => {
    const network: Network = {
      inputSize: 1,
      loss: 'sse',
      layers: [{ activation: 'linear', weights: [[1]], biases: [0] }],
    };
    const grads = [{ dW: [[1e300]], db: [0] }];
    expect(() => applyGradients(network, grads, 1e300)).toThrow(/Layer 1 weight overflowed/);
  });
  it('train: diverging weights end in an overflow error', () => {
    const network: Network = {
      inputSize: 1,
      loss: 'sse',
      layers: [{ activation: 'linear', weights: [[1]], biases: [0] }],
    };
    expect(() =>
      train(network, [{ x: [10], y: [0] }], { learningRate: 1, batchSize: 1, epochs: 400 }),
    ).toThrow(/A weight overflowed/);
  });
});
