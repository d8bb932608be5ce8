import { standard } from './standard';
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
  /** The standard symbols (note 002 writes a, z, w, b too), with C for the cost and ∂C/∂z for δ. */
  symbols: (w) => {
    const standardSymbols = standard.symbols(w);
    const dCdz = (z: string) => `\\frac{\\partial C}{\\partial ${z}}`;
    return {
      ...standardSymbols,
      tex: {
        ...standardSymbols.tex,
        delta: (l, j) => dCdz(`z${w.sub(l, j)}${w.sup(l)}`),
        loss: (n) => (n === undefined ? 'C' : `C_{${unitIndex(n)}}`),
        deltaVector: (l) => dCdz(`z${w.sup(l)}`),
      },
      text: {
        ...standardSymbols.text,
        unit: (q, l, j) =>
          q === 'delta'
            ? `∂C/∂z${w.subText(l, j)}${w.supText(l)}`
            : standardSymbols.text.unit(q, l, j),
      },
    };
  },
} as const satisfies NotationSpec;
