import { applyGradients, type Network, type PassStep } from '../engine';
import type { PracticeContext, Quantity, QuantityKind, Question } from './types';

/**
 * The numbers a step of the pass computes, as questions in pass order: a forward step, z then a of
 * each unit; the loss; each δ; a gradient step, each ∂L/∂w into the unit then its ∂L/∂b; the
 * update, each new weight of a unit then its bias (the biases only when they train), output layer
 * first as the equations list them. Only the kinds `asked` are questions.
 */

/** A quantity's stable name in saved answers and in the set of hidden values: 'z:1:0', 'dW:2:0:1'. */
export function questionKey(q: Quantity): string {
  switch (q.kind) {
    case 'loss':
      return 'loss';
    case 'dW':
    case 'w':
      return `${q.kind}:${q.layer}:${q.from}:${q.to}`;
    default:
      return `${q.kind}:${q.layer}:${q.unit}`;
  }
}

/**
 * A question's key in the saved answers: z, a and δ are the shown sample's, so theirs names the
 * sample too ('z:1:0@1', sample index 0-based); the loss, the gradients and the update are the
 * batch's, one answer whichever sample is shown ('dW:2:0:1').
 */
export function answerKey(q: Quantity, sampleIndex: number): string {
  const key = questionKey(q);
  return q.kind === 'z' || q.kind === 'a' || q.kind === 'delta' ? `${key}@${sampleIndex}` : key;
}

/** The network after this pass's update step (by the optimizer, from its state). */
export function updatedNetwork(ctx: PracticeContext): Network {
  return applyGradients(ctx.network, ctx.snapshot.grads, ctx.learningRate, {
    trainBiases: ctx.trainBiases,
    optimizer: ctx.optimizer,
    state: ctx.optimizerState,
  });
}

/** The true value of a quantity in this pass; `update` is the network after the update step. */
export function quantityValue(q: Quantity, ctx: PracticeContext, update?: Network): number {
  const { snapshot } = ctx;
  switch (q.kind) {
    case 'z':
    case 'a':
    case 'delta':
      return snapshot.samples[ctx.sampleIndex]?.layers[q.layer - 1]?.[q.kind][q.unit] ?? NaN;
    case 'loss':
      return snapshot.loss;
    case 'dW':
      return snapshot.grads[q.layer - 1]?.dW[q.from]?.[q.to] ?? NaN;
    case 'db':
      return snapshot.grads[q.layer - 1]?.db[q.unit] ?? NaN;
    case 'w':
      return (update ?? updatedNetwork(ctx)).layers[q.layer - 1]?.weights[q.from]?.[q.to] ?? NaN;
    case 'b':
      return (update ?? updatedNetwork(ctx)).layers[q.layer - 1]?.biases[q.unit] ?? NaN;
  }
}

const unitsOf = (network: Network, layer: number) =>
  layer === 0 ? network.inputSize : (network.layers[layer - 1]?.biases.length ?? 0);

/** The units a step covers: the one it names, or every unit of its layer. */
function stepUnits(network: Network, layer: number, unit: number | undefined): number[] {
  if (unit !== undefined) return [unit];
  return Array.from({ length: unitsOf(network, layer) }, (_, j) => j);
}

/** ∂L/∂w of every weight into unit j, then ∂L/∂b_j (or, for the update, w then b). */
function parametersInto(
  network: Network,
  layer: number,
  j: number,
  weight: 'dW' | 'w',
  bias: 'db' | 'b' | null,
): Quantity[] {
  const weights = Array.from({ length: unitsOf(network, layer - 1) }, (_, i): Quantity => ({
    kind: weight,
    layer,
    from: i,
    to: j,
  }));
  return bias ? [...weights, { kind: bias, layer, unit: j }] : weights;
}

/** Every quantity a step computes, in pass order, whether asked or not. */
export function quantitiesOfStep(step: PassStep, ctx: PracticeContext): Quantity[] {
  const { network } = ctx;
  switch (step.kind) {
    case 'start':
      return [];
    case 'forward':
      return stepUnits(network, step.layer, step.unit).flatMap((unit): Quantity[] => [
        { kind: 'z', layer: step.layer, unit },
        { kind: 'a', layer: step.layer, unit },
      ]);
    case 'loss':
      return [{ kind: 'loss' }];
    case 'outputDelta':
    case 'hiddenDelta':
      return stepUnits(network, step.layer, step.unit).map((unit) => ({
        kind: 'delta',
        layer: step.layer,
        unit,
      }));
    case 'gradients':
      return stepUnits(network, step.layer, step.unit).flatMap((j) =>
        parametersInto(network, step.layer, j, 'dW', 'db'),
      );
    case 'update': {
      const quantities: Quantity[] = [];
      for (let layer = network.layers.length; layer >= 1; layer--) {
        for (const j of stepUnits(network, layer, undefined)) {
          quantities.push(...parametersInto(network, layer, j, 'w', ctx.trainBiases ? 'b' : null));
        }
      }
      return quantities;
    }
  }
}

/**
 * The questions a step asks: its quantities of the kinds asked, in pass order, each with its key
 * and true value. `update` is the network after the update step, when the caller has it already.
 */
export function questionsOfStep(
  step: PassStep,
  ctx: PracticeContext,
  asked: readonly QuantityKind[],
  update?: Network,
): Question[] {
  const quantities = quantitiesOfStep(step, ctx).filter((q) => asked.includes(q.kind));
  let after = update;
  if (!after && quantities.some((q) => q.kind === 'w' || q.kind === 'b')) {
    after = updatedNetwork(ctx);
  }
  return quantities.map((quantity) => ({
    quantity,
    key: answerKey(quantity, ctx.sampleIndex),
    value: quantityValue(quantity, ctx, after),
  }));
}
