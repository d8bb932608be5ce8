/** Bad input: an Error whose message names the problem and where it is. */
import { describe, expect, it } from 'vitest';
import {
  ACTIVATIONS,
  LOSSES,
  applyGradients,
  initializeNetwork,
  lossOf,
  lossProblem,
  numericalGradients,
  passSteps,
  runPass,
  train,
  validateBatch,
  validateLearningRate,
  validateNetwork,
  type Granularity,
  type Network,
  type Sample,
  type TrainOptions,
} from '../../../src/engine';
import { ALLOWED_PAIRS } from './arbitraries';

/** A valid 2-3-1 network and batch of three samples that each case below breaks in one place. */
function valid(): { network: Network; batch: Sample[] } {
  return {
    network: {
      inputSize: 2,
      loss: 'halfSse',
      layers: [
        {
          activation: 'tanh',
          weights: [
            [0.1, 0.2, 0.3],
            [-0.1, -0.2, -0.3],
          ],
          biases: [0, 0.1, 0.2],
        },
        { activation: 'sigmoid', weights: [[0.5], [0.6], [0.7]], biases: [0.1] },
      ],
    },
    batch: [
      { x: [1, 2], y: [0.5] },
      { x: [0, -1], y: [0.1] },
      { x: [3, 0.5], y: [0.9] },
    ],
  };
}

type Case = [string, (c: { network: Network; batch: Sample[] }) => void, RegExp];
/* Cases write through `any`-free casts: the point is input the types would not allow. */
const set = <T>(target: T, key: keyof T, value: unknown) => {
  (target as Record<keyof T, unknown>)[key] = value;
};

const cases: Case[] = [
  ['no layers', ({ network }) => (network.layers = []), /The network has no layers/],
  ['input size 0', ({ network }) => (network.inputSize = 0), /input size is 0/],
  ['input size 1.5', ({ network }) => (network.inputSize = 1.5), /input size is 1.5/],
  ['unknown loss', ({ network }) => set(network, 'loss', 'hinge'), /Unknown loss "hinge"/],
  [
    'unknown activation in layer 2',
    ({ network }) => set(network.layers[1]!, 'activation', 'gelu'),
    /Layer 2: unknown activation "gelu"/,
  ],
  [
    'layer 2 has too few weight rows',
    ({ network }) => network.layers[1]!.weights.pop(),
    /Layer 2: weights have 2 rows; expected 3 \(one per unit of layer 1\)/,
  ],
  [
    'layer 1 has too many weight rows',
    ({ network }) => network.layers[0]!.weights.push([1, 2, 3]),
    /Layer 1: weights have 3 rows; expected 2 \(one per unit of the input\)/,
  ],
  [
    'layer 1 row 2 too short',
    ({ network }) => network.layers[0]!.weights[1]!.pop(),
    /Layer 1: weights row 2 has 2 entries; expected 3/,
  ],
  [
    'layer 2 row 3 too long',
    ({ network }) => network.layers[1]!.weights[2]!.push(1),
    /Layer 2: weights row 3 has 2 entries; expected 1/,
  ],
  [
    'layer 1 biases empty',
    ({ network }) => (network.layers[0]!.biases = []),
    /Layer 1: the biases must be a non-empty list/,
  ],
  [
    'NaN weight',
    ({ network }) => (network.layers[1]!.weights[2]![0] = NaN),
    /Layer 2: weight w\[3\]\[1\] is NaN; it must be a finite number/,
  ],
  [
    'Infinity weight',
    ({ network }) => (network.layers[0]!.weights[0]![2] = Infinity),
    /Layer 1: weight w\[1\]\[3\] is Infinity/,
  ],
  [
    'string weight',
    ({ network }) => set(network.layers[0]!.weights[0]!, 0, '0.5'),
    /Layer 1: weight w\[1\]\[1\] is a string/,
  ],
  [
    'NaN bias',
    ({ network }) => (network.layers[0]!.biases[1] = NaN),
    /Layer 1: bias b\[2\] is NaN/,
  ],
  [
    '−Infinity bias',
    ({ network }) => (network.layers[1]!.biases[0] = -Infinity),
    /Layer 2: bias b\[1\] is -Infinity/,
  ],
  [
    'null bias',
    ({ network }) => set(network.layers[1]!.biases, 0, null),
    /Layer 2: bias b\[1\] is null/,
  ],
  [
    'BCE with a softmax output',
    ({ network }) => (
      (network.loss = 'binaryCrossEntropy'),
      (network.layers[1]!.activation = 'softmax')
    ),
    /Binary cross-entropy needs a sigmoid output layer.*the output layer is softmax/,
  ],
  [
    'BCE with a tanh output',
    ({ network }) => (
      (network.loss = 'binaryCrossEntropy'),
      (network.layers[1]!.activation = 'tanh')
    ),
    /Binary cross-entropy needs a sigmoid output layer.*is tanh/,
  ],
  [
    'crossEntropy with a relu output',
    ({ network }) => ((network.loss = 'crossEntropy'), (network.layers[1]!.activation = 'relu')),
    /Cross-entropy needs a softmax or sigmoid output layer.*is relu/,
  ],
  [
    'crossEntropy with a linear output',
    ({ network }) => ((network.loss = 'crossEntropy'), (network.layers[1]!.activation = 'linear')),
    /Cross-entropy needs a softmax or sigmoid output layer.*is linear/,
  ],
  ['empty batch', (c) => (c.batch = []), /The batch is empty/],
  [
    'sample 3 x too short',
    ({ batch }) => batch[2]!.x.pop(),
    /Sample 3: x has 1 values; the network takes 2 inputs/,
  ],
  ['sample 2 x missing', ({ batch }) => set(batch[1]!, 'x', undefined), /Sample 2: x has 0 values/],
  [
    'sample 2 y too long',
    ({ batch }) => batch[1]!.y.push(1, 2),
    /Sample 2: y has 3 values; the output layer has 1 units/,
  ],
  ['sample 1 null', ({ batch }) => set(batch, 0, null), /Sample 1: x has 0 values/],
  ['NaN in x', ({ batch }) => (batch[2]!.x[1] = NaN), /Sample 3: input x\[2\] is NaN/],
  [
    'Infinity in x',
    ({ batch }) => (batch[0]!.x[0] = Infinity),
    /Sample 1: input x\[1\] is Infinity/,
  ],
  ['NaN in y', ({ batch }) => (batch[1]!.y[0] = NaN), /Sample 2: target y\[1\] is NaN/],
  [
    '−Infinity in y',
    ({ batch }) => (batch[2]!.y[0] = -Infinity),
    /Sample 3: target y\[1\] is -Infinity/,
  ],
  [
    'a BCE target outside [0, 1]',
    ({ network, batch }) => ((network.loss = 'binaryCrossEntropy'), (batch[2]!.y[0] = 1.5)),
    /Sample 3: target y\[1\] is 1.5; with a cross-entropy loss targets must lie in \[0, 1\]/,
  ],
  [
    'a crossEntropy target below 0',
    ({ network, batch }) => ((network.loss = 'crossEntropy'), (batch[1]!.y[0] = -0.1)),
    /Sample 2: target y\[1\] is -0.1/,
  ],
];

describe.each(cases)('%s', (_name, breakIt, message) => {
  const broken = () => {
    const c = valid();
    breakIt(c);
    return c;
  };
  it('runPass throws an Error naming the problem', () => {
    const { network, batch } = broken();
    expect(() => runPass(network, batch)).toThrow(Error);
    expect(() => runPass(network, batch)).toThrow(message);
  });
  it('lossOf, numericalGradients and train throw the same', () => {
    const { network, batch } = broken();
    expect(() => lossOf(network, batch)).toThrow(message);
    expect(() => numericalGradients(network, batch)).toThrow(message);
    expect(() => train(network, batch, { learningRate: 0.1, batchSize: 2, epochs: 1 })).toThrow(
      message,
    );
  });
});

describe('validation entry points', () => {
  it('the valid fixture passes everywhere (so each case above fails for its own reason)', () => {
    const { network, batch } = valid();
    expect(() => validateNetwork(network)).not.toThrow();
    expect(() => validateBatch(network, batch)).not.toThrow();
    expect(() => runPass(network, batch)).not.toThrow();
  });

  it('applyGradients validates the network it is given', () => {
    const { network, batch } = valid();
    const grads = runPass(network, batch).grads;
    network.layers[0]!.biases[2] = NaN;
    expect(() => applyGradients(network, grads, 0.1)).toThrow(/Layer 1: bias b\[3\] is NaN/);
  });

  it('validateLearningRate', () => {
    expect(() => validateLearningRate(0)).not.toThrow();
    expect(() => validateLearningRate(-1)).toThrow(
      /learning rate is -1; it must be a finite number ≥ 0/,
    );
    expect(() => validateLearningRate(NaN)).toThrow(/learning rate is NaN/);
    expect(() => validateLearningRate(undefined as unknown as number)).toThrow(
      /learning rate is missing/,
    );
  });

  it('initializeNetwork names the layer with a bad unit count', () => {
    const layers = [
      { units: 3, activation: 'tanh' as const },
      { units: 0, activation: 'sigmoid' as const },
    ];
    expect(() => initializeNetwork({ inputSize: 2, layers, loss: 'sse' }, 1)).toThrow(
      /Layer 2: 0 units/,
    );
    expect(() =>
      initializeNetwork(
        { inputSize: 2, layers: [{ units: 1, activation: 'relu' }], loss: 'crossEntropy' },
        1,
      ),
    ).toThrow(/Cross-entropy needs a softmax or sigmoid output layer/);
  });

  it('lossProblem admits exactly the allowed (output activation, loss) pairs', () => {
    const allowed = new Set(ALLOWED_PAIRS.map(([a, l]) => `${a}/${l}`));
    expect(ACTIVATIONS).toHaveLength(8);
    expect(LOSSES).toHaveLength(5);
    for (const activation of ACTIVATIONS) {
      for (const loss of LOSSES) {
        const problem = lossProblem(loss, activation);
        if (allowed.has(`${activation}/${loss}`)) expect(problem).toBeNull();
        else expect(problem).toMatch(new RegExp(`output layer is ${activation}`));
      }
    }
  });
});

describe('applyGradients names the gradient that is wrong', () => {
  const { network, batch } = valid();
  const grads = () =>
    runPass(network, batch).grads.map((g) => ({
      dW: g.dW.map((row) => Array.from(row)),
      db: Array.from(g.db),
    }));
  const cases: [string, (g: ReturnType<typeof grads>) => unknown, RegExp][] = [
    [
      'a NaN weight gradient',
      (g) => (g[1]!.dW[2]![0] = NaN),
      /^Layer 2: gradient ∂L\/∂w\[3\]\[1\] is NaN/,
    ],
    [
      'an infinite bias gradient',
      (g) => (g[0]!.db[1] = Infinity),
      /^Layer 1: gradient ∂L\/∂b\[2\] is Infinity/,
    ],
    [
      'a missing layer',
      (g) => set(g, 0, null),
      /^Layer 1: the gradient ∂L\/∂W has 0 rows; the weights have 2/,
    ],
    [
      'a missing row',
      (g) => g[0]!.dW.pop(),
      /^Layer 1: the gradient ∂L\/∂W has 1 rows; the weights have 2/,
    ],
    [
      'a short bias gradient',
      (g) => g[0]!.db.pop(),
      /^Layer 1: the gradient ∂L\/∂b has 2 entries; the layer has 3/,
    ],
    [
      'a string entry',
      (g) => set(g[1]!.dW[0]!, 0, '1'),
      /^Layer 2: gradient ∂L\/∂w\[1\]\[1\] is a string/,
    ],
  ];
  it.each(cases)('%s', (_name, breakIt, message) => {
    const g = grads();
    breakIt(g);
    expect(() => applyGradients(network, g, 0.1)).toThrow(message);
    // even with η = 0, where w − 0·NaN would still be NaN
    expect(() => applyGradients(network, g, 0)).toThrow(message);
  });
});

describe('other entry points', () => {
  it('train without options says so', () => {
    const { network, batch } = valid();
    expect(() => train(network, batch, undefined as unknown as TrainOptions)).toThrow(
      /training options are missing/,
    );
    expect(() =>
      train(network, batch, { learningRate: 0.1, batchSize: 2 } as unknown as TrainOptions),
    ).toThrow(/number of epochs is undefined/);
  });

  it('passSteps: no layers, unknown granularity', () => {
    const { network } = valid();
    expect(() => passSteps({ ...network, layers: [] })).toThrow(/The network has no layers/);
    expect(() => passSteps(network, 'neuron' as unknown as Granularity)).toThrow(
      /Unknown granularity "neuron"/,
    );
  });

  it('numericalGradients: a step h that is not a finite positive number', () => {
    const { network, batch } = valid();
    for (const h of [0, -1e-5, NaN, Infinity]) {
      expect(() => numericalGradients(network, batch, h)).toThrow(
        /central differences need a finite h > 0/,
      );
    }
  });
});
