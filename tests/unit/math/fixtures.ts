import {
  initializeNetwork,
  passSteps,
  runPass,
  type Network,
  type PassStep,
  type Sample,
} from '../../../src/engine';
import { NOTATION_IDS as REGISTERED, type EquationContext } from '../../../src/math';
import type { NotationId } from '../../../src/store/types';

/** The classic 2-2-2 sigmoid example (½ squared error, η = 0.5). */
export const classic: Network = {
  inputSize: 2,
  loss: 'halfSse',
  layers: [
    {
      activation: 'sigmoid',
      weights: [
        [0.15, 0.25],
        [0.2, 0.3],
      ],
      biases: [0.35, 0.35],
    },
    {
      activation: 'sigmoid',
      weights: [
        [0.4, 0.5],
        [0.45, 0.55],
      ],
      biases: [0.6, 0.6],
    },
  ],
};
export const classicSamples: Sample[] = [{ x: [0.05, 0.1], y: [0.01, 0.99] }];

export function context(
  network: Network,
  samples: Sample[],
  step: PassStep,
  notation: NotationId = 'standard',
  sampleIndex = 0,
  learningRate = 0.5,
): EquationContext {
  return {
    network,
    snapshot: runPass(network, samples),
    samples,
    sampleIndex,
    step,
    notation,
    learningRate,
  };
}

export function classicContext(step: PassStep, notation: NotationId = 'standard'): EquationContext {
  return context(classic, classicSamples, step, notation);
}

/** Every notation in the registry. */
export const NOTATION_IDS: readonly NotationId[] = REGISTERED;

/** Networks that between them use every activation, every loss and batches of 1, 3 and 6. */
export const NETWORKS: { name: string; network: Network; samples: Sample[] }[] = [
  { name: 'classic 2-2-2', network: classic, samples: classicSamples },
  {
    name: 'softmax + cross-entropy, ReLU hidden, 3 samples',
    network: {
      inputSize: 2,
      loss: 'crossEntropy',
      layers: [
        {
          activation: 'relu',
          weights: [
            [0.5, -0.4, 0.3],
            [0.2, 0.6, -0.5],
          ],
          biases: [0.1, 0.1, 0.1],
        },
        {
          activation: 'softmax',
          weights: [
            [0.7, -0.3, 0.1],
            [-0.2, 0.8, -0.4],
            [0.3, -0.5, 0.9],
          ],
          biases: [0, 0, 0],
        },
      ],
    },
    samples: [
      { x: [1.0, 0.5], y: [1, 0, 0] },
      { x: [-0.5, 1.0], y: [0, 1, 0] },
      { x: [0.5, -1.0], y: [0, 0, 1] },
    ],
  },
  {
    name: 'tanh + sigmoid, binary cross-entropy, 4 samples',
    network: {
      inputSize: 2,
      loss: 'binaryCrossEntropy',
      layers: [
        {
          activation: 'tanh',
          weights: [
            [0.9, -0.7],
            [0.8, 0.6],
          ],
          biases: [-0.3, 0.5],
        },
        { activation: 'sigmoid', weights: [[1.1], [-0.9]], biases: [0.2] },
      ],
    },
    samples: [
      { x: [0, 0], y: [0] },
      { x: [0, 1], y: [1] },
      { x: [1, 0], y: [1] },
      { x: [1, 1], y: [0] },
    ],
  },
  {
    name: 'leaky ReLU + sigmoid, cross-entropy, 6 samples',
    network: {
      inputSize: 2,
      loss: 'crossEntropy',
      layers: [
        {
          activation: 'leakyRelu',
          weights: [
            [0.5, -0.4],
            [-0.2, -0.6],
          ],
          biases: [0.1, -0.1],
        },
        {
          activation: 'sigmoid',
          weights: [
            [0.7, -0.3],
            [-0.2, 0.8],
          ],
          biases: [0, 0],
        },
      ],
    },
    samples: [
      { x: [1, 0.5], y: [1, 0] },
      { x: [-1, 0.5], y: [0.5, 0] },
      { x: [0, 2], y: [0, 1] },
      { x: [3, 1], y: [0, 0] },
      { x: [-2, -1], y: [1, 1] },
      { x: [0.3, 0.1], y: [0, 0] },
    ],
  },
  {
    name: 'softmax hidden and output, mean squared error',
    network: {
      inputSize: 2,
      loss: 'mse',
      layers: [
        {
          activation: 'softmax',
          weights: [
            [0.5, -0.4, 0.3],
            [0.2, 0.6, -0.5],
          ],
          biases: [0.1, 0.1, 0.1],
        },
        {
          activation: 'softmax',
          weights: [
            [0.7, -0.3],
            [-0.2, 0.8],
            [0.3, -0.5],
          ],
          biases: [0, 0],
        },
      ],
    },
    samples: [{ x: [1, 0.5], y: [0.3, 0.5] }],
  },
  {
    name: 'linear 1-1-1, squared error without ½, extreme numbers',
    network: {
      inputSize: 1,
      loss: 'sse',
      layers: [
        { activation: 'linear', weights: [[2]], biases: [-1e-9] },
        { activation: 'linear', weights: [[-3e-8]], biases: [1234567] },
      ],
    },
    samples: [{ x: [-0.5], y: [2] }],
  },
  {
    name: '16-16-10 tanh/softmax (large, elided matrices)',
    network: initializeNetwork(
      {
        inputSize: 16,
        layers: [
          { units: 16, activation: 'tanh' },
          { units: 10, activation: 'softmax' },
        ],
        loss: 'crossEntropy',
      },
      3,
    ),
    samples: [
      {
        x: Array.from({ length: 16 }, (_, i) => (i - 8) / 7),
        y: Array.from({ length: 10 }, (_, i) => (i === 3 ? 1 : 0)),
      },
    ],
  },
  {
    name: 'ELU hidden, swish output, mean squared error, 2 samples',
    network: {
      inputSize: 1,
      loss: 'mse',
      layers: [
        { activation: 'elu', weights: [[-1, 0.5]], biases: [0, 0] },
        { activation: 'swish', weights: [[1], [1]], biases: [0] },
      ],
    },
    samples: [
      { x: [1], y: [0] },
      { x: [-2], y: [0.5] },
    ],
  },
];

export function allSteps(network: Network): PassStep[] {
  return [...passSteps(network, 'layer'), ...passSteps(network, 'unit')];
}
