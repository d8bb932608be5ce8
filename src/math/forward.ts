import {
  activationDefinition,
  activationSubstituted,
  isElementwise,
  softmaxDefinition,
  softmaxSubstituted,
} from './activation';
import {
  biasAt,
  layerAt,
  range,
  sampleSuffix,
  sampleValues,
  unitCount,
  weightAt,
  notationIn,
  type EquationBlock,
  type LazyBlock,
  type EquationContext,
} from './context';
import type { Activation } from '../engine';
import { activationName } from './labels';
import type { Notation } from './notations';
import { activationFunctionTex, concreteActivationTex, type Index } from './notation';
import {
  elidedSum,
  factor,
  MAX_EXPANDED_TERMS,
  MAX_SUBSTITUTED_TERMS,
  num,
  product,
  sum,
} from './tex';

/** One weighted term w_ij a_i (in note 004, (x_{l−1})_i (W_l)_ij, the row-vector order). */
function weightedTerm(n: Notation, layer: number, i: Index, j: Index): string {
  const w = n.tex.weight(layer, i, j);
  const a = n.tex.activation(layer - 1, i);
  return n.vectors === 'row' ? `${a}${w}` : `${w}${a}`;
}

/**
 * The weighted input of unit j as a Σ: Σ_{i=1}^{n} w_ij a_i + b_j; in LFD Σ_{i=0}^{n} w_ij x_i with
 * x_0 = 1 (note 001); in note 004 Σ_i (x_{l−1})_i (W_l)_ij + (b_l)_j.
 */
export function preActivationSum(n: Notation, layer: number, j: Index, nPrev: number): string {
  const term = weightedTerm(n, layer, 'i', j);
  if (n.bias === 'weightZero') return `\\sum_{i=0}^{${nPrev}} ${term}`;
  return `\\sum_{i=1}^{${nPrev}} ${term} + ${n.tex.bias(layer, j)}`;
}

/** The weighted input of one unit in symbols, as a Σ and, when there are few, term by term. */
function preActivationGeneral(ctx: EquationContext, layer: number, j: number): string {
  const n = notationIn(ctx);
  const nPrev = unitCount(ctx.network, layer - 1);
  const bias = n.tex.bias(layer, j);
  const terms = range(nPrev).map((i) => weightedTerm(n, layer, i, j));
  const expanded =
    n.bias === 'weightZero'
      ? sum([`${bias}${n.tex.biasInput(layer - 1)}`, ...terms])
      : sum([...terms, bias]);
  const forms = [n.tex.preActivation(layer, j)];
  if (nPrev > 1) forms.push(preActivationSum(n, layer, j, nPrev));
  if (nPrev <= MAX_EXPANDED_TERMS) forms.push(expanded);
  return forms.join(' = ');
}

/**
 * The same with numbers: 0.15\cdot 0.05 + 0.2\cdot 0.1 + 0.35 (bias first, times x_0 = 1, in LFD).
 * From a wide layer (64 pixels) the weighted terms are elided, w₁a₁ + w₂a₂ + w₃a₃ + ⋯ + w₆₄a₆₄
 * (the title says how many there are), a line the equations panel can still wrap at each +.
 */
function preActivationSubstituted(ctx: EquationContext, layer: number, j: number): string {
  const n = notationIn(ctx);
  const values = sampleValues(ctx);
  const nPrev = unitCount(ctx.network, layer - 1);
  const terms = range(nPrev).map((i) => {
    const w = factor(weightAt(ctx.network, layer, i, j));
    const a = factor(values.a(layer - 1, i));
    return n.vectors === 'row' ? product(a, w) : product(w, a);
  });
  const b = factor(biasAt(ctx.network, layer, j));
  if (terms.length > MAX_SUBSTITUTED_TERMS) {
    const elided = elidedSum(terms);
    return `= ${n.bias === 'weightZero' ? sum([product(b, '1'), elided]) : sum([elided, b])}`;
  }
  return `= ${n.bias === 'weightZero' ? sum([product(b, '1'), ...terms]) : sum([...terms, b])}`;
}

function preActivationBlock(ctx: EquationContext, layer: number, j: number): EquationBlock {
  const n = notationIn(ctx);
  const biasNote =
    n.bias === 'weightZero' ? ` (bias as ${n.phrases(layer).biasName} with x₀ = 1)` : '';
  const nPrev = unitCount(ctx.network, layer - 1);
  const elision =
    nPrev > MAX_SUBSTITUTED_TERMS
      ? `: ${nPrev} weighted terms, the first three and the last two written out`
      : '';
  return {
    title: `Pre-activation ${n.text.unit('z', layer, j)}${biasNote}${sampleSuffix(ctx)}${elision}`,
    general: preActivationGeneral(ctx, layer, j),
    substituted: preActivationSubstituted(ctx, layer, j),
    result: `= ${num(sampleValues(ctx).z(layer, j))}`,
  };
}

function activationBlock(
  ctx: EquationContext,
  layer: number,
  j: number,
  activation: Activation,
): EquationBlock {
  const n = notationIn(ctx);
  const values = sampleValues(ctx);
  const act = n.tex.activation(layer, j);
  const pre = n.tex.preActivation(layer, j);
  const f = activationFunctionTex(n, activation);
  const concrete = concreteActivationTex(activation);
  const title = `Activation ${n.text.unit('a', layer, j)} (${activationName(activation)})${sampleSuffix(ctx)}`;
  const z = values.z(layer, j);
  const result = `= ${num(values.a(layer, j))}`;

  if (!isElementwise(activation)) {
    const units = unitCount(ctx.network, layer);
    const vector = n.tex.preActivationVector(layer);
    const forms = [act, `${f}(${vector})_{${j + 1}}`];
    if (f !== concrete) forms.push(`${concrete}(${vector})_{${j + 1}}`);
    forms.push(softmaxDefinition(pre, n.tex.preActivation(layer, 'k'), units));
    return {
      title,
      general: forms.join(' = '),
      substituted: `= ${softmaxSubstituted(values.zVector(layer), j)}`,
      result,
    };
  }
  const forms = [act, `${f}(${pre})`];
  if (f !== concrete) forms.push(`${concrete}(${pre})`);
  const definition = activationDefinition(activation, pre);
  if (definition !== null && !forms.includes(definition)) forms.push(definition);
  return {
    title,
    general: forms.join(' = '),
    substituted: `= ${activationSubstituted(activation, z)}`,
    result,
  };
}

/** Forward pass through the given units of a layer: for each, its z block then its a block. */
export function forwardBlocks(ctx: EquationContext, layer: number, units: number[]): LazyBlock[] {
  const activation = layerAt(ctx.network, layer)?.activation;
  if (!activation) return [];
  return units.flatMap((j) => [
    () => preActivationBlock(ctx, layer, j),
    () => activationBlock(ctx, layer, j, activation),
  ]);
}
