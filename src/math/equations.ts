import {
  range,
  sampleValues,
  stepUnits,
  unitCount,
  notationIn,
  type EquationBlock,
  type EquationContext,
  type LazyBlock,
} from './context';
import { forwardBlocks } from './forward';
import { gradientBlocks } from './gradients';
import { hiddenDeltaBlocks } from './hiddenDelta';
import { gradientLinkBlocks, hiddenLinkBlocks, outputLinkBlocks } from './links';
import { lossBlocks } from './loss';
import { matrixHiddenDeltaBlocks, matrixOutputDeltaBlocks } from './matrixBackward';
import { matrixForwardBlocks, matrixLossBlocks, matrixStartBlocks } from './matrixForward';
import { matrixGradientBlocks, matrixUpdateBlocks } from './matrixGradients';
import { outputDeltaBlocks } from './outputDelta';
import { MAX_SUBSTITUTED_TERMS, num, withDigits } from './tex';
import { lossChangeBlock, updateBlocks, updatedOf } from './update';

/** Before the first step: nothing computed yet; the sample's inputs and targets, for reference. */
function startBlock(ctx: EquationContext): EquationBlock {
  const { network } = ctx;
  const { tex } = notationIn(ctx);
  const values = sampleValues(ctx);
  // A wide input (64 pixels) lists its first three and last two, around a ⋯.
  const all = range(network.inputSize).map(
    (i) => `${tex.activation(0, i)} = ${num(values.a(0, i))}`,
  );
  const inputs =
    all.length > MAX_SUBSTITUTED_TERMS ? [...all.slice(0, 3), '\\dots', ...all.slice(-2)] : all;
  const targets = range(unitCount(network, network.layers.length)).map(
    (j) => `${tex.target(j)} = ${num(values.y(j))}`,
  );
  const of = ctx.samples.length > 1 ? ` of sample ${ctx.sampleIndex + 1}` : '';
  return {
    title: `Start of the pass: nothing is computed yet. The inputs and targets${of}:`,
    general: '',
    substituted: `${inputs.join(', \\quad ')}; \\qquad ${targets.join(', \\quad ')}`,
    result: '',
  };
}

/**
 * The current step's equations, one unit at a time: for each unit the general form, the same with
 * this sample's numbers, and the result.
 */
export function stepEquations(ctx: EquationContext): EquationBlock[] {
  return lazyStepEquations(ctx).map((block) => block());
}

/** The same, each block built only when called for, with the context's digits. */
export function lazyStepEquations(ctx: EquationContext): LazyBlock[] {
  return stepBlocks(ctx).map((block) => () => withDigits(ctx.digits, block));
}

function stepBlocks(ctx: EquationContext): LazyBlock[] {
  const { step, network } = ctx;
  // Note 002 writes the backward steps link by link; the other notes with δ.
  const links = notationIn(ctx).backward === 'links';
  switch (step.kind) {
    case 'start':
      return [() => startBlock(ctx)];
    case 'forward':
      return forwardBlocks(ctx, step.layer, stepUnits(network, step.layer, step.unit));
    case 'loss':
      return lossBlocks(ctx);
    case 'outputDelta':
      return (links ? outputLinkBlocks : outputDeltaBlocks)(
        ctx,
        stepUnits(network, step.layer, step.unit),
      );
    case 'hiddenDelta':
      return (links ? hiddenLinkBlocks : hiddenDeltaBlocks)(
        ctx,
        step.layer,
        stepUnits(network, step.layer, step.unit),
      );
    case 'gradients':
      return (links ? gradientLinkBlocks : gradientBlocks)(
        ctx,
        step.layer,
        stepUnits(network, step.layer, step.unit),
      );
    case 'update':
      return updateBlocks(ctx);
  }
}

/**
 * The current step for a whole layer in matrix form, with every shape; a unit step shows its
 * layer. Vectors and matrices larger than 6×6 are elided with dots.
 */
export function matrixEquations(ctx: EquationContext): EquationBlock[] {
  return withDigits(ctx.digits, () => matrixBlocks(ctx));
}

function matrixBlocks(ctx: EquationContext): EquationBlock[] {
  const { step, network } = ctx;
  switch (step.kind) {
    case 'start':
      return matrixStartBlocks(ctx);
    case 'forward':
      return matrixForwardBlocks(ctx, step.layer);
    case 'loss':
      return matrixLossBlocks(ctx);
    case 'outputDelta':
      return step.layer === network.layers.length ? matrixOutputDeltaBlocks(ctx) : [];
    case 'hiddenDelta':
      return matrixHiddenDeltaBlocks(ctx, step.layer);
    case 'gradients':
      return matrixGradientBlocks(ctx, step.layer);
    case 'update':
      return [lossChangeBlock(ctx, updatedOf(ctx).loss), ...matrixUpdateBlocks(ctx)];
  }
}
