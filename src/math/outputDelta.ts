import { LOSS_REGISTRY, squaredError, type Network } from '../engine';
import { derivativeTex, isElementwise } from './activation';
import {
  layerAt,
  range,
  sampleSuffix,
  sampleValues,
  unitCount,
  notationIn,
  type LazyBlock,
  type EquationContext,
  type NetworkContext,
} from './context';
import { activationFunctionTex, partialTex } from './notation';
import { subscript } from './notations';
import { squaredTex } from './loss';
import { factor, num, product, sum } from './tex';

/**
 * How the output δ^(L) = ∂L/∂z^(L) comes out for this loss and output activation:
 * - 'squared': c(a − y) ⊙ f'(z) with c = 1 (½SSE), 2 (SSE, notes 001/002) or 2/n (MSE);
 * - 'squaredSoftmax': the softmax Jacobian, δ_j = a_j(g_j − Σ_k a_k g_k) with g = c(a − y);
 * - 'bce': sigmoid + binary cross-entropy, δ = a − y;
 * - 'ceSoftmax': softmax + cross-entropy, δ = a Σy − y (= a − y when the targets sum to 1);
 * - 'ceSigmoid': sigmoid + cross-entropy −Σ y ln a, δ = −y(1 − a).
 */
export type OutputForm = 'squared' | 'squaredSoftmax' | 'bce' | 'ceSoftmax' | 'ceSigmoid';

export function outputForm(network: Network): OutputForm {
  const activation = layerAt(network, network.layers.length)?.activation ?? 'linear';
  const { family } = LOSS_REGISTRY[network.loss];
  if (family === 'binaryCrossEntropy') return 'bce';
  if (family === 'crossEntropy') return activation === 'softmax' ? 'ceSoftmax' : 'ceSigmoid';
  return activation === 'softmax' ? 'squaredSoftmax' : 'squared';
}

/**
 * c in ∂L/∂a = c(a − y): '' (½SSE), '2' (SSE), '\frac{2}{K}' (MSE) in symbols (tex), with the
 * number of outputs written out (numbers: '\frac{2}{2}'), and its value.
 */
export function squaredFactor(network: Network): { tex: string; numbers: string; value: number } {
  const n = unitCount(network, network.layers.length);
  const written = squaredTex(network.loss, n);
  return {
    tex: written?.factor ?? '',
    numbers: written?.factorNumbers ?? '',
    value: squaredError(network.loss)?.factor(n) ?? 1,
  };
}

/** Do the targets sum to 1 (a probability distribution), so that a Σy − y is a − y? */
export function targetsSumToOne(y: readonly number[]): boolean {
  return Math.abs(y.reduce((s, v) => s + v, 0) - 1) < 1e-9;
}

/**
 * The softmax Jacobian product for unit j of a layer: δ_j = a_j (g_j − Σ_k a_k g_k), given
 * g = ∂L/∂a of that layer (numbers) and how g is defined (TeX). Returns general and substituted.
 */
export function softmaxDelta(
  ctx: NetworkContext,
  layer: number,
  j: number,
  g: readonly number[],
  gDefinition: string,
): { general: string; substituted: string } {
  const notation = notationIn(ctx);
  const values = sampleValues(ctx);
  const k = notation.indices.softmax;
  const n = unitCount(ctx.network, layer);
  const a = values.aVector(layer);
  const aj = a[j] ?? NaN;
  const gj = g[j] ?? NaN;
  const dot = range(n).reduce((s, q) => s + (a[q] ?? NaN) * (g[q] ?? NaN), 0);
  const general =
    `${notation.tex.activation(layer, j)}\\left(g_{${j + 1}} - \\sum_{${k}=1}^{${n}} ` +
    `${notation.tex.activation(layer, k)}\\, g_{${k}}\\right), \\quad g_{${k}} = ${gDefinition}`;
  const products = range(n).map((q) => product(factor(a[q] ?? NaN), factor(g[q] ?? NaN)));
  const substituted =
    `= ${factor(aj)}\\left(${factor(gj)} - \\left(${sum(products)}\\right)\\right)` +
    ` = ${product(factor(aj), factor(gj - dot))}`;
  return { general, substituted };
}

/** The general and substituted forms of δ_j^(L) (after 'δ_j ='), for the output layer's unit j. */
export function outputDeltaParts(
  ctx: NetworkContext,
  j: number,
): { general: string; substituted: string } {
  const { network } = ctx;
  const notation = notationIn(ctx);
  const { tex } = notation;
  const L = network.layers.length;
  const activation = layerAt(network, L)?.activation ?? 'linear';
  const values = sampleValues(ctx);
  const lossTex = tex.loss(ctx.samples.length > 1 ? ctx.sampleIndex : undefined);
  const A = tex.activation(L, j);
  const Z = tex.preActivation(L, j);
  const Y = tex.target(j);
  const F = activationFunctionTex(notation, activation);
  const a = values.a(L, j);
  const y = values.y(j);
  const chain = `${partialTex(lossTex, A)}\\cdot ${F}'(${Z})`;
  const n = unitCount(network, L);
  const k = notation.indices.softmax;
  const jacobianSum = `\\sum_{${k}=1}^{${n}} ${partialTex(lossTex, tex.activation(L, k))}${partialTex(tex.activation(L, k), Z)}`;

  switch (outputForm(network)) {
    case 'squared': {
      if (!isElementwise(activation)) break;
      const c = squaredFactor(network);
      const d = derivativeTex(activation, A, Z, a, values.z(L, j));
      return {
        general: `${chain} = ${c.tex}(${A} - ${Y})\\cdot ${d.general}`,
        substituted:
          `= ${c.numbers}(${factor(a)} - ${factor(y)})\\cdot ${d.substituted}` +
          ` = ${product(factor(c.value * (a - y)), factor(d.value))}`,
      };
    }
    case 'bce':
      return {
        general: `${chain} = \\frac{${A} - ${Y}}{${A}(1 - ${A})}\\cdot ${A}(1 - ${A}) = ${A} - ${Y}`,
        substituted: `= ${factor(a)} - ${factor(y)}`,
      };
    case 'ceSigmoid':
      return {
        general: `${chain} = -\\frac{${Y}}{${A}}\\cdot ${A}(1 - ${A}) = -${Y}(1 - ${A})`,
        substituted: `= -${product(factor(y), `(1 - ${factor(a)})`)}`,
      };
    case 'ceSoftmax': {
      const ySum = values.y_.reduce((s, v) => s + v, 0);
      const general = `${jacobianSum} = ${A}\\sum_{${k}=1}^{${n}} y_{${k}} - ${Y}`;
      if (targetsSumToOne(values.y_)) {
        return {
          general: `${general} = ${A} - ${Y} \\quad \\left(\\textstyle\\sum_{${k}} y_{${k}} = 1\\right)`,
          substituted: `= ${factor(a)} - ${factor(y)}`,
        };
      }
      return { general, substituted: `= ${product(factor(a), factor(ySum))} - ${factor(y)}` };
    }
    case 'squaredSoftmax':
      break;
  }
  // Softmax with a squared loss: the Jacobian form, g_k = c(a_k − y_k).
  const c = squaredFactor(network);
  const g = range(n).map((q) => c.value * (values.a(L, q) - values.y(q)));
  const parts = softmaxDelta(
    ctx,
    L,
    j,
    g,
    `${partialTex(lossTex, tex.activation(L, k))} = ${c.tex}(${tex.activation(L, k)} - y_{${k}})`,
  );
  return { general: `${jacobianSum} = ${parts.general}`, substituted: parts.substituted };
}

/** Output δ_j^(L) = ∂L/∂a_j · f'(z_j), with the loss's and the activation's derivatives written out. */
export function outputDeltaBlocks(ctx: EquationContext, units: number[]): LazyBlock[] {
  const L = ctx.network.layers.length;
  return units.map((j) => () => {
    const values = sampleValues(ctx);
    const parts = outputDeltaParts(ctx, j);
    const n = notationIn(ctx);
    const m = ctx.samples.length;
    // The title and the equation name the same quantity: this sample's ∂L_n/∂z_j.
    const lossText =
      m > 1 ? `${n.loss.text}${subscript(String(ctx.sampleIndex + 1))}` : n.loss.text;
    const D = n.tex.delta(L, j);
    const dLdZ = partialTex(
      n.tex.loss(m > 1 ? ctx.sampleIndex : undefined),
      n.tex.preActivation(L, j),
    );
    return {
      title: `Output ${n.text.unit('delta', L, j)} = ∂${lossText}/∂${n.text.unit('z', L, j)}${sampleSuffix(ctx)}`,
      general: `${D === dLdZ ? D : `${D} = ${dLdZ}`} = ${parts.general}`,
      substituted: parts.substituted,
      result: `= ${num(values.delta(L, j))}`,
    };
  });
}
