import { describe, expect, it } from 'vitest';
import {
  applyGradients,
  createTrainer,
  initializeNetwork,
  lossOf,
  packSamples,
  runPass,
  train,
  type Network,
  type Sample,
} from '../../../src/engine';

const xorSamples: Sample[] = [
  { x: [0, 0], y: [0] },
  { x: [0, 1], y: [1] },
  { x: [1, 0], y: [1] },
  { x: [1, 1], y: [0] },
  { x: [0.5, 0.2], y: [1] },
  { x: [0.9, 0.8], y: [0] },
  { x: [0.1, 0.7], y: [1] },
];

function net(hidden: 'tanh' | 'relu' | 'sigmoid' = 'tanh', seed = 3): Network {
  return initializeNetwork(
    {
      inputSize: 2,
      loss: 'binaryCrossEntropy',
      layers: [
        { units: 4, activation: hidden },
        { units: 3, activation: hidden },
        { units: 1, activation: 'sigmoid' },
      ],
    },
    seed,
  );
}

const none = { kind: 'none' as const, rate: 0 };
const packed = packSamples(xorSamples, 2, 1);

describe('the trainer', () => {
  it('takes exactly the step runPass + applyGradients takes on its next mini-batch', () => {
    let network = net();
    const trainer = createTrainer(
      network,
      packed,
      { learningRate: 0.3, batchSize: 3, penalty: none },
      9,
    );
    for (let step = 0; step < 7; step++) {
      const batch = trainer.nextBatch().map((i) => xorSamples[i] as Sample);
      expect(batch.length).toBe(step % 3 === 2 ? 1 : 3);
      network = applyGradients(network, runPass(network, batch).grads, 0.3);
      expect(trainer.step()).toBeNull();
      expect(trainer.network()).toEqual(network);
    }
    expect(trainer.epoch).toBe(2);
    expect(trainer.batchInEpoch).toBe(1);
    expect(trainer.examplesSeen).toBe(17);
  });

  it('visits every sample once per epoch in a seeded order', () => {
    const make = (seed: number) =>
      createTrainer(net(), packed, { learningRate: 0.1, batchSize: 2, penalty: none }, seed);
    const order = (trainer: ReturnType<typeof make>) => {
      const seen: number[] = [];
      for (let b = 0; b < 4; b++) {
        seen.push(...trainer.nextBatch());
        trainer.skipBatch();
      }
      return seen;
    };
    const first = order(make(1));
    expect([...first].sort()).toEqual([0, 1, 2, 3, 4, 5, 6]);
    expect(order(make(1))).toEqual(first);
    expect(order(make(2))).not.toEqual(first);
  });

  it('agrees with train() when the order is the identity', () => {
    const network = net('sigmoid');
    const trainer = createTrainer(
      network,
      packed,
      { learningRate: 0.5, batchSize: 7, penalty: none },
      1,
    );
    // One full batch per epoch: the order within the batch changes only the summation order.
    trainer.finishEpoch();
    trainer.finishEpoch();
    const reference = train(network, xorSamples, { learningRate: 0.5, batchSize: 7, epochs: 2 });
    trainer
      .network()
      .layers.forEach((layer, l) =>
        layer.weights.forEach((row, i) =>
          row.forEach((w, j) =>
            expect(w).toBeCloseTo(reference.layers[l]?.weights[i]?.[j] as number, 12),
          ),
        ),
      );
  });

  it('evaluates loss and accuracy as lossOf does', () => {
    const network = net();
    const trainer = createTrainer(
      network,
      packed,
      { learningRate: 1, batchSize: 2, penalty: none },
      1,
    );
    const evaluation = trainer.evaluate(packed, 'threshold');
    expect(evaluation.loss).toBeCloseTo(lossOf(network, xorSamples), 14);
    const snapshot = runPass(network, xorSamples);
    const right = snapshot.samples.filter(
      (s, i) => (s.layers[2]?.a[0] as number) >= 0.5 === (xorSamples[i]?.y[0] as number) >= 0.5,
    ).length;
    expect(evaluation.accuracy).toBe(right / xorSamples.length);
    expect(trainer.evaluate(packed, 'none').accuracy).toBeNull();
    for (let e = 0; e < 300; e++) trainer.finishEpoch();
    expect(trainer.evaluate(packed, 'threshold').accuracy).toBe(1);
  });

  it('scores softmax outputs by the largest one', () => {
    const network = initializeNetwork(
      { inputSize: 1, loss: 'crossEntropy', layers: [{ units: 3, activation: 'softmax' }] },
      1,
    );
    const samples = [0, 1, 2].map((k) => ({
      x: [k - 1],
      y: [0, 1, 2].map((j) => (j === k ? 1 : 0)),
    }));
    const trainer = createTrainer(
      network,
      packSamples(samples, 1, 3),
      { learningRate: 1, batchSize: 3, penalty: none },
      1,
    );
    for (let e = 0; e < 500; e++) trainer.step();
    expect(trainer.evaluate(packSamples(samples, 1, 3), 'argmax').accuracy).toBe(1);
  });

  it('reports the mean gradient norm per layer since it was last asked', () => {
    const network = net();
    const trainer = createTrainer(
      network,
      packed,
      { learningRate: 0, batchSize: 7, penalty: none },
      1,
    );
    expect(trainer.takeGradientNorms()).toBeNull();
    trainer.step();
    trainer.step();
    const grads = runPass(network, xorSamples).grads;
    const norms = trainer.takeGradientNorms() as number[];
    grads.forEach((g, l) => {
      const sumSquares = g.dW.reduce(
        (s, row) => s + Array.from(row).reduce((t, v) => t + v * v, 0),
        0,
      );
      expect(norms[l]).toBeCloseTo(Math.sqrt(sumSquares), 12);
    });
    expect(trainer.takeGradientNorms()).toBeNull();
  });

  it('stops at an overflow and keeps the last good network', () => {
    const regression: Network = {
      inputSize: 1,
      loss: 'mse',
      layers: [{ activation: 'linear', weights: [[1]], biases: [0] }],
    };
    const samples = [
      { x: [100], y: [1] },
      { x: [-50], y: [2] },
    ];
    const trainer = createTrainer(
      regression,
      packSamples(samples, 1, 1),
      { learningRate: 10, batchSize: 2, penalty: none },
      1,
    );
    let problem = null;
    let good = trainer.network();
    for (let s = 0; s < 50 && !problem; s++) {
      good = trainer.network();
      problem = trainer.step();
    }
    expect(problem).not.toBeNull();
    expect(problem?.kind === 'weight' || problem?.kind === 'bias' || problem?.kind === 'loss').toBe(
      true,
    );
    expect(trainer.network()).toEqual(good);
    for (const v of [good.layers[0]?.weights[0]?.[0], good.layers[0]?.biases[0]]) {
      expect(Math.abs(v as number)).toBeLessThanOrEqual(1e6);
    }
  });

  it('keeps its place when given new weights of the same shape, and refuses another shape', () => {
    const trainer = createTrainer(
      net(),
      packed,
      { learningRate: 0.1, batchSize: 2, penalty: none },
      1,
    );
    trainer.skipBatch();
    const next = trainer.nextBatch();
    trainer.setNetwork(net('tanh', 99));
    expect(trainer.network()).toEqual(net('tanh', 99));
    expect(trainer.nextBatch()).toEqual(next);
    expect(() => trainer.setNetwork(net('relu'))).toThrow(/another shape/);
  });

  it('refuses bad options with a reason', () => {
    const make = (o: object) =>
      createTrainer(net(), packed, { learningRate: 0.1, batchSize: 2, penalty: none, ...o }, 1);
    expect(() => make({ batchSize: 0 })).toThrow(/batch size/);
    expect(() => make({ learningRate: -1 })).toThrow(/learning rate/);
    expect(() => make({ penalty: { kind: 'L2', rate: -1 } })).toThrow(/regularization rate/);
    expect(() =>
      createTrainer(
        net(),
        packSamples(xorSamples, 2, 1),
        { learningRate: 1, batchSize: 1, penalty: none },
        1,
      ).setOptions({ batchSize: 1.5 }),
    ).toThrow(/batch size/);
  });
});
