import {
  SQUARED_LOSSES,
  multiplyByActivationDerivative,
  squaredError,
  type Activation,
  type Loss,
  type Network,
  type PassSnapshot,
  type SquaredErrorRecord,
} from '../engine';
import { outputForm, type OutputForm } from '../math/outputDelta';
import { passWithLoss, updatedNetwork, widthOf } from './truth';
import type { PracticeContext } from './types';
import { numberText, timesWords, type Words } from './words';

/**
 * What the backward mistakes share, computed once per question: the output's form (which loss
 * with which output activation, as the equations write it), the pass under each other squared
 * error, and the network after the update.
 */
export interface Backward {
  ctx: PracticeContext;
  words: Words;
  form: OutputForm;
  /** Does δ⁽ᴸ⁾ contain (a − y), so that (y − a) flips its sign? Not for −y(1 − a). */
  signFlips: boolean;
  /** The loss in force when it is a squared error, and the same pass under each other one. */
  squared: SquaredErrorRecord | null;
  conventions: { record: SquaredErrorRecord; pass: PassSnapshot }[];
  /** The network after the update step (computed when first asked). */
  updated(): Network | null;
}

export function backwardOf(ctx: PracticeContext, words: Words): Backward {
  const squared = squaredError(ctx.network.loss);
  const conventions = squared
    ? SQUARED_LOSSES.filter((loss) => loss !== ctx.network.loss).flatMap((loss: Loss) => {
        const pass = passWithLoss(ctx, loss);
        const record = squaredError(loss);
        return pass && record ? [{ record, pass }] : [];
      })
    : [];
  let updated: Network | null | undefined;
  const form = outputForm(ctx.network);
  return {
    ctx,
    words,
    form,
    signFlips: form !== 'ceSigmoid',
    squared,
    conventions,
    updated: () => (updated === undefined ? (updated = updatedNetwork(ctx)) : updated),
  };
}

/** δ = f′(z) ⊙ g for a layer, from g = ∂L/∂a, by the engine (softmax: its Jacobian). */
export function deltaFromSlope(
  activation: Activation,
  z: readonly number[],
  a: readonly number[],
  g: readonly number[],
): number[] {
  const delta = Float64Array.from(g);
  multiplyByActivationDerivative(
    activation,
    Float64Array.from(z),
    Float64Array.from(a),
    delta,
    g.length,
  );
  return Array.from(delta);
}

/** Σₘ W[j][m] δₘ for every unit j of the layer below W (NaN where W has no such weight). */
export function sentBack(
  weights: readonly (readonly number[])[],
  delta: readonly number[],
  n: number,
) {
  return Array.from({ length: n }, (_, j) =>
    delta.reduce((sum, d, m) => sum + (weights[j]?.[m] ?? NaN) * d, 0),
  );
}

/** The same with the indices swapped: Σₘ W[m][j] δₘ. */
export function sentBackSwapped(
  weights: readonly (readonly number[])[],
  delta: readonly number[],
  n: number,
) {
  return Array.from({ length: n }, (_, j) =>
    delta.reduce((sum, d, m) => sum + (weights[m]?.[j] ?? NaN) * d, 0),
  );
}

/** c in c(a − y) as a factor in a sentence: '' for 1, '2', '0.6667'. */
function factorText(c: number): string {
  return c === 1 ? '' : numberText(c);
}

/**
 * The sentence for a δ of the other squared error `other`: what it is, and what the loss in
 * force makes ∂L/∂a at the output.
 */
export function conventionMessage(b: Backward, other: SquaredErrorRecord, D: string): string {
  const mine = b.squared;
  if (!mine) return '';
  const { words: w } = b;
  const L = b.ctx.network.layers.length;
  const K = widthOf(b.ctx.network, L);
  const a = w.notation.phrases(L).a;
  const ratio = other.factor(K) / mine.factor(K);
  return `That is ${D} for the ${other.name}, ${timesWords(ratio)} the right one: here ${w.loss} is the ${mine.name}, so ${w.partial(a)} = ${factorText(mine.factor(K))}(${a} − y) at the output.`;
}
