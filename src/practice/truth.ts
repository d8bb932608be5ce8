import { applyGradients, runPass, type Loss, type Network, type PassSnapshot } from '../engine';
import { notationFor, type Notation } from '../math/notations';
import type { PracticeContext, Quantity } from './types';

/**
 * The true value of an asked quantity, read from the stepper's pass, and the pieces of a pass the
 * mistakes are computed from. Layers as in the notes: 0 is the input, 1…L the weighted layers.
 */

/**
 * The network after the update step, W ← W − η ∂L/∂W (and b, unless the biases are frozen), by
 * the engine; null when the engine refuses the step (a value overflowed).
 */
export function updatedNetwork(ctx: PracticeContext): Network | null {
  try {
    return applyGradients(ctx.network, ctx.snapshot.grads, ctx.learningRate, {
      trainBiases: ctx.trainBiases,
      optimizer: ctx.optimizer,
      state: ctx.optimizerState,
    });
  } catch {
    return null;
  }
}

/** Units in layer l (0: the inputs). */
export function widthOf(network: Network, l: number): number {
  return l === 0 ? network.inputSize : (network.layers[l - 1]?.biases.length ?? 0);
}

/** One sample's z, a or δ of every unit of layer l; a of layer 0 is the input x. NaN where absent. */
export function layerVector(
  ctx: PracticeContext,
  s: number,
  q: 'z' | 'a' | 'delta',
  l: number,
): number[] {
  const values =
    l === 0
      ? q === 'a'
        ? ctx.samples[s]?.x
        : undefined
      : ctx.snapshot.samples[s]?.layers[l - 1]?.[q];
  return Array.from({ length: widthOf(ctx.network, l) }, (_, j) => values?.[j] ?? NaN);
}

export function unitValue(
  ctx: PracticeContext,
  s: number,
  q: 'z' | 'a' | 'delta',
  l: number,
  j: number,
): number {
  return layerVector(ctx, s, q, l)[j] ?? NaN;
}

/** The true value of the quantity in this pass; NaN when the network has no such quantity. */
export function valueOf(quantity: Quantity, ctx: PracticeContext): number {
  const { snapshot } = ctx;
  switch (quantity.kind) {
    case 'z':
    case 'a':
    case 'delta':
      return unitValue(ctx, ctx.sampleIndex, quantity.kind, quantity.layer, quantity.unit);
    case 'loss':
      return snapshot.loss;
    case 'dW':
      return snapshot.grads[quantity.layer - 1]?.dW[quantity.from]?.[quantity.to] ?? NaN;
    case 'db':
      return snapshot.grads[quantity.layer - 1]?.db[quantity.unit] ?? NaN;
    case 'w':
      return (
        updatedNetwork(ctx)?.layers[quantity.layer - 1]?.weights[quantity.from]?.[quantity.to] ??
        NaN
      );
    case 'b':
      return updatedNetwork(ctx)?.layers[quantity.layer - 1]?.biases[quantity.unit] ?? NaN;
  }
}

/** The notation written for the context's network. */
export function notationOfContext(ctx: PracticeContext): Notation {
  return notationFor(ctx.notation, ctx.network);
}

/** The same pass with another loss (another squared error): null if the engine refuses it. */
export function passWithLoss(ctx: PracticeContext, loss: Loss): PassSnapshot | null {
  try {
    return runPass({ ...ctx.network, loss }, ctx.samples);
  } catch {
    return null;
  }
}
