import {
  layerAt,
  notationIn,
  range,
  sampleValues,
  unitCount,
  type EquationBlock,
  type NetworkContext,
} from './context';
import { activationFunctionTex, partialTex } from './notation';
import { outputForm, squaredFactor, targetsSumToOne } from './outputDelta';
import { column, matrix, num, row, shaped, transpose } from './tex';
import {
  derivativeVector,
  isRows,
  shapedVector,
  softmaxJacobian,
  vector,
  vectorShape,
} from './vectors';

/**
 * The backward steps for a whole layer (notes 000, 001, 004): δ^(L) = (a − y) ⊙ σ'(z^(L)),
 * δ^(l) = (W^(l+1) δ^(l+1)) ⊙ σ'(z^(l)), or in rows k_l = (k_{l+1} W_{l+1}ᵀ) ⊙ f'(x_{l−1}W_l + b_l).
 * With the bias as weight 0 (note 001) the error goes back through the weights alone, W^(l+1)
 * without its bias row, which the note writes Ŵ^(l+1).
 */

/** The Jacobian product J g with J = diag(a) − a aᵀ, in the notation's orientation. */
function jacobianTex(ctx: NetworkContext, A: string, g: string): string {
  return isRows(ctx)
    ? `${g}\\left(\\operatorname{diag}(${A}) - ${A}^{\\mathsf T}${A}\\right)`
    : `\\left(\\operatorname{diag}(${A}) - ${A}(${A})^{\\mathsf T}\\right)${g}`;
}

function jacobianNumbers(ctx: NetworkContext, a: number[], g: number[]): string {
  const J = matrix(softmaxJacobian(a));
  return isRows(ctx) ? `${row(g)}${J}` : `${J}${column(g)}`;
}

export function matrixOutputDeltaBlocks(ctx: NetworkContext): EquationBlock[] {
  const { network } = ctx;
  const notation = notationIn(ctx);
  const { tex } = notation;
  const L = network.layers.length;
  const layer = layerAt(network, L);
  if (!layer) return [];
  const n = unitCount(network, L);
  const values = sampleValues(ctx);
  const a = values.aVector(L);
  const y = values.y_;
  const A = tex.activationVector(L);
  const Z = tex.preActivationVector(L);
  const D = shapedVector(ctx, tex.deltaVector(L), n);
  const F = activationFunctionTex(notation, layer.activation);
  const odot = notation.hadamard;
  const c = squaredFactor(network);
  const one = '\\mathbf{1}';
  let general: string;
  let substituted: string;
  switch (outputForm(network)) {
    case 'squared':
      general = `${D} = ${c.tex}(${A} - y) ${odot} ${F}'(${Z})`;
      substituted = `= ${c.numbers}\\left(${vector(ctx, a)} - ${vector(ctx, y)}\\right) ${odot} ${vector(ctx, derivativeVector(layer.activation, values.zVector(L), a))}`;
      break;
    case 'bce':
      general = `${D} = ${A} - y`;
      substituted = `= ${vector(ctx, a)} - ${vector(ctx, y)}`;
      break;
    case 'ceSigmoid':
      general = `${D} = -y ${odot} (${one} - ${A})`;
      substituted = `= -${vector(ctx, y)} ${odot} \\left(${one} - ${vector(ctx, a)}\\right)`;
      break;
    case 'ceSoftmax': {
      const ySum = y.reduce((s, v) => s + v, 0);
      const sumsToOne = targetsSumToOne(y);
      general = `${D} = ${A}\\,(${one}^{\\mathsf T}y) - y${sumsToOne ? ` = ${A} - y` : ''}`;
      substituted = sumsToOne
        ? `= ${vector(ctx, a)} - ${vector(ctx, y)}`
        : `= ${num(ySum)}\\,${vector(ctx, a)} - ${vector(ctx, y)}`;
      break;
    }
    case 'squaredSoftmax': {
      const g = range(n).map((j) => c.value * ((a[j] ?? NaN) - (y[j] ?? NaN)));
      general = `${D} = ${jacobianTex(ctx, A, 'g')}, \\quad g = ${partialTex(tex.loss(), A)} = ${c.tex}(${A} - y)`;
      substituted = `= ${jacobianNumbers(ctx, a, g)}`;
      break;
    }
  }
  return [
    {
      title: `Output ${notation.deltaName} of layer ${L} for the whole layer (${vectorShape(ctx, n)})`,
      general,
      substituted,
      result: `= ${vector(ctx, values.deltaVector(L))}`,
    },
  ];
}

export function matrixHiddenDeltaBlocks(ctx: NetworkContext, l: number): EquationBlock[] {
  const { network } = ctx;
  const notation = notationIn(ctx);
  const { tex, text } = notation;
  const layer = layerAt(network, l);
  const nextLayer = layerAt(network, l + 1);
  if (!layer || !nextLayer) return [];
  const n = unitCount(network, l);
  const nn = unitCount(network, l + 1);
  const values = sampleValues(ctx);
  const a = values.aVector(l);
  const deltaNext = values.deltaVector(l + 1);
  const g = range(n).map((j) =>
    range(nn).reduce((s, k) => s + (nextLayer.weights[j]?.[k] ?? NaN) * (deltaNext[k] ?? NaN), 0),
  );
  const W = tex.biasFreeWeightMatrix(l + 1);
  const Dn = tex.deltaVector(l + 1);
  const rows = isRows(ctx);
  const back = rows
    ? `${shaped(Dn, 1, nn)}\\,${shaped(`${W}^{\\mathsf T}`, nn, n)}`
    : `${shaped(W, n, nn)}\\,${shaped(Dn, nn, 1)}`;
  const backNumbers = rows
    ? `${row(deltaNext)}${matrix(transpose(nextLayer.weights))}`
    : `${matrix(nextLayer.weights)}${column(deltaNext)}`;
  const D = shapedVector(ctx, tex.deltaVector(l), n);
  const biasFree = text.biasFreeWeightMatrix(l + 1);
  const whole = text.weightMatrix(l + 1);
  const withoutBias =
    biasFree === whole ? '' : ` (${biasFree} is ${whole} without its bias row 0: ${n}×${nn})`;
  const order = notation.matrixOrder ? `. ${notation.matrixOrder.backward}` : '';
  const title = `Hidden ${notation.deltaName} of layer ${l} for the whole layer: the error sent back through the weights${withoutBias}${order}`;
  const result = `= ${vector(ctx, values.deltaVector(l))}`;
  if (layer.activation === 'softmax') {
    return [
      {
        title,
        general: `${D} = ${jacobianTex(ctx, tex.activationVector(l), `\\left(${back}\\right)`)}`,
        substituted: `= ${jacobianNumbers(ctx, a, g)}`,
        result,
      },
    ];
  }
  const odot = notation.hadamard;
  const F = activationFunctionTex(notation, layer.activation);
  const df = derivativeVector(layer.activation, values.zVector(l), a);
  // The product on a line of its own, after: a bracketed run never wraps, so (W δ) with its
  // numbers and ⊙ f′ beside it would not fit a phone's line.
  return [
    {
      title,
      general: `${D} = \\left(${back}\\right) ${odot} ${shapedVector(ctx, `${F}'(${tex.preActivationVector(l)})`, n)}`,
      substituted: `= ${vector(ctx, g)} ${odot} ${vector(ctx, df)}`,
      result,
    },
    {
      title: `where the error sent back through the weights is`,
      general: back,
      substituted: `= ${backNumbers}`,
      result: `= ${vector(ctx, g)}`,
    },
  ];
}
