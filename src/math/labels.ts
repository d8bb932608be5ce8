import { ACTIVATION_REGISTRY, type Activation } from '../engine';
import type { NotationId, Parameter } from './vocabulary';

/**
 * Plain-text names with real Unicode sub- and superscripts (w₁₂⁽²⁾), for accessible names, block
 * titles and diagram labels, in the same notation as the TeX (see notation.ts).
 */

const SUBSCRIPTS: Record<string, string> = {
  '0': '₀',
  '1': '₁',
  '2': '₂',
  '3': '₃',
  '4': '₄',
  '5': '₅',
  '6': '₆',
  '7': '₇',
  '8': '₈',
  '9': '₉',
  '+': '₊',
  '-': '₋',
  '(': '₍',
  ')': '₎',
  i: 'ᵢ',
  j: 'ⱼ',
  k: 'ₖ',
  l: 'ₗ',
  m: 'ₘ',
  n: 'ₙ',
};
const SUPERSCRIPTS: Record<string, string> = {
  '0': '⁰',
  '1': '¹',
  '2': '²',
  '3': '³',
  '4': '⁴',
  '5': '⁵',
  '6': '⁶',
  '7': '⁷',
  '8': '⁸',
  '9': '⁹',
  '+': '⁺',
  '-': '⁻',
  '(': '⁽',
  ')': '⁾',
  i: 'ⁱ',
  j: 'ʲ',
  k: 'ᵏ',
  l: 'ˡ',
  n: 'ⁿ',
  L: 'ᴸ',
  T: 'ᵀ',
};

/** '12' → '₁₂'; characters without a subscript form stay as they are. */
export function subscript(text: string): string {
  return Array.from(text, (c) => SUBSCRIPTS[c] ?? c).join('');
}

/** '(2)' → '⁽²⁾'. */
export function superscript(text: string): string {
  return Array.from(text, (c) => SUPERSCRIPTS[c] ?? c).join('');
}

const one = (i: number) => String(i + 1);
const layerSup = (l: number) => superscript(`(${l})`);
const pair = (i: number, j: number) =>
  i < 9 && j < 9 ? subscript(`${one(i)}${one(j)}`) : `${subscript(one(i))},${subscript(one(j))}`;

export type UnitQuantity = 'z' | 'a' | 'delta';

/** A unit's z, a or δ: 'a₂⁽¹⁾', 's₂⁽¹⁾', '(x₁)₂', 'δ₁⁽²⁾', '(k₂)₁'; layer 0's activation is the input. */
export function unitValueLabel(
  notation: NotationId,
  quantity: UnitQuantity,
  layer: number,
  unit: number,
): string {
  const j = subscript(one(unit));
  if (notation === 'rowVector') {
    if (quantity === 'a') return `(x${subscript(String(layer))})${j}`;
    if (quantity === 'delta') return `(k${subscript(String(layer))})${j}`;
    return `(x${subscript(String(layer - 1))}W${subscript(String(layer))} + b${subscript(String(layer))})${j}`;
  }
  const lfd = notation === 'lfd';
  if (quantity === 'a') {
    if (layer === 0 && !lfd) return `x${j}`;
    return `${lfd ? 'x' : 'a'}${j}${layerSup(layer)}`;
  }
  if (quantity === 'z') return `${lfd ? 's' : 'z'}${j}${layerSup(layer)}`;
  return `δ${j}${layerSup(layer)}`;
}

/** 'w₁₂⁽²⁾' or '(W₂)₁₂'. */
export function weightLabel(notation: NotationId, layer: number, from: number, to: number): string {
  if (notation === 'rowVector') return `(W${subscript(String(layer))})${pair(from, to)}`;
  return `w${pair(from, to)}${layerSup(layer)}`;
}

/** 'b₁⁽²⁾', 'w₀₁⁽²⁾' (LFD) or '(b₂)₁'. */
export function biasLabel(notation: NotationId, layer: number, unit: number): string {
  if (notation === 'rowVector') return `(b${subscript(String(layer))})${subscript(one(unit))}`;
  if (notation === 'lfd') {
    const ij = unit < 9 ? subscript(`0${one(unit)}`) : `${subscript('0')},${subscript(one(unit))}`;
    return `w${ij}${layerSup(layer)}`;
  }
  return `b${subscript(one(unit))}${layerSup(layer)}`;
}

/** 'L', 'e' or 'E'. */
export function lossLabel(notation: NotationId): string {
  return notation === 'standard' ? 'L' : notation === 'lfd' ? 'e' : 'E';
}

/** 'δ' or, in note 004, 'k'. */
export function deltaName(notation: NotationId): string {
  return notation === 'rowVector' ? 'k' : 'δ';
}

/** 'η' or, in note 004, 'α'. */
export function learningRateLabel(notation: NotationId): string {
  return notation === 'rowVector' ? 'α' : 'η';
}

export function activationName(activation: Activation): string {
  return ACTIVATION_REGISTRY[activation].name;
}

/**
 * An editable number's name: 'Weight w₁₂⁽²⁾', 'Bias b₁⁽²⁾', 'Input x₁', 'Target y₂'. With
 * sampleCount > 1, inputs and targets also name their sample: 'Input x₁ (sample 2)'.
 */
export function parameterLabel(param: Parameter, notation: NotationId, sampleCount = 1): string {
  switch (param.kind) {
    case 'weight':
      return `Weight ${weightLabel(notation, param.layer, param.from, param.to)}`;
    case 'bias':
      return `Bias ${biasLabel(notation, param.layer, param.unit)}`;
    case 'input':
    case 'target': {
      const name =
        param.kind === 'input'
          ? `Input ${unitValueLabel(notation, 'a', 0, param.index)}`
          : `Target y${subscript(one(param.index))}`;
      return sampleCount > 1 ? `${name} (sample ${param.sample + 1})` : name;
    }
  }
}
