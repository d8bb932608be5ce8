import { describe, expect, it } from 'vitest';
import {
  ABSOLUTE_NOISE,
  gradientCheck,
  initializeNetwork,
  penaltyDerivative,
  RELATIVE_TOLERANCE,
  runPass,
  type Activation,
  type Network,
  type Sample,
} from '../../../src/engine';

const batch: Sample[] = [
  { x: [0.5, -1.2], y: [1] },
  { x: [-0.3, 0.8], y: [0] },
  { x: [1.4, 0.1], y: [1] },
  { x: [-2, -0.4], y: [0] },
];

function sigmoidNetwork(hidden: number[], seed = 3, activation: Activation = 'sigmoid'): Network {
  return initializeNetwork(
    {
      inputSize: 2,
      loss: 'binaryCrossEntropy',
      layers: [
        ...hidden.map((units) => ({ units, activation })),
        { units: 1, activation: 'sigmoid' as const },
      ],
    },
    seed,
  );
}

describe('the gradient check', () => {
  it('has one row per weight and bias, with backprop exactly as runPass computes it', () => {
    const network = sigmoidNetwork([3, 2]);
    const check = gradientCheck(network, batch);
    expect(check.rows).toHaveLength(2 * 3 + 3 + 3 * 2 + 2 + 2 * 1 + 1);
    const grads = runPass(network, batch).grads;
    for (const row of check.rows) {
      const g = grads[row.layer - 1];
      const exact = row.kind === 'weight' ? g?.dW[row.from as number]?.[row.to] : g?.db[row.to];
      expect(row.backprop).toBe(exact);
      expect(row.absoluteError).toBe(Math.abs(row.backprop - row.numerical));
    }
  });

  it('summarizes by layer: parameters, largest and median errors, how many agree', () => {
    const check = gradientCheck(sigmoidNetwork([3, 2]), batch);
    expect(check.layers.map((l) => [l.layer, l.parameters])).toEqual([
      [1, 9],
      [2, 8],
      [3, 3],
    ]);
    expect(Math.max(...check.layers.map((l) => l.maxRelativeError))).toBe(check.maxRelativeError);
    for (const layer of check.layers) {
      const rows = check.rows.filter((r) => r.layer === layer.layer);
      expect(layer.maxAbsoluteError).toBe(Math.max(...rows.map((r) => r.absoluteError)));
      expect(layer.medianRelativeError).toBeLessThanOrEqual(layer.maxRelativeError);
      expect(layer.disagreements).toBe(0);
    }
    expect(check.disagreements).toBe(0);
    expect(check.maxRelativeError).toBeLessThan(1e-6);
  });

  it('agrees on a deep sigmoid network whose first-layer gradients have all but vanished', () => {
    const network = sigmoidNetwork([8, 8, 8, 8, 8, 8], 4);
    const check = gradientCheck(network, batch);
    const largest = (layer: number) =>
      Math.max(...check.rows.filter((r) => r.layer === layer).map((r) => Math.abs(r.backprop)));
    expect(largest(1)).toBeLessThan(largest(7) * 1e-2);
    // Rounding in (L(θ + h) − L(θ − h)) / 2h is ~10⁻¹¹: on gradients of ~10⁻⁸ that is a relative
    // error above the tolerance, though backprop is exact — within the noise, so it agrees.
    const noisy = check.rows.filter((r) => r.relativeError > RELATIVE_TOLERANCE);
    expect(noisy.length).toBeGreaterThan(0);
    const noise = ABSOLUTE_NOISE * Math.max(1, runPass(network, batch).loss);
    for (const row of noisy) {
      expect(row.absoluteError).toBeLessThan(noise);
      expect(row.agrees).toBe(true);
    }
    expect(check.disagreements).toBe(0);
  });

  it.each(['L1', 'L2'] as const)('adds λR′(w) on both sides with %s', (kind) => {
    const network = sigmoidNetwork([3]);
    const rate = 0.05;
    const plain = gradientCheck(network, batch);
    const penalized = gradientCheck(network, batch, { kind, rate });
    penalized.rows.forEach((row, k) => {
      const base = plain.rows[k];
      if (!base) throw new Error('row missing');
      if (row.kind === 'bias') {
        expect(row.backprop).toBe(base.backprop);
      } else {
        const w = network.layers[row.layer - 1]?.weights[row.from as number]?.[row.to] as number;
        expect(row.backprop).toBe(base.backprop + rate * penaltyDerivative(kind, w));
      }
    });
    expect(penalized.disagreements).toBe(0);
  });

  it('refuses an unknown penalty', () => {
    expect(() =>
      gradientCheck(sigmoidNetwork([2]), batch, { kind: 'L3' as 'L1', rate: 1 }),
    ).toThrow(/Unknown regularization/);
  });
});
