import type { NotationSpec } from './types';
import { unitIndex } from './types';

/**
 * Notes 000, 002, 003: a, z, δ, w_ij from unit i of layer l−1 to unit j of layer l, b, L, σ, η;
 * the layer in a superscript (l); the input a^(0) is x; column vectors.
 */
export const standard = {
  id: 'standard',
  name: 'a, z, δ, w_ij, b, L (notes 000, 002, 003)',
  notes: 'notes 000, 002, 003',
  vectors: 'column',
  bias: 'separate',
  layers: 'fromInput',
  unitIndices: 'always',
  backward: 'delta',
  loss: { tex: 'L', text: 'L' },
  learningRate: { tex: '\\eta', text: 'η' },
  activationFunction: null,
  hadamard: '\\odot',
  deltaName: 'δ',
  letters: { z: 'z', a: 'a', delta: 'δ' },
  indices: { next: 'k', softmax: 'k' },
  matrixOrder: null,
  symbols: (w) => ({
    tex: {
      activation: (l, j) => (l === 0 ? `x${w.sub(0, j)}` : `a${w.sub(l, j)}${w.sup(l)}`),
      preActivation: (l, j) => `z${w.sub(l, j)}${w.sup(l)}`,
      delta: (l, j) => `\\delta${w.sub(l, j)}${w.sup(l)}`,
      weight: (l, i, j) => `w${w.pair(l, i, j)}${w.sup(l)}`,
      bias: (l, j) => `b${w.sub(l, j)}${w.sup(l)}`,
      biasInput: () => '1',
      target: (j) => `y${w.sub(w.output, j)}`,
      loss: (n) => (n === undefined ? 'L' : `L_{${unitIndex(n)}}`),
      activationVector: (l) => (l === 0 ? 'x' : `a${w.sup(l)}`),
      preActivationVector: (l) => `z${w.sup(l)}`,
      deltaVector: (l) => `\\delta${w.sup(l)}`,
      biasVector: (l) => `b${w.sup(l)}`,
      weightMatrix: (l) => `W${w.sup(l)}`,
      biasFreeWeightMatrix: (l) => `W${w.sup(l)}`,
    },
    text: {
      target: (j) => `y${w.subText(w.output, j)}`,
      activationVector: (l) => (l === 0 ? 'x' : `a${w.supText(l)}`),
      unit: (q, l, j) => {
        if (q === 'a' && l === 0) return `x${w.subText(0, j)}`;
        const letter = q === 'a' ? 'a' : q === 'z' ? 'z' : 'δ';
        return `${letter}${w.subText(l, j)}${w.supText(l)}`;
      },
      weight: (l, i, j) => `w${w.pairText(l, i, j)}${w.supText(l)}`,
      bias: (l, j) => `b${w.subText(l, j)}${w.supText(l)}`,
      weightMatrix: (l) => `W${w.supText(l)}`,
      biasFreeWeightMatrix: (l) => `W${w.supText(l)}`,
    },
    phrases: () => ({
      z: 'z',
      a: 'a',
      f: 'the activation function',
      bias: 'the bias b',
      biasName: 'b',
    }),
  }),
} as const satisfies NotationSpec;
