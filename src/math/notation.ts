import { ACTIVATION_REGISTRY, type Activation } from '../engine';
import type { NotationId } from './vocabulary';

/**
 * TeX for every symbol, per notation (../shared/notes):
 * - 'standard' (notes 000, 002, 003): a, z, δ, w_ij from unit i of layer l−1 to unit j of layer l,
 *   b, L, σ, η; layer in a superscript (l); the input a^(0) is x.
 * - 'lfd' ("Learning From Data", note 001): x for activations, s for pre-activations, θ, δ, the bias
 *   as w_0j with x_0 = 1, loss e, η.
 * - 'rowVector' (note 004): x_i the row vector of layer i, W_i, b_i, k_i for δ, f, E, α;
 *   x_i = f(x_{i−1}W_i + b_i) with x_0 a 1×n row.
 *
 * Indices: a number is a 0-based unit index, shown 1-based; a string is a symbolic index ('i', 'j').
 * Layers: a number is the layer as in the notes (0 = input, 1…L); a string is symbolic ('l', 'L').
 */
export type Index = number | string;
export type LayerRef = number | string;

export const NOTATIONS: readonly NotationId[] = ['standard', 'lfd', 'rowVector'];

export function unitIndex(i: Index): string {
  return typeof i === 'number' ? String(i + 1) : i;
}

/** l + by, symbolically when l is a symbol: shiftLayer('l', -1) = 'l-1'. */
export function shiftLayer(l: LayerRef, by: number): LayerRef {
  if (typeof l === 'number') return l + by;
  if (by === 0) return l;
  return `${l}${by > 0 ? '+' : '-'}${Math.abs(by)}`;
}

/** Two subscripts side by side, with a comma when either has more than one character: w_{12}, w_{10,2}. */
export function indexPair(i: string, j: string): string {
  return i.length === 1 && j.length === 1 ? `${i}${j}` : `${i},${j}`;
}

const sup = (l: LayerRef) => `^{(${l})}`;

/** a_j^{(l)} (x_j in layer 0), x_j^{(l)}, (x_l)_j. */
export function activationTex(notation: NotationId, layer: LayerRef, unit: Index): string {
  const j = unitIndex(unit);
  switch (notation) {
    case 'standard':
      return layer === 0 ? `x_{${j}}` : `a_{${j}}${sup(layer)}`;
    case 'lfd':
      return `x_{${j}}${sup(layer)}`;
    case 'rowVector':
      return `(x_{${layer}})_{${j}}`;
  }
}

/** z_j^{(l)}, s_j^{(l)}, (x_{l−1}W_l + b_l)_j — note 004 names no pre-activation, only f's argument. */
export function preActivationTex(notation: NotationId, layer: LayerRef, unit: Index): string {
  const j = unitIndex(unit);
  switch (notation) {
    case 'standard':
      return `z_{${j}}${sup(layer)}`;
    case 'lfd':
      return `s_{${j}}${sup(layer)}`;
    case 'rowVector':
      return `(${preActivationVectorTex(notation, layer)})_{${j}}`;
  }
}

/** δ_j^{(l)} = ∂L/∂z_j^{(l)}, or (k_l)_j in note 004. */
export function deltaTex(notation: NotationId, layer: LayerRef, unit: Index): string {
  const j = unitIndex(unit);
  return notation === 'rowVector' ? `(k_{${layer}})_{${j}}` : `\\delta_{${j}}${sup(layer)}`;
}

/** w_{ij}^{(l)}: unit `from` of layer l−1 → unit `to` of layer l; (W_l)_{ij} in note 004. */
export function weightTex(notation: NotationId, layer: LayerRef, from: Index, to: Index): string {
  const ij = indexPair(unitIndex(from), unitIndex(to));
  return notation === 'rowVector' ? `(W_{${layer}})_{${ij}}` : `w_{${ij}}${sup(layer)}`;
}

/** b_j^{(l)}, w_{0j}^{(l)} (LFD: the bias is the weight from x_0 = 1), (b_l)_j. */
export function biasTex(notation: NotationId, layer: LayerRef, unit: Index): string {
  const j = unitIndex(unit);
  switch (notation) {
    case 'standard':
      return `b_{${j}}${sup(layer)}`;
    case 'lfd':
      return `w_{${indexPair('0', j)}}${sup(layer)}`;
    case 'rowVector':
      return `(b_{${layer}})_{${j}}`;
  }
}

/** LFD's constant input x_0^{(l)} = 1 that the bias weight w_0j multiplies. */
export function biasInputTex(layer: LayerRef): string {
  return `x_{0}${sup(layer)}`;
}

export function targetTex(_notation: NotationId, unit: Index): string {
  return `y_{${unitIndex(unit)}}`;
}

/** L, e, E; with a sample index (0-based number or symbol) the one sample's loss: L_2, e_n. */
export function lossSymbol(notation: NotationId, sample?: Index): string {
  const base = notation === 'standard' ? 'L' : notation === 'lfd' ? 'e' : 'E';
  return sample === undefined ? base : `${base}_{${unitIndex(sample)}}`;
}

export function learningRateTex(notation: NotationId): string {
  return notation === 'rowVector' ? '\\alpha' : '\\eta';
}

/** The activation function itself, whatever the notation calls it. */
export function concreteActivationTex(activation: Activation): string {
  return ACTIVATION_REGISTRY[activation].symbolTex;
}

/** The activation function's symbol: σ, tanh, … in the standard notation; θ in LFD; f in note 004. */
export function activationFunctionTex(notation: NotationId, activation: Activation): string {
  if (notation === 'lfd') return '\\theta';
  if (notation === 'rowVector') return 'f';
  return concreteActivationTex(activation);
}

/** Elementwise product: ⊙, or ⊗ as note 001 writes it. */
export function hadamardTex(notation: NotationId): string {
  return notation === 'lfd' ? '\\otimes' : '\\odot';
}

// Whole layers, for the matrix form.

/** a^{(l)} (x for the input), x^{(l)}, x_l. */
export function activationVectorTex(notation: NotationId, layer: LayerRef): string {
  if (notation === 'rowVector') return `x_{${layer}}`;
  if (notation === 'lfd') return `x${sup(layer)}`;
  return layer === 0 ? 'x' : `a${sup(layer)}`;
}

/** z^{(l)}, s^{(l)}, x_{l−1}W_l + b_l. */
export function preActivationVectorTex(notation: NotationId, layer: LayerRef): string {
  if (notation === 'standard') return `z${sup(layer)}`;
  if (notation === 'lfd') return `s${sup(layer)}`;
  return `x_{${shiftLayer(layer, -1)}}W_{${layer}} + b_{${layer}}`;
}

/** δ^{(l)}, or k_l in note 004. */
export function deltaVectorTex(notation: NotationId, layer: LayerRef): string {
  return notation === 'rowVector' ? `k_{${layer}}` : `\\delta${sup(layer)}`;
}

/** W^{(l)} (n_{l−1}×n_l, weights[i][j]), or W_l. */
export function weightMatrixTex(notation: NotationId, layer: LayerRef): string {
  return notation === 'rowVector' ? `W_{${layer}}` : `W${sup(layer)}`;
}

/** b^{(l)} or b_l; in LFD the biases are row 0 of W^{(l)}, written w_0^{(l)}. */
export function biasVectorTex(notation: NotationId, layer: LayerRef): string {
  if (notation === 'rowVector') return `b_{${layer}}`;
  if (notation === 'lfd') return `w_{0}${sup(layer)}`;
  return `b${sup(layer)}`;
}

/** ∂(loss)/∂(symbol), as a fraction. */
export function partialTex(of: string, wrt: string): string {
  return `\\frac{\\partial ${of}}{\\partial ${wrt}}`;
}
