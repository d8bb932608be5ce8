import { applyGradients, lossOf, type Network } from '../engine';
import {
  biasAt,
  range,
  unitCount,
  weightAt,
  notationIn,
  type EquationBlock,
  type LazyBlock,
  type EquationContext,
  type NetworkContext,
} from './context';
import { formatNumber } from './format';
import { partialTex } from './notation';
import { at, equationDigits, factor, num, product } from './tex';

/**
 * Gradient descent, θ ← θ − η ∂L/∂θ for every weight and bias (note 000: b ← b − η ∂L/∂b; note 004
 * calls the rate α), with the old value, the gradient and the new value, output layer first; before
 * them, the loss before and after.
 */

/** The network after the update and its loss: from the context, or computed as the store does. */
export function updatedOf(ctx: NetworkContext): { network: Network; loss: number } {
  if (ctx.updated) return ctx.updated;
  const network = applyGradients(ctx.network, ctx.snapshot.grads, ctx.learningRate, {
    trainBiases: ctx.trainBiases ?? true,
  });
  return { network, loss: lossOf(network, ctx.samples) };
}

/** The loss before and after the update, and the change. */
export function lossChangeBlock(ctx: NetworkContext, after: number): EquationBlock {
  const before = ctx.snapshot.loss;
  const L = notationIn(ctx).tex.loss();
  return {
    title: `Loss after the update: ${formatNumber(after, equationDigits())} (was ${formatNumber(before, equationDigits())})`,
    general: `\\Delta ${L} = ${L}_{\\text{after}} - ${L}_{\\text{before}}`,
    substituted: `= ${num(after)} - ${factor(before)}`,
    result: `= ${num(after - before)}`,
  };
}

function stepBlock(
  ctx: EquationContext,
  title: string,
  param: string,
  old: number,
  gradient: number,
  next: number,
): EquationBlock {
  const n = notationIn(ctx);
  return {
    title,
    general: `${param} \\leftarrow ${param} - ${n.learningRate.tex}\\,${partialTex(n.tex.loss(), param)}`,
    substituted: `= ${factor(old)} - ${product(factor(ctx.learningRate), factor(gradient))}`,
    result: `= ${num(next)}`,
  };
}

/** A frozen bias ("Train biases" off): it has a gradient, but the step leaves it as it is. */
function frozenBlock(label: string, param: string, value: number): EquationBlock {
  return {
    title: `${label} stays (biases frozen)`,
    general: `${param} \\leftarrow ${param}`,
    substituted: '',
    result: `= ${num(value)}`,
  };
}

export function updateBlocks(ctx: EquationContext): LazyBlock[] {
  const { network } = ctx;
  const { tex, text, bias: biasConvention } = notationIn(ctx);
  // The network after the step, worked out once, when the first block that needs it is built.
  let after: ReturnType<typeof updatedOf> | undefined;
  const updated = () => (after ??= updatedOf(ctx));
  const blocks: LazyBlock[] = [() => lossChangeBlock(ctx, updated().loss)];
  // The output layer first, in the order the backward pass found the gradients.
  for (let layer = network.layers.length; layer >= 1; layer--) {
    const grads = () => ctx.snapshot.grads[layer - 1];
    const nPrev = unitCount(network, layer - 1);
    for (const j of range(unitCount(network, layer))) {
      const weights = range(nPrev).map(
        (i) => () =>
          stepBlock(
            ctx,
            `Update ${text.weight(layer, i, j)}`,
            tex.weight(layer, i, j),
            weightAt(network, layer, i, j),
            at(grads()?.dW[i], j),
            weightAt(updated().network, layer, i, j),
          ),
      );
      const bias = () =>
        ctx.trainBiases === false
          ? frozenBlock(text.bias(layer, j), tex.bias(layer, j), biasAt(network, layer, j))
          : stepBlock(
              ctx,
              `Update ${text.bias(layer, j)}`,
              tex.bias(layer, j),
              biasAt(network, layer, j),
              at(grads()?.db, j),
              biasAt(updated().network, layer, j),
            );
      blocks.push(...(biasConvention === 'weightZero' ? [bias, ...weights] : [...weights, bias]));
    }
  }
  return blocks;
}
