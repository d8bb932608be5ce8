import { assertNever, LOSS_REGISTRY, type Loss } from '../engine';
import {
  layerAt,
  sampleValues,
  unitCount,
  type EquationBlock,
  type NetworkContext,
} from './context';
import { activationName, superscript } from './labels';
import { batchLossBlock, lossName } from './loss';
import {
  activationFunctionTex,
  activationVectorTex,
  biasVectorTex,
  concreteActivationTex,
  lossSymbol,
  preActivationVectorTex,
  weightMatrixTex,
} from './notation';
import { column, matrix, num, row, shape, shaped, transpose } from './tex';
import { augmented, isRows, shapedVector, vector, vectorShape } from './vectors';

/** The start, forward and loss steps as matrix products, with every shape. */

export function matrixStartBlocks(ctx: NetworkContext): EquationBlock[] {
  const { network, notation } = ctx;
  const values = sampleValues(ctx);
  const L = network.layers.length;
  const shapes = network.layers.map((_, index) => {
    const l = index + 1;
    const p = unitCount(network, l - 1);
    const n = unitCount(network, l);
    if (notation === 'lfd') return `${weightMatrixTex(notation, l)}: ${shape(p + 1, n)}`;
    const b = isRows(ctx) ? shape(1, n) : shape(n, 1);
    return `${weightMatrixTex(notation, l)}: ${shape(p, n)},\\ ${biasVectorTex(notation, l)}: ${b}`;
  });
  const x = activationVectorTex(notation, 0);
  return [
    {
      title: `Start of the pass: nothing is computed yet. The shapes, and sample ${ctx.sampleIndex + 1}’s input and target${notation === 'lfd' ? ' (each W holds its biases as row 0)' : ''}`,
      general: shapes.join(', \\quad '),
      substituted: `${shapedVector(ctx, x, network.inputSize)} = ${vector(ctx, values.aVector(0))}, \\quad ${shapedVector(ctx, 'y', unitCount(network, L))} = ${vector(ctx, values.y_)}`,
      result: '',
    },
  ];
}

export function matrixForwardBlocks(ctx: NetworkContext, l: number): EquationBlock[] {
  const { network, notation } = ctx;
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
  const A = activationVectorTex(notation, l);
  const APrev = activationVectorTex(notation, l - 1);
  const W = weightMatrixTex(notation, l);
  const B = biasVectorTex(notation, l);

  if (notation === 'rowVector') {
    return [
      {
        title: `Layer ${l} in matrix form: (1×${p})(${p}×${n}) = 1×${n}. Note 004 writes f(W x); with x a row vector the product is x W`,
        general: `${shaped(A, 1, n)} = f\\left(${shaped(APrev, 1, p)}\\,${shaped(W, p, n)} + ${shaped(B, 1, n)}\\right)`,
        substituted: `= ${concrete}\\left(${row(aPrev)}${matrix(layer.weights)} + ${row(layer.biases)}\\right) = ${concrete}\\left(${row(z)}\\right)`,
        result: `= ${row(a)}`,
      },
    ];
  }
  const Z = preActivationVectorTex(notation, l);
  const activationBlock: EquationBlock = {
    title: `Layer ${l}: ${activationName(layer.activation)} of every unit${notation === 'lfd' ? ` (θ = ${activationName(layer.activation)})` : ''}`,
    general: `${shaped(A, n, 1)} = ${f}(${Z})${f === concrete ? '' : ` = ${concrete}(${Z})`}`,
    substituted: `= ${concrete}\\left(${column(z)}\\right)`,
    result: `= ${column(a)}`,
  };
  if (notation === 'lfd') {
    return [
      {
        title: `Layer ${l} in matrix form: W${superscript(`(${l})`)} is (${p}+1)×${n} with the biases as row 0, x${superscript(`(${l - 1})`)} starts with x₀ = 1`,
        general: `${shaped(Z, n, 1)} = ${shaped(`(${W})^{\\mathsf T}`, n, p + 1)}\\,${shaped(APrev, p + 1, 1)}`,
        substituted: `= ${matrix(transpose(augmented(layer.weights, layer.biases)))}${column([1, ...aPrev])}`,
        result: `= ${column(z)}`,
      },
      activationBlock,
    ];
  }
  return [
    {
      title: `Layer ${l} in matrix form: W${superscript(`(${l})`)} is ${p}×${n} (row i holds the weights out of unit i), so z = Wᵀa + b`,
      general: `${shaped(Z, n, 1)} = ${shaped(`(${W})^{\\mathsf T}`, n, p)}\\,${shaped(APrev, p, 1)} + ${shaped(B, n, 1)}`,
      substituted: `= ${matrix(transpose(layer.weights))}${column(aPrev)} + ${column(layer.biases)}`,
      result: `= ${column(z)}`,
    },
    activationBlock,
  ];
}

/** One sample's loss over the output vector A and target Y (TeX of symbols or of bmatrices). */
export function vectorLossTex(loss: Loss, n: number, A: string, Y: string, rows: boolean): string {
  const T = '^{\\mathsf T}';
  const record = LOSS_REGISTRY[loss];
  switch (record.family) {
    case 'squared':
      return `${record.prefixTex(n)}\\left\\lVert ${A} - ${Y}\\right\\rVert^2`;
    case 'binaryCrossEntropy':
      return rows
        ? `-\\left[\\ln\\left(${A}\\right)\\,${Y}${T} + \\ln\\left(\\mathbf{1} - ${A}\\right)\\,(\\mathbf{1} - ${Y})${T}\\right]`
        : `-\\left[${Y}${T}\\ln\\left(${A}\\right) + (\\mathbf{1} - ${Y})${T}\\ln\\left(\\mathbf{1} - ${A}\\right)\\right]`;
    case 'crossEntropy':
      return rows ? `-\\ln\\left(${A}\\right)\\,${Y}${T}` : `-${Y}${T}\\ln\\left(${A}\\right)`;
    default:
      return assertNever(record);
  }
}

export function matrixLossBlocks(ctx: NetworkContext): EquationBlock[] {
  const { network, notation } = ctx;
  const L = network.layers.length;
  const n = unitCount(network, L);
  const values = sampleValues(ctx);
  const rows = isRows(ctx);
  const m = ctx.samples.length;
  const A = activationVectorTex(notation, L);
  const sample: EquationBlock = {
    title: `Loss${m > 1 ? ` of sample ${ctx.sampleIndex + 1}` : ''} in vector form (${lossName(network.loss)}); output and target are ${vectorShape(ctx, n)}`,
    general: `${lossSymbol(notation, m > 1 ? ctx.sampleIndex : undefined)} = ${vectorLossTex(network.loss, n, A, 'y', rows)}`,
    substituted: `= ${vectorLossTex(network.loss, n, vector(ctx, values.aVector(L)), vector(ctx, values.y_), rows)}`,
    result: `= ${num(values.loss)}`,
  };
  return m > 1 ? [sample, batchLossBlock(ctx)] : [sample];
}
