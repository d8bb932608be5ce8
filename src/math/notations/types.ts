/**
 * What a notation is: one object per notation (../shared/notes) supplying every symbol, index
 * style, bias convention, vector convention and phrase the equations, labels and diagram use.
 * The builders read these and never ask which notation it is.
 *
 * Indices: a number is a 0-based unit index, shown 1-based; a string is a symbolic index ('i', 'j').
 * Layers: a number is the layer as the app counts it (0 = input, 1…L); a string is symbolic ('l', 'L').
 */
export type Index = number | string;
export type LayerRef = number | string;

/** A symbol in TeX and in plain text: { tex: '\\eta', text: 'η' }. */
export interface Glyph {
  tex: string;
  text: string;
}

export function unitIndex(i: Index): string {
  return typeof i === 'number' ? String(i + 1) : i;
}

/** l + by, symbolically when l is a symbol: shiftLayer('l', -1) = 'l-1'. */
export function shiftLayer(l: LayerRef, by: number): LayerRef {
  if (typeof l === 'number') return l + by;
  if (by === 0) return l;
  return `${l}${by > 0 ? '+' : '-'}${Math.abs(by)}`;
}

/** Two subscripts side by side, with a comma when either has more than one character: 12, 10,2. */
export function indexPair(i: string, j: string): string {
  return i.length === 1 && j.length === 1 ? `${i}${j}` : `${i},${j}`;
}

/**
 * How layers and unit indices are written for one network's shape, from the notation's
 * conventions (`layers`, `unitIndices`): layer 2 of 3 is (2), or (L−1) counted from the output;
 * the only unit of a layer is a₁ or plain a.
 */
export interface Writing {
  /** A layer as written: '2', 'L-1', or the symbol as given. */
  layer(l: LayerRef): string;
  /** ^{(2)}, ^{(L-1)} */
  sup(l: LayerRef): string;
  /** ⁽²⁾, ⁽ᴸ⁻¹⁾ */
  supText(l: LayerRef): string;
  /** _{2}, or '' for the only unit of a layer when the notation leaves its index out. */
  sub(l: LayerRef, j: Index): string;
  /** ₂ or ''. */
  subText(l: LayerRef, j: Index): string;
  /** A weight's indices, unit i of layer l−1 to unit j of layer l: _{12}, _{10,2} or ''. */
  pair(l: LayerRef, i: Index, j: Index): string;
  /** ₁₂, ₁₀,₂ or ''. */
  pairText(l: LayerRef, i: Index, j: Index): string;
  /** The output layer: its number, or 'L' when the shape is not known. */
  output: LayerRef;
}

/** TeX for every symbol; `layer`, `unit` as above. */
export interface TexSymbols {
  /** a_j^{(l)}, the input x_j at layer 0 where the notation names it so. */
  activation(layer: LayerRef, unit: Index): string;
  /** z_j^{(l)}: the weighted input of unit j. */
  preActivation(layer: LayerRef, unit: Index): string;
  /** δ_j^{(l)} = ∂L/∂z_j^{(l)}. */
  delta(layer: LayerRef, unit: Index): string;
  /** w_{ij}^{(l)}: unit `from` of layer l−1 → unit `to` of layer l. */
  weight(layer: LayerRef, from: Index, to: Index): string;
  bias(layer: LayerRef, unit: Index): string;
  /** What the bias multiplies in the weighted input of layer l+1: 1, or x_0^{(l)} = 1. */
  biasInput(layer: LayerRef): string;
  target(unit: Index): string;
  /** The loss; with a sample index (0-based number or symbol) one sample's loss: L_2, e_n. */
  loss(sample?: Index): string;
  /** Whole layers, for the matrix form: a^{(l)}, z^{(l)}, δ^{(l)}, b^{(l)}. */
  activationVector(layer: LayerRef): string;
  preActivationVector(layer: LayerRef): string;
  deltaVector(layer: LayerRef): string;
  biasVector(layer: LayerRef): string;
  /** W^{(l)} as the notation stores it: with the bias row 0 when the bias is weight 0. */
  weightMatrix(layer: LayerRef): string;
  /** The weights alone, without a bias row: the same W, or its own symbol (Ŵ) when W holds biases. */
  biasFreeWeightMatrix(layer: LayerRef): string;
}

/** Plain text with Unicode sub- and superscripts, for names, titles and the diagram. */
export interface TextSymbols {
  unit(quantity: 'z' | 'a' | 'delta', layer: number, unit: number): string;
  weight(layer: number, from: number, to: number): string;
  bias(layer: number, unit: number): string;
  target(unit: number): string;
  activationVector(layer: number): string;
  weightMatrix(layer: number): string;
  biasFreeWeightMatrix(layer: number): string;
}

/** How a sentence names the symbols of layer l. */
export interface Phrases {
  /** The weighted input: 'z', 's', 'x₀W₁ + b₁'. */
  z: string;
  /** The activation: 'a', 'x', 'x₁'. */
  a: string;
  /** The activation function when the notation has a symbol for it, else words. */
  f: string;
  /** 'the bias b', 'the bias weight w₀ⱼ (times x₀ = 1)'. */
  bias: string;
  /** The bias as a ∂ denominator: 'b', 'w₀ⱼ'. */
  biasName: string;
}

export interface NotationSpec {
  /** Saved work and share links carry it: never change one. */
  id: string;
  /** What the Notation select shows. */
  name: string;
  /** Which notes it follows, for titles: 'note 002'. */
  notes: string;
  /** Layers as columns (n×1, z = Wᵀa + b) or rows (1×n, x W + b, note 004). */
  vectors: 'column' | 'row';
  /** A bias of its own, or the weight w_0j from a constant x_0 = 1 (row 0 of W, note 001). */
  bias: 'separate' | 'weightZero';
  /** Layers counted from the input (1, 2, …) or from the output (L, L−1, …, note 002). */
  layers: 'fromInput' | 'fromOutput';
  /** Unit indices always, or only where a layer has several units (note 002's a⁽ᴸ⁾). */
  unitIndices: 'always' | 'whenSeveral';
  /**
   * How the backward steps are written: each unit's δ = ∂L/∂z sent back as Σ_k w_jk δ_k
   * ('delta', notes 000, 001, 003, 004), or each derivative a product of the link derivatives,
   * with ∂C/∂a of each unit named ('links', note 002).
   */
  backward: 'delta' | 'links';
  loss: Glyph;
  learningRate: Glyph;
  /** The notation's own symbol for every activation function (θ, f), or null: σ, tanh, … */
  activationFunction: Glyph | null;
  /** Elementwise product: ⊙, or ⊗ as note 001 writes it. */
  hadamard: string;
  /** The backward quantity in titles: 'δ', 'k', '∂C/∂z'. */
  deltaName: string;
  /** The one-letter names in front of a unit's values in the diagram. */
  letters: { z: string; a: string; delta: string };
  /** Index letters: over the next layer's units, and inside a softmax sum. */
  indices: { next: string; softmax: string };
  /**
   * Where the matrix steps multiply in another order than the note writes, why: a sentence for
   * the forward, backward (hidden) and gradient steps. Null when they follow the note as written.
   */
  matrixOrder: { forward: string; backward: string; gradient: string } | null;
  /** The symbols, given how this network's layers and units are written. */
  symbols(w: Writing): { tex: TexSymbols; text: TextSymbols; phrases(layer: number): Phrases };
}

/** A notation for one network's shape: its conventions and every symbol ready to use. */
export interface Notation extends Omit<NotationSpec, 'symbols'> {
  tex: TexSymbols;
  text: TextSymbols;
  phrases(layer: number): Phrases;
  /** Units per layer, input first: what the symbols were written for. */
  widths: readonly number[];
}
