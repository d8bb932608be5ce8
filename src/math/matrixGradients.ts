import {
  layerAt,
  notationIn,
  sampleValues,
  unitCount,
  type EquationBlock,
  type NetworkContext,
} from './context';
import { partialTex } from './notation';
import { column, matrix, num, row, shaped } from './tex';
import { augmented, columnOf, inputVector, isRows, outer, shapedVector, vector } from './vectors';
import { updatedOf } from './update';
import { OPTIMIZER_REGISTRY } from '../engine';

/**
 * ∂L/∂W^(l) = a^(l−1) (δ^(l))ᵀ, (n_{l−1}×1)(1×n_l), and ∂L/∂b^(l) = δ^(l) (note 000); in LFD one
 * product with x_0 = 1 gives the bias row too; in note 004, ∂E/∂W_l = x_{l−1}ᵀ k_l. Then the
 * update W ← W − η ∂L/∂W for whole matrices.
 */
export function matrixGradientBlocks(ctx: NetworkContext, l: number): EquationBlock[] {
  const { network } = ctx;
  const notation = notationIn(ctx);
  const { tex } = notation;
  const grads = ctx.snapshot.grads[l - 1];
  if (!layerAt(network, l) || !grads) return [];
  const n = unitCount(network, l);
  const values = sampleValues(ctx);
  const m = ctx.samples.length;
  const lfd = notation.bias === 'weightZero';
  const rows = isRows(ctx);
  const loss = tex.loss(m > 1 ? ctx.sampleIndex : undefined);
  const W = tex.weightMatrix(l);
  // x^(l−1) with x_0 = 1 on top when the bias is weight 0: the product then has W's bias row too.
  const aPrev = inputVector(ctx, l - 1, values.aVector(l - 1));
  const delta = values.deltaVector(l);
  const pRows = aPrev.length;
  const A = tex.activationVector(l - 1);
  const D = tex.deltaVector(l);
  const productTex = rows
    ? `${shaped(`${A}^{\\mathsf T}`, pRows, 1)}\\,${shaped(D, 1, n)}`
    : `${shaped(A, pRows, 1)}\\,${shaped(`(${D})^{\\mathsf T}`, 1, n)}`;
  // In either notation the transposed vector is written as the column it is (narrower on a phone).
  const numbers = `${column(aPrev)}${row(delta)}`;
  const meanW = lfd
    ? augmented(columnOfRows(grads.dW), columnOf(grads.db))
    : columnOfRows(grads.dW);
  const of = m > 1 ? ` — sample ${ctx.sampleIndex + 1}` : '';
  const order = rows && notation.matrixOrder ? `. ${notation.matrixOrder.gradient}` : '';
  const blocks: EquationBlock[] = [
    {
      title: `Weight gradients of layer ${l}: an outer product, (${pRows}×1)(1×${n}) = ${pRows}×${n}${lfd ? ', bias row 0 included' : ''}${order}${of}`,
      general: `${shaped(partialTex(loss, W), pRows, n)} = ${productTex}`,
      substituted: `= ${numbers}`,
      result: `= ${matrix(m > 1 ? outer(aPrev, delta) : meanW)}`,
    },
  ];
  if (!lfd) {
    const B = tex.biasVector(l);
    blocks.push({
      title: `Bias gradients of layer ${l}${of}`,
      general: `${shapedVector(ctx, partialTex(loss, B), n)} = ${D}`,
      substituted: '',
      result: `= ${vector(ctx, delta)}`,
    });
  }
  if (m === 1) return blocks;
  const L = tex.loss();
  const Ln = tex.loss('n');
  blocks.push({
    title: `Weight gradients of layer ${l}: the mean over the ${m} samples (note 002)`,
    general: `${partialTex(L, W)} = \\frac{1}{${m}}\\sum_{n=1}^{${m}} ${partialTex(Ln, W)}`,
    substituted: '',
    result: `= ${matrix(meanW)}`,
  });
  if (!lfd) {
    const B = tex.biasVector(l);
    blocks.push({
      title: `Bias gradients of layer ${l}: the mean over the ${m} samples`,
      general: `${partialTex(L, B)} = \\frac{1}{${m}}\\sum_{n=1}^{${m}} ${partialTex(Ln, B)}`,
      substituted: '',
      result: `= ${vector(ctx, grads.db)}`,
    });
  }
  return blocks;
}

function columnOfRows(rows: ArrayLike<number>[]): number[][] {
  return rows.map(columnOf);
}

export function matrixUpdateBlocks(ctx: NetworkContext): EquationBlock[] {
  const { network } = ctx;
  const notation = notationIn(ctx);
  const updated = updatedOf(ctx).network;
  const eta = notation.learningRate.tex;
  const rate = num(ctx.learningRate);
  const L = notation.tex.loss();
  const optimizer = ctx.optimizer?.kind ?? 'sgd';
  return network.layers.flatMap((layer, index) => {
    const l = index + 1;
    const grads = ctx.snapshot.grads[index];
    const next = updated.layers[index];
    if (!grads || !next) return [];
    if (optimizer !== 'sgd') {
      // Another optimizer's step is its own per parameter (the per-unit view shows its rule): here
      // the step ΔW each parameter took, old − new.
      const name = OPTIMIZER_REGISTRY[optimizer].name;
      const W = notation.tex.weightMatrix(l);
      const minus = (a: readonly number[][], b: readonly number[][]) =>
        a.map((row, i) => row.map((x, j) => x - (b[i]?.[j] ?? NaN)));
      const frozen = ctx.trainBiases === false;
      return [
        {
          title: `Update layer ${l} by ${name}'s step ΔW (each weight's rule in the per-unit equations)`,
          general: `${W} \\leftarrow ${W} - \\Delta ${W}`,
          substituted: `= ${matrix(layer.weights)} - ${matrix(minus(layer.weights, next.weights))}`,
          result: `= ${matrix(next.weights)}`,
        },
        {
          title: frozen
            ? `The biases of layer ${l} stay (biases frozen)`
            : `Update the biases of layer ${l} by ${name}'s step`,
          general: '',
          substituted: '',
          result: `= ${vector(ctx, next.biases)}`,
        },
      ];
    }
    const W = notation.tex.weightMatrix(l);
    const step = (symbol: string) =>
      `${symbol} \\leftarrow ${symbol} - ${eta}\\,${partialTex(L, symbol)}`;
    const frozen = ctx.trainBiases === false;
    if (notation.bias === 'weightZero') {
      // Frozen biases: row 0 of the step is 0, so the bias row stays.
      const db = frozen ? columnOf(grads.db).map(() => 0) : columnOf(grads.db);
      return [
        {
          title: frozen
            ? `Update layer ${l}: every weight but the bias row 0, which stays (biases frozen)`
            : `Update layer ${l}: every weight, the bias row 0 included`,
          general: step(W),
          substituted: `= ${matrix(augmented(layer.weights, layer.biases))} - ${rate}${matrix(augmented(columnOfRows(grads.dW), db))}`,
          result: `= ${matrix(augmented(next.weights, next.biases))}`,
        },
      ];
    }
    const B = notation.tex.biasVector(l);
    return [
      {
        title: `Update the weights of layer ${l}`,
        general: step(W),
        substituted: `= ${matrix(layer.weights)} - ${rate}${matrix(columnOfRows(grads.dW))}`,
        result: `= ${matrix(next.weights)}`,
      },
      frozen
        ? {
            title: `The biases of layer ${l} stay (biases frozen)`,
            general: `${B} \\leftarrow ${B}`,
            substituted: '',
            result: `= ${vector(ctx, next.biases)}`,
          }
        : {
            title: `Update the biases of layer ${l}`,
            general: step(B),
            substituted: `= ${vector(ctx, layer.biases)} - ${rate}${vector(ctx, grads.db)}`,
            result: `= ${vector(ctx, next.biases)}`,
          },
    ];
  });
}
