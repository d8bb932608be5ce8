import type { NotationSpec } from './types';
import { unitIndex } from './types';

/**
 * Note 002, one neuron per layer: the cost C, a, z, w, b, σ; layers counted from the output,
 * (L), (L−1), (L−2), …, the input x; a unit's index only where its layer has several units
 * (a⁽ᴸ⁾ in the 1-1-1 chain, a₂⁽ᴸ⁻¹⁾ beside others). The backward steps are products of the
 * link derivatives, ∂C/∂w⁽ᴸ⁾ = ∂z⁽ᴸ⁾/∂w⁽ᴸ⁾ · ∂a⁽ᴸ⁾/∂z⁽ᴸ⁾ · ∂C/∂a⁽ᴸ⁾, and what flows back to
 * the layer before is ∂C/∂a⁽ᴸ⁻¹⁾, named as the note names it; δ is written ∂C/∂z.
 */
export const chain = {
  id: 'chain',
  name: 'One neuron per layer: C, a⁽ᴸ⁾, ∂C/∂a⁽ᴸ⁻¹⁾ (note 002)',
  notes: 'note 002',
  vectors: 'column',
  bias: 'separate',
  layers: 'fromOutput',
  unitIndices: 'whenSeveral',
  backward: 'links',
  loss: { tex: 'C', text: 'C' },
  learningRate: { tex: '\\eta', text: 'η' },
  activationFunction: null,
  hadamard: '\\odot',
  deltaName: '∂C/∂z',
  letters: { z: 'z', a: 'a', delta: 'δ' },
  indices: { next: 'k', softmax: 'k' },
  matrixOrder: null,
  symbols: (w) => {
    const dCdz = (z: string) => `\\frac{\\partial C}{\\partial ${z}}`;
    return {
      tex: {
        activation: (l, j) => (l === 0 ? `x${w.sub(0, j)}` : `a${w.sub(l, j)}${w.sup(l)}`),
        preActivation: (l, j) => `z${w.sub(l, j)}${w.sup(l)}`,
        delta: (l, j) => dCdz(`z${w.sub(l, j)}${w.sup(l)}`),
        weight: (l, i, j) => `w${w.pair(l, i, j)}${w.sup(l)}`,
        bias: (l, j) => `b${w.sub(l, j)}${w.sup(l)}`,
        biasInput: () => '1',
        target: (j) => `y${w.sub(w.output, j)}`,
        loss: (n) => (n === undefined ? 'C' : `C_{${unitIndex(n)}}`),
        activationVector: (l) => (l === 0 ? 'x' : `a${w.sup(l)}`),
        preActivationVector: (l) => `z${w.sup(l)}`,
        deltaVector: (l) => dCdz(`z${w.sup(l)}`),
        biasVector: (l) => `b${w.sup(l)}`,
        weightMatrix: (l) => `W${w.sup(l)}`,
        biasFreeWeightMatrix: (l) => `W${w.sup(l)}`,
      },
      text: {
        target: (j) => `y${w.subText(w.output, j)}`,
        activationVector: (l) => (l === 0 ? 'x' : `a${w.supText(l)}`),
        unit: (q, l, j) => {
          if (q === 'a' && l === 0) return `x${w.subText(0, j)}`;
          const name = q === 'a' ? 'a' : q === 'z' ? 'z' : '∂C/∂z';
          return `${name}${w.subText(l, j)}${w.supText(l)}`;
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
    };
  },
} as const satisfies NotationSpec;
