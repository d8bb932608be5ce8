import type { Selection } from './vocabulary';
import { derivativeTex, isElementwise } from './activation';
import {
  layerAt,
  sampleValues,
  unitCount,
  notationIn,
  type EquationBlock,
  type NetworkContext,
} from './context';
import { formatNumber } from './format';
import { preActivationSum } from './forward';
import { backSum, backSumSubstituted } from './hiddenDelta';
import { activationFunctionTex, partialTex, type Index } from './notation';
import { outputForm, squaredFactor, targetsSumToOne } from './outputDelta';
import { at, equationDigits, factor, num, product, withDigits } from './tex';

/**
 * The whole chain rule for one weight or bias of the current sample, from the loss down to the
 * parameter, each factor with its value (notes 002, 003): for an output weight
 * ∂L/∂w = ∂L/∂a · ∂a/∂z · ∂z/∂w; for a hidden one the first factor is the sum over the next layer,
 * Σ_k ∂L/∂z_k ∂z_k/∂a_j = Σ_k δ_k w_jk (the multivariable chain rule), each δ_k given as a value.
 */

/**
 * δ_j of an output unit in short symbols when the loss and f fold into one factor ∂L/∂z_j;
 * `unit` writes it with a symbolic index (k) instead of j.
 */
export function foldedOutputDelta(ctx: NetworkContext, j: number, unit: Index = j): string {
  const { tex } = notationIn(ctx);
  const L = ctx.network.layers.length;
  const A = tex.activation(L, unit);
  const Y = tex.target(unit);
  switch (outputForm(ctx.network)) {
    case 'bce':
      return `(${A} - ${Y})`;
    case 'ceSigmoid':
      return `(-${Y}(1 - ${A}))`;
    case 'ceSoftmax':
      return targetsSumToOne(sampleValues(ctx).y_) ? `(${A} - ${Y})` : `(${A}\\sum_k y_k - ${Y})`;
    default:
      return tex.delta(L, unit);
  }
}

function parameterChain(
  ctx: NetworkContext,
  layer: number,
  j: number,
  from: number | null,
): EquationBlock | null {
  const { network } = ctx;
  const notation = notationIn(ctx);
  const { tex, text } = notation;
  const L = network.layers.length;
  const activation = layerAt(network, layer)?.activation;
  const nPrev = unitCount(network, layer - 1);
  if (!activation || j < 0 || j >= unitCount(network, layer)) return null;
  if (from !== null && (from < 0 || from >= nPrev)) return null;

  const values = sampleValues(ctx);
  const m = ctx.samples.length;
  const loss = tex.loss(m > 1 ? ctx.sampleIndex : undefined);
  const param = from === null ? tex.bias(layer, j) : tex.weight(layer, from, j);
  const A = tex.activation(layer, j);
  const Z = tex.preActivation(layer, j);
  const F = activationFunctionTex(notation, activation);
  // ∂z_j/∂w_ij = a_i^(l−1); ∂z_j/∂b_j = 1 (LFD: ∂s_j/∂w_0j = x_0 = 1).
  const lastSymbol = from !== null ? tex.activation(layer - 1, from) : tex.biasInput(layer - 1);
  const lastValue = from !== null ? values.a(layer - 1, from) : 1;
  const last = partialTex(Z, param);
  const delta = values.delta(layer, j);
  let general: string;
  let substituted: string;

  if (!isElementwise(activation) || (layer === L && outputForm(network) !== 'squared')) {
    const folded = layer === L ? foldedOutputDelta(ctx, j) : tex.delta(layer, j);
    general = `${partialTex(loss, Z)}\\cdot ${last} = ${folded}\\cdot ${lastSymbol}`;
    substituted = `= ${product(factor(delta), factor(lastValue))}`;
  } else {
    const d = derivativeTex(activation, A, Z, values.a(layer, j), values.z(layer, j));
    const fPrime = `${F}'(${Z})`;
    if (layer === L) {
      const c = squaredFactor(network);
      const Y = tex.target(j);
      general =
        `${partialTex(loss, A)}\\cdot ${partialTex(A, Z)}\\cdot ${last}` +
        ` = ${c.tex}(${A} - ${Y})\\cdot ${fPrime}\\cdot ${lastSymbol}`;
      const g = c.value * (values.a(layer, j) - values.y(j));
      substituted = `= ${product(factor(g), factor(d.value), factor(lastValue))}`;
    } else {
      const k = notation.indices.next;
      const zNext = tex.preActivation(layer + 1, k);
      const back = backSumSubstituted(ctx, layer, j);
      general =
        `\\left(\\sum_{${k}=1}^{${unitCount(network, layer + 1)}} ${partialTex(loss, zNext)}\\,${partialTex(zNext, A)}\\right)` +
        `\\cdot ${partialTex(A, Z)}\\cdot ${last}` +
        ` = \\left(${backSum(ctx, layer, j, false)}\\right)\\cdot ${fPrime}\\cdot ${lastSymbol}`;
      substituted =
        `= \\left(${back.tex}\\right)\\cdot ${factor(d.value)}\\cdot ${factor(lastValue)}` +
        ` = ${product(factor(back.value), factor(d.value), factor(lastValue))}`;
    }
  }
  const grads = ctx.snapshot.grads[layer - 1];
  const mean = from === null ? at(grads?.db, j) : at(grads?.dW[from], j);
  const name = from === null ? text.bias(layer, j) : text.weight(layer, from, j);
  const batch =
    m > 1
      ? ` — sample ${ctx.sampleIndex + 1}; ∂${notation.loss.text}/∂${name} is the mean over the ${m} samples, ${formatNumber(mean, equationDigits())}`
      : '';
  return {
    title: `Chain rule for ${name}${batch}`,
    general: `${partialTex(loss, param)} = ${general}`,
    substituted,
    result: `= ${num(delta * lastValue)}`,
  };
}

/** A unit's z, a and δ side by side (an input unit: its value). */
function unitSummary(ctx: NetworkContext, layer: number, j: number): EquationBlock | null {
  const { network } = ctx;
  const notation = notationIn(ctx);
  const { tex, text } = notation;
  if (layer < 0 || layer > network.layers.length || j < 0 || j >= unitCount(network, layer)) {
    return null;
  }
  const values = sampleValues(ctx);
  const A = tex.activation(layer, j);
  const m = ctx.samples.length;
  const of = m > 1 ? ` — sample ${ctx.sampleIndex + 1}` : '';
  if (layer === 0) {
    return {
      title: `Input ${text.unit('a', 0, j)}${of}`,
      general: '',
      substituted: '',
      result: `${A} = ${num(values.a(0, j))}`,
    };
  }
  const activation = layerAt(network, layer)?.activation ?? 'linear';
  const Z = tex.preActivation(layer, j);
  const D = tex.delta(layer, j);
  const loss = tex.loss(m > 1 ? ctx.sampleIndex : undefined);
  const F = activationFunctionTex(notation, activation);
  const fOfZ = activation === 'softmax' ? `${F}(\\ldots)_{${j + 1}}` : `${F}(${Z})`;
  // A notation that writes δ as ∂C/∂z (note 002) needs no definition of it.
  const dLdZ = partialTex(loss, Z);
  const delta = D === dLdZ ? D : `${D} = ${dLdZ}`;
  return {
    title: `Unit ${j + 1} of layer ${layer}: ${text.unit('z', layer, j)}, ${text.unit('a', layer, j)}, ${text.unit('delta', layer, j)}${of}`,
    general: `${Z} = ${preActivationSum(notation, layer, j, unitCount(network, layer - 1))}, \\quad ${A} = ${fOfZ}, \\quad ${delta}`,
    substituted: '',
    result: `${Z} = ${num(values.z(layer, j))}, \\quad ${A} = ${num(values.a(layer, j))}, \\quad ${D} = ${num(values.delta(layer, j))}`,
  };
}

export function chainRuleEquation(ctx: NetworkContext, selection: Selection): EquationBlock | null {
  return withDigits(ctx.digits, () => {
    switch (selection.kind) {
      case 'weight':
        return parameterChain(ctx, selection.layer, selection.to, selection.from);
      case 'bias':
        return parameterChain(ctx, selection.layer, selection.unit, null);
      case 'unit':
        return unitSummary(ctx, selection.layer, selection.unit);
    }
  });
}
