import { ACTIVATION_REGISTRY, type Network } from '../engine';
import { formatNumber } from '../math/format';
import type { Notation } from '../math/notations';
import type { MistakeId, NamedMistake } from './types';

/** A mistake with its id typed: what the catalogue's parts return. */
export interface Mistake extends NamedMistake {
  id: MistakeId;
}

/**
 * The learner's names for the messages, plain text in their notation (w₁₂⁽²⁾, s₁⁽¹⁾, ∂C/∂z⁽ᴸ⁾):
 * the notation's own text symbols, and a few phrases made of them.
 */
export interface Words {
  notation: Notation;
  /** L, e, C, E. */
  loss: string;
  /** η or α. */
  eta: string;
  /** δ, k, ∂C/∂z: the backward quantity, for sentences. */
  d: string;
  unit(q: 'z' | 'a' | 'delta', l: number, j: number): string;
  weight(l: number, i: number, j: number): string;
  bias(l: number, j: number): string;
  target(j: number): string;
  /** The activation function of layer l: the notation's own symbol (θ, f), else σ, tanh, ReLU, … */
  f(l: number): string;
  /** ∂L/∂(name). */
  partial(name: string): string;
}

export function wordsFor(notation: Notation, network: Network): Words {
  const { text } = notation;
  const loss = notation.loss.text;
  return {
    notation,
    loss,
    eta: notation.learningRate.text,
    d: notation.deltaName,
    unit: (q, l, j) => text.unit(q, l, j),
    weight: (l, i, j) => text.weight(l, i, j),
    bias: (l, j) => text.bias(l, j),
    target: (j) => text.target(j),
    f: (l) => {
      const activation = network.layers[l - 1]?.activation ?? 'linear';
      return notation.activationFunction?.text ?? ACTIVATION_REGISTRY[activation].symbolText;
    },
    partial: (name) => `∂${loss}/∂${name}`,
  };
}

/** A few names, then an ellipsis: 'w₂₁⁽²⁾, w₃₁⁽²⁾, …'. */
export function listNames(names: readonly string[], max = 3): string {
  return names.length <= max ? names.join(', ') : `${names.slice(0, max).join(', ')}, …`;
}

/** A number in a sentence: four significant digits, a true minus sign. */
export function numberText(x: number): string {
  return formatNumber(x, 4);
}

/** How a value compares with the right one, in words: 'half', 'twice', '3 times'. */
export function timesWords(ratio: number): string {
  if (Math.abs(ratio - 0.5) < 1e-12) return 'half';
  if (Math.abs(ratio - 2) < 1e-12) return 'twice';
  return `${numberText(ratio)} times`;
}
