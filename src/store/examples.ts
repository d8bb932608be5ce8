import type { Network, Sample } from '../engine';
import type { NotationId } from './types';

export interface WorkedExample {
  id: string;
  title: string;
  /** Where the numbers come from, so a learner can open the same page. */
  source: string;
  network: Network;
  samples: Sample[];
  learningRate: number;
  /** Does the update move the biases? Off where the source updates the weights only. */
  trainBiases: boolean;
  notation: NotationId;
}

const sigmoidLayer = (weights: number[][], biases: number[]) => ({
  activation: 'sigmoid' as const,
  weights,
  biases,
});

export const EXAMPLES: readonly WorkedExample[] = [
  {
    id: 'classic-2-2-2',
    title: 'Classic 2-2-2 sigmoid network (½ squared error)',
    source:
      'The widely used step-by-step example: x = (0.05, 0.10), targets 0.01 and 0.99, η = 0.5. Notes 000 and 003 use the same a, z, δ notation. Like the tutorial, the update moves the weights only ("Train biases" is off), so the loss after it is the tutorial’s 0.291028; tick "Train biases" to move the biases too.',
    network: {
      inputSize: 2,
      loss: 'halfSse',
      layers: [
        sigmoidLayer(
          [
            [0.15, 0.25],
            [0.2, 0.3],
          ],
          [0.35, 0.35],
        ),
        sigmoidLayer(
          [
            [0.4, 0.5],
            [0.45, 0.55],
          ],
          [0.6, 0.6],
        ),
      ],
    },
    samples: [{ x: [0.05, 0.1], y: [0.01, 0.99] }],
    learningRate: 0.5,
    trainBiases: false,
    notation: 'standard',
  },
  {
    id: 'chain-1-1-1-1',
    title: 'One neuron per layer: the 1-1-1-1 chain (note 002)',
    source:
      'Note 002: z⁽ᴸ⁾ = w⁽ᴸ⁾a⁽ᴸ⁻¹⁾ + b⁽ᴸ⁾, C = (a⁽ᴸ⁾ − y)² (squared error without ½). Every factor of the chain rule is one number.',
    network: {
      inputSize: 1,
      loss: 'sse',
      layers: [
        sigmoidLayer([[0.8]], [0.1]),
        sigmoidLayer([[-1.2]], [0.4]),
        sigmoidLayer([[1.5]], [-0.3]),
      ],
    },
    samples: [{ x: [1.0], y: [1.0] }],
    learningRate: 1,
    trainBiases: true,
    notation: 'chain',
  },
  {
    id: 'note-004',
    title: 'Row vectors and k: the 3-input example (note 004)',
    source:
      'Note 004: x₀ = [1 0 1], W₁ = [[1 0 1], [1 1 1], [1 0 1]], f = sigmoid, no biases, E = ½(y − x₃)². The note gives f(W₁x₀) = [σ(2), σ(0), σ(2)]; W₂, W₃ and y are ours, to finish the pass. No biases in the update either: "Train biases" is off, so they stay 0.',
    network: {
      inputSize: 3,
      loss: 'halfSse',
      layers: [
        sigmoidLayer(
          [
            [1, 0, 1],
            [1, 1, 1],
            [1, 0, 1],
          ],
          [0, 0, 0],
        ),
        sigmoidLayer(
          [
            [0.5, -0.5],
            [-1, 1],
            [0.5, 0.5],
          ],
          [0, 0],
        ),
        sigmoidLayer([[1], [-1]], [0]),
      ],
    },
    samples: [{ x: [1, 0, 1], y: [1] }],
    learningRate: 1,
    trainBiases: false,
    notation: 'rowVector',
  },
  {
    id: 'xor-2-2-1',
    title: 'XOR with a 2-2-1 network (mini-batch of 4)',
    source:
      'The four XOR points as one mini-batch: the gradient is the mean of the four samples’ gradients (note 002).',
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
        sigmoidLayer([[1.1], [-0.9]], [0.2]),
      ],
    },
    samples: [
      { x: [0, 0], y: [0] },
      { x: [0, 1], y: [1] },
      { x: [1, 0], y: [1] },
      { x: [1, 1], y: [0] },
    ],
    learningRate: 0.5,
    trainBiases: true,
    notation: 'standard',
  },
  {
    id: 'softmax-classifier',
    title: 'Softmax classifier with cross-entropy (2-3-3)',
    source:
      'Three classes, one-hot targets. Note 003: cross-entropy is the usual loss for classification; with softmax, δ⁽ᴸ⁾ = a − y.',
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
          // Not 0.1: sample 1 would give z₂ = −0.4 + 0.3 + 0.1, exactly ReLU's kink by hand and
          // −5.55e−17 in floating point, which the learner would see instead of 0.
          biases: [0.1, 0.2, 0.1],
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
    learningRate: 0.5,
    trainBiases: true,
    notation: 'standard',
  },
];

export const DEFAULT_EXAMPLE = EXAMPLES[0] as WorkedExample;

export function findExample(id: string): WorkedExample | undefined {
  return EXAMPLES.find((example) => example.id === id);
}
