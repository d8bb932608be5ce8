import type { Network, PassSnapshot, PassStep } from '../engine';
import type { NotationId } from './vocabulary';
import { formatNumber } from './format';
import { notationFor } from './notations';

/** Values named in a summary before it says "and N more". */
const MAX_LISTED = 12;

export interface SummaryContext {
  network: Network;
  snapshot: PassSnapshot;
  sampleIndex: number;
  notation: NotationId;
  /** The network after the update, for the update step. */
  updated?: { network: Network; loss: number };
  /** False: the update left the biases as they were. Default true. */
  trainBiases?: boolean;
  /** Significant digits: the learner's "Digits", as the diagram shows the same values. */
  digits: number;
}

/** The items, or the first MAX_LISTED of `count` and how many more. */
function listed(items: string[], count = items.length): string {
  if (count <= MAX_LISTED) return items.join(', ');
  return `${items.slice(0, MAX_LISTED).join(', ')} and ${count - MAX_LISTED} more`;
}

/**
 * What the step computed, as one plain sentence of names and numbers, for the screen-reader live
 * region: "z₁⁽¹⁾ = 0.3775, a₁⁽¹⁾ = 0.5933, …". The same values the diagram shows.
 */
export function stepSummary(step: PassStep, ctx: SummaryContext): string {
  const { network, snapshot } = ctx;
  const n = (x: number | undefined) => formatNumber(x ?? NaN, ctx.digits);
  const { text, loss } = notationFor(ctx.notation, network);
  const sample = snapshot.samples[ctx.sampleIndex];
  const units = (layer: number) =>
    step.kind !== 'start' && 'unit' in step && step.unit !== undefined
      ? [step.unit]
      : Array.from({ length: network.layers[layer - 1]?.biases.length ?? 0 }, (_, j) => j);
  switch (step.kind) {
    case 'start':
      return 'Nothing computed yet.';
    case 'forward': {
      const values = sample?.layers[step.layer - 1];
      return `Computed ${listed(
        units(step.layer).flatMap((j) => [
          `${text.unit('z', step.layer, j)} = ${n(values?.z[j])}`,
          `${text.unit('a', step.layer, j)} = ${n(values?.a[j])}`,
        ]),
      )}.`;
    }
    case 'loss': {
      const L = loss.text;
      const batch = snapshot.samples.length;
      return batch > 1
        ? `Computed this sample's loss ${n(sample?.loss)}; the batch loss ${L}, the mean over ${batch} samples, is ${n(snapshot.loss)}.`
        : `Computed the loss ${L} = ${n(snapshot.loss)}.`;
    }
    case 'outputDelta':
    case 'hiddenDelta': {
      const values = sample?.layers[step.layer - 1];
      return `Computed ${listed(
        units(step.layer).map(
          (j) => `${text.unit('delta', step.layer, j)} = ${n(values?.delta[j])}`,
        ),
      )}.`;
    }
    case 'gradients': {
      const grads = snapshot.grads[step.layer - 1];
      const L = loss.text;
      const nPrev =
        step.layer === 1 ? network.inputSize : (network.layers[step.layer - 2]?.biases.length ?? 0);
      // Only the named ones are written out (a layer of 16 has 272 of them).
      const js = units(step.layer);
      const items: string[] = [];
      for (const j of js) {
        for (let i = 0; i <= nPrev && items.length <= MAX_LISTED; i++) {
          items.push(
            i < nPrev
              ? `∂${L}/∂${text.weight(step.layer, i, j)} = ${n(grads?.dW[i]?.[j])}`
              : `∂${L}/∂${text.bias(step.layer, j)} = ${n(grads?.db[j])}`,
          );
        }
      }
      return `Computed ${listed(items, js.length * (nPrev + 1))}.`;
    }
    case 'update': {
      const after = ctx.updated;
      const what =
        ctx.trainBiases === false
          ? 'every weight (the biases are frozen)'
          : 'every weight and bias';
      return after
        ? `Applied gradient descent to ${what}; the loss went from ${n(snapshot.loss)} to ${n(after.loss)}.`
        : `Applied gradient descent to ${what}.`;
    }
  }
}
