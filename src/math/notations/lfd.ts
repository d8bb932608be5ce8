import type { NotationSpec } from './types';
import { indexPair, unitIndex } from './types';
import { subscript } from './script';

/**
 * "Learning From Data" (note 001): x for activations (the input is x^(0)), s for pre-activations,
 * θ, δ, the bias as the weight w_0j from x_0 = 1 (row 0 of W, so W^(l) is (d^(l−1)+1)×d^(l) and
 * every x^(l) below the output starts with x_0 = 1), e for the loss, ⊗ for the elementwise
 * product; Ŵ^(l) is W^(l) without its bias row, as the note writes it in δ^(l) = (Ŵ^(l+1) δ^(l+1)) ⊗ θ'.
 */
export const lfd = {
  id: 'lfd',
  name: 'x, s, θ, δ, bias w₀ⱼ (Learning From Data, note 001)',
  notes: 'note 001',
  vectors: 'column',
  bias: 'weightZero',
  layers: 'fromInput',
  unitIndices: 'always',
  backward: 'delta',
  loss: { tex: 'e', text: 'e' },
  learningRate: { tex: '\\eta', text: 'η' },
  activationFunction: { tex: '\\theta', text: 'θ' },
  hadamard: '\\otimes',
  deltaName: 'δ',
  letters: { z: 's', a: 'x', delta: 'δ' },
  indices: { next: 'k', softmax: 'k' },
  matrixOrder: null,
  symbols: (w) => ({
    tex: {
      activation: (l, j) => `x${w.sub(l, j)}${w.sup(l)}`,
      preActivation: (l, j) => `s${w.sub(l, j)}${w.sup(l)}`,
      delta: (l, j) => `\\delta${w.sub(l, j)}${w.sup(l)}`,
      weight: (l, i, j) => `w${w.pair(l, i, j)}${w.sup(l)}`,
      bias: (l, j) => `w_{${indexPair('0', unitIndex(j))}}${w.sup(l)}`,
      biasInput: (l) => `x_{0}${w.sup(l)}`,
      target: (j) => `y${w.sub(w.output, j)}`,
      loss: (n) => (n === undefined ? 'e' : `e_{${unitIndex(n)}}`),
      activationVector: (l) => `x${w.sup(l)}`,
      preActivationVector: (l) => `s${w.sup(l)}`,
      deltaVector: (l) => `\\delta${w.sup(l)}`,
      biasVector: (l) => `w_{0}${w.sup(l)}`,
      weightMatrix: (l) => `W${w.sup(l)}`,
      biasFreeWeightMatrix: (l) => `\\hat{W}${w.sup(l)}`,
    },
    text: {
      target: (j) => `y${w.subText(w.output, j)}`,
      activationVector: (l) => `x${w.supText(l)}`,
      unit: (q, l, j) => {
        const letter = q === 'a' ? 'x' : q === 'z' ? 's' : 'δ';
        return `${letter}${w.subText(l, j)}${w.supText(l)}`;
      },
      weight: (l, i, j) => `w${w.pairText(l, i, j)}${w.supText(l)}`,
      bias: (l, j) => `w${subscript(indexPair('0', unitIndex(j)))}${w.supText(l)}`,
      weightMatrix: (l) => `W${w.supText(l)}`,
      biasFreeWeightMatrix: (l) => `Ŵ${w.supText(l)}`,
    },
    phrases: () => ({
      z: 's',
      a: 'x',
      f: 'θ',
      bias: 'the bias weight w₀ⱼ (times x₀ = 1)',
      biasName: 'w₀ⱼ',
    }),
  }),
} as const satisfies NotationSpec;
