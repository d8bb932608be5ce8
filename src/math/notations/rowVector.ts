import type { NotationSpec } from './types';
import { shiftLayer, unitIndex } from './types';
import { subscript } from './script';

/**
 * Note 004: x_i the row vector of layer i (x_0 a 1×n row), W_i, b_i, k_i for δ, f, E, α;
 * x_i = f(x_{i−1}W_i + b_i), the layer as a subscript and a unit as a subscript of the
 * parenthesized row: (x_1)_2. The note names no pre-activation, only f's argument.
 */
export const rowVector = {
  id: 'rowVector',
  name: 'row vectors x_i, W_i, k_i, E (note 004)',
  notes: 'note 004',
  vectors: 'row',
  bias: 'separate',
  layers: 'fromInput',
  unitIndices: 'always',
  backward: 'delta',
  loss: { tex: 'E', text: 'E' },
  learningRate: { tex: '\\alpha', text: 'α' },
  activationFunction: { tex: 'f', text: 'f' },
  hadamard: '\\odot',
  deltaName: 'k',
  letters: { z: 'z', a: 'x', delta: 'k' },
  // k is the note's δ, so the sums over the next layer run over m, and inside softmax over q.
  indices: { next: 'm', softmax: 'q' },
  matrixOrder: {
    forward: 'Note 004 writes f(W x); with x a row vector the product is x W',
    backward:
      'Note 004 writes kᵢ = Wᵢ₊₁kᵢ₊₁f′(…), multiplying as with single numbers, where order does not matter; with k a row and row j of W holding the weights out of unit j, the product that is a row again is k Wᵀ, and f′ multiplies element by element (⊙)',
    gradient:
      'Note 004 writes ∂E/∂Wᵢ = kᵢxᵢ₋₁, as with single numbers; to give a matrix of Wᵢ’s shape, the row x is turned into a column: xᵀk',
  },
  symbols: (w) => {
    const pre = (l: number | string) =>
      `x_{${w.layer(shiftLayer(l, -1))}}W_{${w.layer(l)}} + b_{${w.layer(l)}}`;
    const down = (l: number) => subscript(String(l));
    const preText = (l: number) => `x${down(l - 1)}W${down(l)} + b${down(l)}`;
    return {
      tex: {
        activation: (l, j) => `(x_{${w.layer(l)}})${w.sub(l, j)}`,
        preActivation: (l, j) => `(${pre(l)})${w.sub(l, j)}`,
        delta: (l, j) => `(k_{${w.layer(l)}})${w.sub(l, j)}`,
        weight: (l, i, j) => `(W_{${w.layer(l)}})${w.pair(l, i, j)}`,
        bias: (l, j) => `(b_{${w.layer(l)}})${w.sub(l, j)}`,
        biasInput: () => '1',
        target: (j) => `y${w.sub(w.output, j)}`,
        loss: (n) => (n === undefined ? 'E' : `E_{${unitIndex(n)}}`),
        activationVector: (l) => `x_{${w.layer(l)}}`,
        preActivationVector: pre,
        deltaVector: (l) => `k_{${w.layer(l)}}`,
        biasVector: (l) => `b_{${w.layer(l)}}`,
        weightMatrix: (l) => `W_{${w.layer(l)}}`,
        biasFreeWeightMatrix: (l) => `W_{${w.layer(l)}}`,
      },
      text: {
        target: (j) => `y${w.subText(w.output, j)}`,
        activationVector: (l) => `x${down(l)}`,
        unit: (q, l, j) => {
          const of = w.subText(l, j);
          if (q === 'a') return `(x${down(l)})${of}`;
          if (q === 'delta') return `(k${down(l)})${of}`;
          return `(${preText(l)})${of}`;
        },
        weight: (l, i, j) => `(W${down(l)})${w.pairText(l, i, j)}`,
        bias: (l, j) => `(b${down(l)})${w.subText(l, j)}`,
        weightMatrix: (l) => `W${down(l)}`,
        biasFreeWeightMatrix: (l) => `W${down(l)}`,
      },
      phrases: (l) => ({
        z: preText(l),
        a: `x${down(l)}`,
        f: 'f',
        bias: `the bias b${down(l)}`,
        biasName: 'b',
      }),
    };
  },
} as const satisfies NotationSpec;
