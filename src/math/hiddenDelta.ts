import { derivativeTex, isElementwise } from './activation';
import {
  layerAt,
  range,
  sampleSuffix,
  sampleValues,
  unitCount,
  weightAt,
  notationIn,
  type LazyBlock,
  type EquationContext,
  type NetworkContext,
} from './context';
import { activationFunctionTex, type Index } from './notation';
import { softmaxDelta } from './outputDelta';
import { factor, MAX_EXPANDED_TERMS, num, product, sum } from './tex';

/**
 * A hidden unit's δ by the multivariable chain rule (notes 000, 001): a_j^(l) feeds every unit k of
 * layer l+1, so ∂L/∂a_j = Σ_k ∂L/∂z_k^(l+1) ∂z_k^(l+1)/∂a_j = Σ_k w_jk^(l+1) δ_k^(l+1); then
 * δ_j^(l) = (Σ_k w_jk δ_k) f'(z_j^(l)). Note 004 writes the same sum as (k_{l+1} W_{l+1}ᵀ)_j.
 */

/** The sum over the next layer for unit j of layer l, in symbols: Σ_k w_jk^(l+1) δ_k^(l+1). */
export function backSum(
  ctx: NetworkContext,
  layer: number,
  j: Index,
  expanded: boolean,
  index = notationIn(ctx).indices.next,
): string {
  const { tex, vectors } = notationIn(ctx);
  const next = layer + 1;
  const nNext = unitCount(ctx.network, next);
  const term = (k: Index) => {
    const w = tex.weight(next, j, k);
    const d = tex.delta(next, k);
    return vectors === 'row' ? `${d}${w}` : `${w}${d}`;
  };
  if (nNext === 1) return term(0);
  if (expanded) return sum(range(nNext).map(term));
  return `\\sum_{${index}=1}^{${nNext}} ${term(index)}`;
}

/** The same with numbers, and its value: 0.4\cdot 0.138499 + 0.5\cdot (-0.0380982). */
export function backSumSubstituted(
  ctx: NetworkContext,
  layer: number,
  j: number,
): { tex: string; value: number } {
  const values = sampleValues(ctx);
  const rows = notationIn(ctx).vectors === 'row';
  const next = layer + 1;
  let value = 0;
  const terms = range(unitCount(ctx.network, next)).map((k) => {
    const w = weightAt(ctx.network, next, j, k);
    const d = values.delta(next, k);
    value += w * d;
    return rows ? product(factor(d), factor(w)) : product(factor(w), factor(d));
  });
  return { tex: sum(terms), value };
}

/** The g_k = ∂L/∂a_k^(l) of a whole hidden layer, for the softmax Jacobian. */
function backSums(ctx: NetworkContext, layer: number): number[] {
  return range(unitCount(ctx.network, layer)).map((j) => backSumSubstituted(ctx, layer, j).value);
}

export function hiddenDeltaParts(
  ctx: NetworkContext,
  layer: number,
  j: number,
): { general: string; substituted: string } {
  const notation = notationIn(ctx);
  const activation = layerAt(ctx.network, layer)?.activation ?? 'linear';
  const values = sampleValues(ctx);
  const A = notation.tex.activation(layer, j);
  const Z = notation.tex.preActivation(layer, j);
  const F = activationFunctionTex(notation, activation);
  const nNext = unitCount(ctx.network, layer + 1);
  const sumTex = backSum(ctx, layer, j, false);
  const numbers = backSumSubstituted(ctx, layer, j);

  if (!isElementwise(activation)) {
    const k = notation.indices.softmax;
    return softmaxDelta(ctx, layer, j, backSums(ctx, layer), backSum(ctx, layer, k, false, 'm'));
  }
  const d = derivativeTex(activation, A, Z, values.a(layer, j), values.z(layer, j));
  const forms = [`\\left(${sumTex}\\right)\\cdot ${F}'(${Z})`];
  const listed = nNext > 1 && nNext <= MAX_EXPANDED_TERMS ? backSum(ctx, layer, j, true) : sumTex;
  forms.push(`\\left(${listed}\\right)\\cdot ${d.general}`);
  return {
    general: forms.join(' = '),
    substituted:
      `= \\left(${numbers.tex}\\right)\\cdot ${d.substituted}` +
      ` = ${product(factor(numbers.value), factor(d.value))}`,
  };
}

/** Hidden δ_j^(l) for the given units of layer l. */
export function hiddenDeltaBlocks(
  ctx: EquationContext,
  layer: number,
  units: number[],
): LazyBlock[] {
  return units.map((j) => () => {
    const values = sampleValues(ctx);
    const parts = hiddenDeltaParts(ctx, layer, j);
    const n = notationIn(ctx);
    return {
      title: `Hidden ${n.text.unit('delta', layer, j)}: sum over the units of layer ${layer + 1} (multivariable chain rule)${sampleSuffix(ctx)}`,
      general: `${n.tex.delta(layer, j)} = ${parts.general}`,
      substituted: parts.substituted,
      result: `= ${num(values.delta(layer, j))}`,
    };
  });
}
