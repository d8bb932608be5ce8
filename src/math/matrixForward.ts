import { assertNever, LOSS_REGISTRY, type Loss } from '../engine';
import {
  layerAt,
  notationIn,
  sampleValues,
  unitCount,
  type EquationBlock,
  type NetworkContext,
} from './context';
import { activationName } from './labels';
import { batchLossBlock, lossName, squaredTex } from './loss';
import { activationFunctionTex, concreteActivationTex } from './notation';
import { column, matrix, num, row, shape, shaped, transpose } from './tex';
import { augmented, inputVector, isRows, shapedVector, vector, vectorShape } from './vectors';

/**
 * The start, forward and loss steps as matrix products, with every shape. With the bias as
 * weight 0 (note 001) one convention holds throughout: W^(l) is (d^(l−1)+1)×d^(l) with the biases
 * as row 0, and every x^(l) below the output is (d^(l)+1)×1, starting with x_0 = 1.
 */

export function matrixStartBlocks(ctx: NetworkContext): EquationBlock[] {
  const { network } = ctx;
  const { tex, bias } = notationIn(ctx);
  const values = sampleValues(ctx);
  const L = network.layers.length;
  const weightZero = bias === 'weightZero';
  const shapes = network.layers.map((_, index) => {
    const l = index + 1;
    const p = unitCount(network, l - 1);
    const n = unitCount(network, l);
    if (weightZero) return `${tex.weightMatrix(l)}: ${shape(p + 1, n)}`;
    const b = isRows(ctx) ? shape(1, n) : shape(n, 1);
    return `${tex.weightMatrix(l)}: ${shape(p, n)},\\ ${tex.biasVector(l)}: ${b}`;
  });
  const x = tex.activationVector(0);
  const input = inputVector(ctx, 0, values.aVector(0));
  return [
    {
      title: `Start of the pass: nothing is computed yet. The shapes, and sample ${ctx.sampleIndex + 1}’s input and target${weightZero ? ' (each W holds its biases as row 0; x⁽⁰⁾ starts with x₀ = 1)' : ''}`,
      general: shapes.join(', \\quad '),
      substituted: `${shapedVector(ctx, x, input.length)} = ${vector(ctx, input)}, \\quad ${shapedVector(ctx, 'y', unitCount(network, L))} = ${vector(ctx, values.y_)}`,
      result: '',
    },
  ];
}

export function matrixForwardBlocks(ctx: NetworkContext, l: number): EquationBlock[] {
  const { network } = ctx;
  const notation = notationIn(ctx);
  const { tex, text } = notation;
  const layer = layerAt(network, l);
  if (!layer) return [];
  const values = sampleValues(ctx);
  const p = unitCount(network, l - 1);
  const n = unitCount(network, l);
  const f = activationFunctionTex(notation, layer.activation);
  const concrete = concreteActivationTex(layer.activation);
  const aPrev = values.aVector(l - 1);
  const z = values.zVector(l);
  const a = values.aVector(l);
  const A = tex.activationVector(l);
  const APrev = tex.activationVector(l - 1);
  const W = tex.weightMatrix(l);
  const B = tex.biasVector(l);

  if (isRows(ctx)) {
    const order = notation.matrixOrder ? `. ${notation.matrixOrder.forward}` : '';
    // The product first, then f of it: the product line wraps at its top-level "+" and "=".
    return [
      {
        title: `Layer ${l} in matrix form: (1×${p})(${p}×${n}) = 1×${n}${order}`,
        general: `${shaped(tex.preActivationVector(l), 1, n)} = ${shaped(APrev, 1, p)}\\,${shaped(W, p, n)} + ${shaped(B, 1, n)}`,
        substituted: `= ${row(aPrev)}${matrix(layer.weights)} + ${row(layer.biases)}`,
        result: `= ${row(z)}`,
      },
      {
        title: `Layer ${l}: ${activationName(layer.activation)} of every unit`,
        general: `${shaped(A, 1, n)} = ${f}\\left(${shaped(APrev, 1, p)}\\,${shaped(W, p, n)} + ${shaped(B, 1, n)}\\right)`,
        substituted: `= ${concrete}\\left(${row(z)}\\right)`,
        result: `= ${row(a)}`,
      },
    ];
  }
  const Z = tex.preActivationVector(l);
  const fOfZ = `${f}(${Z})${f === concrete ? '' : ` = ${concrete}(${Z})`}`;
  const named =
    f === concrete
      ? ''
      : ` (${notation.activationFunction?.text ?? ''} = ${activationName(layer.activation)})`;
  const out = inputVector(ctx, l, a);
  const activationBlock: EquationBlock =
    out.length > n
      ? {
          title: `Layer ${l}: ${activationName(layer.activation)} of every unit${named}, and x₀ = 1 on top for layer ${l + 1}`,
          general: `${shaped(A, n + 1, 1)} = \\begin{bmatrix} 1 \\\\ ${f}(${Z}) \\end{bmatrix}`,
          substituted: `= \\begin{bmatrix} 1 \\\\ ${concrete}\\left(${column(z)}\\right) \\end{bmatrix}`,
          result: `= ${column(out)}`,
        }
      : {
          title: `Layer ${l}: ${activationName(layer.activation)} of every unit${named}`,
          general: `${shaped(A, n, 1)} = ${fOfZ}`,
          substituted: `= ${concrete}\\left(${column(z)}\\right)`,
          result: `= ${column(a)}`,
        };
  if (notation.bias === 'weightZero') {
    return [
      {
        title: `Layer ${l} in matrix form: ${text.weightMatrix(l)} is (${p}+1)×${n} with the biases as row 0, ${text.activationVector(l - 1)} starts with x₀ = 1`,
        general: `${shaped(Z, n, 1)} = ${shaped(`(${W})^{\\mathsf T}`, n, p + 1)}\\,${shaped(APrev, p + 1, 1)}`,
        substituted: `= ${matrix(transpose(augmented(layer.weights, layer.biases)))}${column(inputVector(ctx, l - 1, aPrev))}`,
        result: `= ${column(z)}`,
      },
      activationBlock,
    ];
  }
  return [
    {
      title: `Layer ${l} in matrix form: ${text.weightMatrix(l)} is ${p}×${n} (row i holds the weights out of unit i), so z = Wᵀa + b`,
      general: `${shaped(Z, n, 1)} = ${shaped(`(${W})^{\\mathsf T}`, n, p)}\\,${shaped(APrev, p, 1)} + ${shaped(B, n, 1)}`,
      substituted: `= ${matrix(transpose(layer.weights))}${column(aPrev)} + ${column(layer.biases)}`,
      result: `= ${column(z)}`,
    },
    activationBlock,
  ];
}
/**
 * One sample's loss over the output vector A and target Y: TeX of symbols, or with `numbers` of
 * bmatrices (the number of outputs written out where the loss depends on it).
 */
export function vectorLossTex(
  loss: Loss,
  n: number,
  A: string,
  Y: string,
  rows: boolean,
  numbers = false,
): string {
  const T = '^{\\mathsf T}';
  const record = LOSS_REGISTRY[loss];
  switch (record.family) {
    case 'squared': {
      const written = squaredTex(loss, n);
      const prefix = numbers ? written?.prefixNumbers : written?.prefix;
      return `${prefix ?? ''}\\left\\lVert ${A} - ${Y}\\right\\rVert^2`;
    }
    // The minus on each term, as the per-unit loss writes it: a line wraps between them.
    case 'binaryCrossEntropy':
      return rows
        ? `-\\ln\\left(${A}\\right)\\,${Y}${T} - \\ln\\left(\\mathbf{1} - ${A}\\right)\\,(\\mathbf{1} - ${Y})${T}`
        : `-${Y}${T}\\ln\\left(${A}\\right) - (\\mathbf{1} - ${Y})${T}\\ln\\left(\\mathbf{1} - ${A}\\right)`;
    case 'crossEntropy':
      return rows ? `-\\ln\\left(${A}\\right)\\,${Y}${T}` : `-${Y}${T}\\ln\\left(${A}\\right)`;
    default:
      return assertNever(record);
  }
}

export function matrixLossBlocks(ctx: NetworkContext): EquationBlock[] {
  const { network } = ctx;
  const { tex } = notationIn(ctx);
  const L = network.layers.length;
  const n = unitCount(network, L);
  const values = sampleValues(ctx);
  const rows = isRows(ctx);
  const m = ctx.samples.length;
  const A = tex.activationVector(L);
  const sample: EquationBlock = {
    title: `Loss${m > 1 ? ` of sample ${ctx.sampleIndex + 1}` : ''} in vector form (${lossName(network.loss)}); output and target are ${vectorShape(ctx, n)}`,
    general: `${tex.loss(m > 1 ? ctx.sampleIndex : undefined)} = ${vectorLossTex(network.loss, n, A, 'y', rows)}`,
    substituted: `= ${vectorLossTex(network.loss, n, vector(ctx, values.aVector(L)), vector(ctx, values.y_), rows, true)}`,
    result: `= ${num(values.loss)}`,
  };
  return m > 1 ? [sample, batchLossBlock(ctx)] : [sample];
}
