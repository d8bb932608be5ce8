import type { Selection } from './vocabulary';
import { derivativeTex, isElementwise } from './activation';
import {
  layerAt,
  sampleValues,
  unitCount,
  type EquationBlock,
  type NetworkContext,
} from './context';
import { formatNumber } from './format';
import { preActivationSum } from './forward';
import { backSum, backSumSubstituted } from './hiddenDelta';
import { biasLabel, lossLabel, unitValueLabel, weightLabel } from './labels';
import {
  activationFunctionTex,
  activationTex,
  biasInputTex,
  biasTex,
  deltaTex,
  lossSymbol,
  partialTex,
  preActivationTex,
  targetTex,
  weightTex,
} from './notation';
import { outputForm, squaredFactor, targetsSumToOne } from './outputDelta';
import { at, factor, num, product } from './tex';

/**
 * The whole chain rule for one weight or bias of the current sample, from the loss down to the
 * parameter, each factor with its value (notes 002, 003): for an output weight
 * ∂L/∂w = ∂L/∂a · ∂a/∂z · ∂z/∂w; for a hidden one the first factor is the sum over the next layer,
 * Σ_k ∂L/∂z_k ∂z_k/∂a_j = Σ_k δ_k w_jk (the multivariable chain rule), each δ_k given as a value.
 */

/** δ_j of an output unit in short symbols when the loss and f fold into one factor ∂L/∂z_j. */
function foldedOutputDelta(ctx: NetworkContext, j: number): string {
  const { notation } = ctx;
  const L = ctx.network.layers.length;
  const A = activationTex(notation, L, j);
  const Y = targetTex(notation, j);
  switch (outputForm(ctx.network)) {
    case 'bce':
      return `(${A} - ${Y})`;
    case 'ceSigmoid':
      return `(-${Y}(1 - ${A}))`;
    case 'ceSoftmax':
      return targetsSumToOne(sampleValues(ctx).y_) ? `(${A} - ${Y})` : `(${A}\\sum_k y_k - ${Y})`;
    default:
      return deltaTex(notation, L, j);
  }
}

function parameterChain(
  ctx: NetworkContext,
  layer: number,
  j: number,
  from: number | null,
): EquationBlock | null {
  const { network, notation } = ctx;
  const L = network.layers.length;
  const activation = layerAt(network, layer)?.activation;
  const nPrev = unitCount(network, layer - 1);
  if (!activation || j < 0 || j >= unitCount(network, layer)) return null;
  if (from !== null && (from < 0 || from >= nPrev)) return null;

  const values = sampleValues(ctx);
  const m = ctx.samples.length;
  const loss = lossSymbol(notation, m > 1 ? ctx.sampleIndex : undefined);
  const param = from === null ? biasTex(notation, layer, j) : weightTex(notation, layer, from, j);
  const A = activationTex(notation, layer, j);
  const Z = preActivationTex(notation, layer, j);
  const F = activationFunctionTex(notation, activation);
  // ∂z_j/∂w_ij = a_i^(l−1); ∂z_j/∂b_j = 1 (LFD: ∂s_j/∂w_0j = x_0 = 1).
  const lastSymbol =
    from !== null
      ? activationTex(notation, layer - 1, from)
      : notation === 'lfd'
        ? biasInputTex(layer - 1)
        : '1';
  const lastValue = from !== null ? values.a(layer - 1, from) : 1;
  const last = partialTex(Z, param);
  const delta = values.delta(layer, j);
  let general: string;
  let substituted: string;

  if (!isElementwise(activation) || (layer === L && outputForm(network) !== 'squared')) {
    const folded = layer === L ? foldedOutputDelta(ctx, j) : deltaTex(notation, layer, j);
    general = `${partialTex(loss, Z)}\\cdot ${last} = ${folded}\\cdot ${lastSymbol}`;
    substituted = `= ${product(factor(delta), factor(lastValue))}`;
  } else {
    const d = derivativeTex(activation, A, Z, values.a(layer, j), values.z(layer, j));
    const fPrime = `${F}'(${Z})`;
    if (layer === L) {
      const c = squaredFactor(network);
      const Y = targetTex(notation, j);
      general =
        `${partialTex(loss, A)}\\cdot ${partialTex(A, Z)}\\cdot ${last}` +
        ` = ${c.tex}(${A} - ${Y})\\cdot ${fPrime}\\cdot ${lastSymbol}`;
      const g = c.value * (values.a(layer, j) - values.y(j));
      substituted = `= ${product(factor(g), factor(d.value), factor(lastValue))}`;
    } else {
      const k = notation === 'rowVector' ? 'm' : 'k';
      const zNext = preActivationTex(notation, layer + 1, k);
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
  const name =
    from === null ? biasLabel(notation, layer, j) : weightLabel(notation, layer, from, j);
  const batch =
    m > 1
      ? ` — sample ${ctx.sampleIndex + 1}; ∂${lossLabel(notation)}/∂${name} is the mean over the ${m} samples, ${formatNumber(mean, 6)}`
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
  const { network, notation } = ctx;
  if (layer < 0 || layer > network.layers.length || j < 0 || j >= unitCount(network, layer)) {
    return null;
  }
  const values = sampleValues(ctx);
  const A = activationTex(notation, layer, j);
  const m = ctx.samples.length;
  const of = m > 1 ? ` — sample ${ctx.sampleIndex + 1}` : '';
  if (layer === 0) {
    return {
      title: `Input ${unitValueLabel(notation, 'a', 0, j)}${of}`,
      general: '',
      substituted: '',
      result: `${A} = ${num(values.a(0, j))}`,
    };
  }
  const activation = layerAt(network, layer)?.activation ?? 'linear';
  const Z = preActivationTex(notation, layer, j);
  const D = deltaTex(notation, layer, j);
  const loss = lossSymbol(notation, m > 1 ? ctx.sampleIndex : undefined);
  const F = activationFunctionTex(notation, activation);
  const fOfZ = activation === 'softmax' ? `${F}(\\ldots)_{${j + 1}}` : `${F}(${Z})`;
  return {
    title: `Unit ${j + 1} of layer ${layer}: ${unitValueLabel(notation, 'z', layer, j)}, ${unitValueLabel(notation, 'a', layer, j)}, ${unitValueLabel(notation, 'delta', layer, j)}${of}`,
    general: `${Z} = ${preActivationSum(notation, layer, j, unitCount(network, layer - 1))}, \\quad ${A} = ${fOfZ}, \\quad ${D} = ${partialTex(loss, Z)}`,
    substituted: '',
    result: `${Z} = ${num(values.z(layer, j))}, \\quad ${A} = ${num(values.a(layer, j))}, \\quad ${D} = ${num(values.delta(layer, j))}`,
  };
}

export function chainRuleEquation(ctx: NetworkContext, selection: Selection): EquationBlock | null {
  switch (selection.kind) {
    case 'weight':
      return parameterChain(ctx, selection.layer, selection.to, selection.from);
    case 'bias':
      return parameterChain(ctx, selection.layer, selection.unit, null);
    case 'unit':
      return unitSummary(ctx, selection.layer, selection.unit);
  }
}
