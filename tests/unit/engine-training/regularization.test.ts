import { describe, expect, it } from 'vitest';
import {
  createTrainer,
  gradientCheck,
  initializeNetwork,
  networkPenalty,
  packSamples,
  penaltyDerivative,
  relativeError,
  runPass,
  type Network,
  type Penalty,
  type Sample,
} from '../../../src/engine';

const samples: Sample[] = [
  { x: [0.3, -0.7], y: [0.2] },
  { x: [-1.1, 0.4], y: [-0.5] },
  { x: [0.9, 0.9], y: [0.8] },
];

const network: Network = initializeNetwork(
  {
    inputSize: 2,
    loss: 'mse',
    layers: [
      { units: 3, activation: 'tanh' },
      { units: 1, activation: 'linear' },
    ],
  },
  5,
);

describe('regularization', () => {
  it('penalizes weights, not biases: L1 λΣ|w|, L2 λΣ½w²', () => {
    const tiny: Network = {
      inputSize: 1,
      loss: 'mse',
      layers: [{ activation: 'linear', weights: [[-3, 4]], biases: [100, 100] }],
    };
    expect(networkPenalty(tiny, { kind: 'L1', rate: 0.1 })).toBeCloseTo(0.7, 14);
    expect(networkPenalty(tiny, { kind: 'L2', rate: 0.1 })).toBeCloseTo(1.25, 14);
    expect(networkPenalty(tiny, { kind: 'none', rate: 0.1 })).toBe(0);
    expect([-2, 0, 2].map((w) => penaltyDerivative('L1', w))).toEqual([-1, 0, 1]);
    expect(penaltyDerivative('L2', -2)).toBe(-2);
  });

  it.each(['L1', 'L2'] as const)('%s gradient matches central differences', (kind) => {
    const check = gradientCheck(network, samples, { kind, rate: 0.3 });
    expect(check.rows).toHaveLength(3 * 2 + 3 + 3 + 1);
    expect(check.maxRelativeError).toBeLessThan(1e-6);
  });

  it.each(['L1', 'L2'] as const)(
    '%s adds λR′(w) to each weight gradient in the trainer step, nothing to the biases',
    (kind) => {
      const penalty: Penalty = { kind, rate: 0.2 };
      const eta = 0.05;
      const trainer = createTrainer(
        network,
        packSamples(samples, 2, 1),
        { learningRate: eta, batchSize: 3, penalty },
        1,
      );
      trainer.step();
      const grads = runPass(network, samples).grads;
      const after = trainer.network();
      network.layers.forEach((layer, l) => {
        layer.weights.forEach((row, i) =>
          row.forEach((w, j) => {
            const g = (grads[l]?.dW[i]?.[j] as number) + 0.2 * penaltyDerivative(kind, w);
            expect(after.layers[l]?.weights[i]?.[j]).toBeCloseTo(w - eta * g, 14);
          }),
        );
        layer.biases.forEach((b, j) =>
          expect(after.layers[l]?.biases[j]).toBeCloseTo(b - eta * (grads[l]?.db[j] as number), 14),
        );
      });
      expect(trainer.penalty()).toBeCloseTo(networkPenalty(after, penalty), 12);
    },
  );

  it('shrinks the weights over time with L2 and no data pull', () => {
    const flat = samples.map((s) => ({ x: s.x, y: [0] }));
    const zeroOut: Network = {
      ...network,
      layers: network.layers.map((layer, l) =>
        l === network.layers.length - 1
          ? { ...layer, weights: layer.weights.map((r) => r.map(() => 0)) }
          : layer,
      ),
    };
    const trainer = createTrainer(
      zeroOut,
      packSamples(flat, 2, 1),
      { learningRate: 0.1, batchSize: 3, penalty: { kind: 'L2', rate: 1 } },
      1,
    );
    const before = networkPenalty(zeroOut, { kind: 'L2', rate: 1 });
    for (let s = 0; s < 20; s++) trainer.step();
    expect(trainer.penalty()).toBeLessThan(before * 0.9 ** 2 * 0.2);
  });
});

describe('the gradient check', () => {
  it('shows backprop agreeing with central differences for every parameter', () => {
    const check = gradientCheck(network, samples);
    const grads = runPass(network, samples).grads;
    const first = check.rows[0];
    expect(first).toMatchObject({ layer: 1, kind: 'weight', from: 0, to: 0 });
    expect(first?.backprop).toBe(grads[0]?.dW[0]?.[0]);
    expect(check.rows.filter((r) => r.kind === 'bias')).toHaveLength(4);
    expect(check.maxRelativeError).toBeLessThan(1e-6);
    expect(check.medianRelativeError).toBeLessThanOrEqual(check.maxRelativeError);
  });

  it('measures relative error against the larger magnitude', () => {
    expect(relativeError(0, 0)).toBe(0);
    expect(relativeError(1, 1.01)).toBeCloseTo(0.01 / 1.01, 14);
    expect(relativeError(-1, 1)).toBe(2);
  });
});
