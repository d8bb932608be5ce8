/**
 * applyGradients and train: the step W ← W − η∂L/∂W exactly, no mutation of their inputs, and
 * train equal, number for number, to runPass + applyGradients over consecutive mini-batches.
 */
import { describe, expect, it } from 'vitest';
import {
  applyGradients,
  initializeNetwork,
  runPass,
  train,
  type Network,
  type NetworkSpec,
  type Sample,
  type TrainOptions,
} from '../../../src/engine';

function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object') {
    for (const v of Object.values(value)) deepFreeze(v);
    Object.freeze(value);
  }
  return value;
}

/** The reference loop: consecutive batches in the given order, the last one smaller. */
function manualTrain(network: Network, samples: Sample[], o: TrainOptions): Network {
  let current = network;
  for (let epoch = 0; epoch < o.epochs; epoch++) {
    for (let start = 0; start < samples.length; start += o.batchSize) {
      const batch = samples.slice(start, start + o.batchSize);
      current = applyGradients(current, runPass(current, batch).grads, o.learningRate);
    }
  }
  return current;
}

const tiny: Network = {
  inputSize: 2,
  loss: 'halfSse',
  layers: [
    {
      activation: 'tanh',
      weights: [
        [0.1, -0.2],
        [0.3, 0.4],
      ],
      biases: [0.05, -0.05],
    },
    { activation: 'linear', weights: [[0.5], [-0.6]], biases: [0.2] },
  ],
};

describe('applyGradients', () => {
  it('computes W − η·dW and b − η·db entry by entry', () => {
    const grads = [
      {
        dW: [
          [1, 2],
          [-3, 0.5],
        ],
        db: [0.25, -1],
      },
      { dW: [[4], [-2]], db: [8] },
    ];
    const next = applyGradients(tiny, grads, 0.1);
    expect(next.layers[0]?.weights).toEqual([
      [0.1 - 0.1 * 1, -0.2 - 0.1 * 2],
      [0.3 - 0.1 * -3, 0.4 - 0.1 * 0.5],
    ]);
    expect(next.layers[0]?.biases).toEqual([0.05 - 0.1 * 0.25, -0.05 - 0.1 * -1]);
    expect(next.layers[1]?.weights).toEqual([[0.5 - 0.1 * 4], [-0.6 - 0.1 * -2]]);
    expect(next.layers[1]?.biases).toEqual([0.2 - 0.1 * 8]);
    expect(next.layers.map((l) => l.activation)).toEqual(['tanh', 'linear']);
    expect(next.loss).toBe('halfSse');
    expect(next.inputSize).toBe(2);
  });

  it('is pure: frozen inputs, unchanged JSON, a result that shares no arrays with the input', () => {
    const network = deepFreeze(structuredClone(tiny));
    const before = JSON.stringify(network);
    const grads = deepFreeze(
      runPass(network, [{ x: [1, 2], y: [0.5] }]).grads.map((g) => ({
        dW: g.dW.map((r) => Array.from(r)),
        db: Array.from(g.db),
      })),
    );
    const gradsBefore = JSON.stringify(grads);
    const next = applyGradients(network, grads, 0.3);
    expect(JSON.stringify(network)).toBe(before);
    expect(JSON.stringify(grads)).toBe(gradsBefore);
    expect(next).not.toBe(network);
    expect(next.layers[0]?.weights).not.toBe(network.layers[0]?.weights);
    expect(next.layers[0]?.weights[0]).not.toBe(network.layers[0]?.weights[0]);
    expect(next.layers[0]?.biases).not.toBe(network.layers[0]?.biases);
    expect(applyGradients(network, grads, 0)).toEqual(network);
  });

  it('accepts the typed arrays runPass returns', () => {
    const snap = runPass(tiny, [{ x: [1, 2], y: [0.5] }]);
    const next = applyGradients(tiny, snap.grads, 1);
    expect(next.layers[1]?.biases[0]).toBe(0.2 - (snap.grads[1]?.db[0] as number));
  });

  it('rejects gradients of the wrong shape or a bad learning rate', () => {
    const grads = runPass(tiny, [{ x: [1, 2], y: [0.5] }]).grads;
    expect(() => applyGradients(tiny, grads.slice(0, 1), 0.1)).toThrow(
      /1 layers; the network has 2/,
    );
    expect(() => applyGradients(tiny, [grads[0]!, { dW: [[1]], db: [1] }], 0.1)).toThrow(/Layer 2/);
    expect(() => applyGradients(tiny, [{ dW: [[1, 2], [3]], db: [1, 2] }, grads[1]!], 0.1)).toThrow(
      /Layer 1: gradient row 2/,
    );
    expect(() =>
      applyGradients(tiny, [{ dW: [[1, 2], [3, NaN]], db: [1, 2] }, grads[1]!], 0.1),
    ).toThrow('Layer 1: gradient ∂L/∂w[2][2] is NaN; it must be a finite number.');
    expect(() =>
      applyGradients(tiny, [grads[0]!, { dW: grads[1]!.dW, db: [Infinity] }], 0.1),
    ).toThrow('Layer 2: gradient ∂L/∂b[1] is Infinity; it must be a finite number.');
    expect(() => applyGradients(tiny, grads, -0.1)).toThrow(/learning rate is -0.1/);
    expect(() => applyGradients(tiny, grads, NaN)).toThrow(/learning rate is NaN/);
  });
});

const spec = (
  layers: NetworkSpec['layers'],
  loss: NetworkSpec['loss'],
  inputSize = 2,
): NetworkSpec => ({ inputSize, layers, loss });

/** Deterministic samples: x on a little spiral, y from the index. */
function samples(
  count: number,
  inputSize: number,
  outputs: number,
  kind: 'regression' | 'classes',
): Sample[] {
  return Array.from({ length: count }, (_, s) => ({
    x: Array.from({ length: inputSize }, (_, i) => Math.sin(1.3 * s + 0.7 * i) * (1 + s / count)),
    y:
      kind === 'classes'
        ? Array.from({ length: outputs }, (_, j) => (j === s % outputs ? 1 : 0))
        : Array.from({ length: outputs }, (_, j) => Math.cos(0.9 * s - j)),
  }));
}

describe('train', () => {
  const configs: [string, NetworkSpec, Sample[], TrainOptions][] = [
    [
      '2-3-2-1 tanh/sigmoid, halfSse, 7 samples in batches of 3 (last of 1), 2 epochs',
      spec(
        [
          { units: 3, activation: 'tanh' },
          { units: 2, activation: 'sigmoid' },
          { units: 1, activation: 'linear' },
        ],
        'halfSse',
      ),
      samples(7, 2, 1, 'regression'),
      { learningRate: 0.3, batchSize: 3, epochs: 2 },
    ],
    [
      '3-4-3 relu/softmax, crossEntropy, 10 samples in batches of 4, 3 epochs',
      spec(
        [
          { units: 4, activation: 'relu' },
          { units: 3, activation: 'softmax' },
        ],
        'crossEntropy',
        3,
      ),
      samples(10, 3, 3, 'classes'),
      { learningRate: 0.5, batchSize: 4, epochs: 3 },
    ],
    [
      '2-2-2 leakyRelu/sigmoid, binaryCrossEntropy, batch size 1',
      spec(
        [
          { units: 2, activation: 'leakyRelu' },
          { units: 2, activation: 'sigmoid' },
        ],
        'binaryCrossEntropy',
      ),
      samples(5, 2, 2, 'classes'),
      { learningRate: 0.1, batchSize: 1, epochs: 4 },
    ],
    [
      '1-3-2 sigmoid/tanh, mse, a batch larger than the data set',
      spec(
        [
          { units: 3, activation: 'sigmoid' },
          { units: 2, activation: 'tanh' },
        ],
        'mse',
        1,
      ),
      samples(5, 1, 2, 'regression'),
      { learningRate: 0.2, batchSize: 20, epochs: 3 },
    ],
  ];

  it.each(configs)('%s: equals runPass + applyGradients exactly', (_name, s, data, options) => {
    const network = initializeNetwork(s, 11);
    const trained = train(network, data, options);
    expect(trained).toEqual(manualTrain(network, data, options));
    // and it did move: not the identity
    expect(trained).not.toEqual(network);
  });

  it('depends on the sample order (consecutive batches, no shuffling)', () => {
    const [, s, data, options] = configs[0]!;
    const network = initializeNetwork(s, 3);
    const reversed = [...data].reverse();
    expect(train(network, reversed, options)).toEqual(manualTrain(network, reversed, options));
    expect(train(network, reversed, options)).not.toEqual(train(network, data, options));
  });

  it('is pure: frozen network and samples, unchanged JSON, a fresh result', () => {
    const [, s, data, options] = configs[1]!;
    const network = deepFreeze(initializeNetwork(s, 5));
    const frozenData = deepFreeze(structuredClone(data));
    const before = JSON.stringify([network, frozenData]);
    const trained = train(network, frozenData, options);
    expect(JSON.stringify([network, frozenData])).toBe(before);
    const zero = train(network, frozenData, { ...options, epochs: 0 });
    expect(zero).toEqual(network);
    expect(zero).not.toBe(network);
    expect(zero.layers[0]?.weights).not.toBe(network.layers[0]?.weights);
    expect(trained.layers[0]?.weights[0]).not.toBe(network.layers[0]?.weights[0]);
  });

  it('learns: the loss on the training set goes down', () => {
    const network = initializeNetwork(
      spec(
        [
          { units: 6, activation: 'tanh' },
          { units: 1, activation: 'linear' },
        ],
        'halfSse',
      ),
      1,
    );
    const data = samples(12, 2, 1, 'regression');
    const trained = train(network, data, { learningRate: 0.1, batchSize: 4, epochs: 200 });
    expect(runPass(trained, data).loss).toBeLessThan(0.5 * runPass(network, data).loss);
  });

  it('rejects bad options with a message naming the option', () => {
    const data = samples(3, 2, 1, 'regression');
    expect(() => train(tiny, data, { learningRate: 0.1, batchSize: 0, epochs: 1 })).toThrow(
      /batch size is 0/,
    );
    expect(() => train(tiny, data, { learningRate: 0.1, batchSize: 1.5, epochs: 1 })).toThrow(
      /batch size is 1.5/,
    );
    expect(() => train(tiny, data, { learningRate: 0.1, batchSize: 1, epochs: -1 })).toThrow(
      /epochs is -1/,
    );
    expect(() => train(tiny, data, { learningRate: Infinity, batchSize: 1, epochs: 1 })).toThrow(
      /learning rate is Infinity/,
    );
    expect(() => train(tiny, [], { learningRate: 0.1, batchSize: 1, epochs: 1 })).toThrow(
      /batch is empty/,
    );
    expect(() =>
      train(tiny, [{ x: [1], y: [0] }], { learningRate: 0.1, batchSize: 1, epochs: 1 }),
    ).toThrow(/Sample 1: x has 1/);
  });
});
