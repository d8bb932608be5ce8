import type { Network, PassStep } from '../engine';
import type { NotationId } from './vocabulary';
import { activationName, deltaName, learningRateLabel, lossLabel, subscript } from './labels';
import { lossName } from './loss';

/** Plain text for the phase indicator and the screen-reader live region. */

const unitPart = (unit: number | undefined) => (unit === undefined ? '' : `, unit ${unit + 1}`);

/** 'Forward pass — layer 1 of 2', 'Output δ — layer 2, unit 1', 'Gradient-descent update', … */
export function stepTitle(step: PassStep, network: Network, notation: NotationId): string {
  const L = network.layers.length;
  const d = deltaName(notation);
  switch (step.kind) {
    case 'start':
      return 'Start of pass';
    case 'forward':
      return step.unit === undefined
        ? `Forward pass — layer ${step.layer} of ${L}`
        : `Forward pass — layer ${step.layer}${unitPart(step.unit)}`;
    case 'loss':
      return 'Loss';
    case 'outputDelta':
      return `Output ${d} — layer ${step.layer}${unitPart(step.unit)}`;
    case 'hiddenDelta':
      return `Hidden ${d} — layer ${step.layer}${unitPart(step.unit)}`;
    case 'gradients':
      return `Gradients — layer ${step.layer}${unitPart(step.unit)}`;
    case 'update':
      return 'Gradient-descent update';
  }
}

/** The symbols of layer l as a screen reader should meet them in each notation. */
function words(notation: NotationId, layer: number) {
  switch (notation) {
    case 'standard':
      return { z: 'z', a: 'a', f: 'the activation function', b: 'the bias b' };
    case 'lfd':
      return { z: 's', a: 'x', f: 'θ', b: 'the bias weight w₀ⱼ (times x₀ = 1)' };
    case 'rowVector': {
      const [prev, here] = [subscript(String(layer - 1)), subscript(String(layer))];
      return { z: `x${prev}W${here} + b${here}`, a: `x${here}`, f: 'f', b: `the bias b${here}` };
    }
  }
}

/** One plain sentence saying what the step computes. */
export function stepDescription(
  step: PassStep,
  network: Network,
  notation: NotationId,
  trainBiases = true,
): string {
  const L = network.layers.length;
  const d = deltaName(notation);
  const loss = lossLabel(notation);
  const which = (unit: number | undefined, layer: number) =>
    unit === undefined ? `every unit of layer ${layer}` : `unit ${unit + 1} of layer ${layer}`;
  switch (step.kind) {
    case 'start':
      return `Nothing is computed yet: step forward to start the forward pass at layer 1 of ${L}.`;
    case 'forward': {
      const w = words(notation, step.layer);
      const activation = network.layers[step.layer - 1]?.activation;
      const f = activation ? activationName(activation) : 'the activation';
      const input = step.layer === 1 ? 'the inputs' : `the activations of layer ${step.layer - 1}`;
      if (notation === 'rowVector') {
        return `For ${which(step.unit, step.layer)}, the row ${w.a} = f(${w.z}): ${input} times the weights plus ${w.b}, through f = ${f}.`;
      }
      return `For ${which(step.unit, step.layer)}, the weighted sum ${w.z} of ${input} plus ${w.b}, then the activation ${w.a} = ${notation === 'standard' ? f : w.f}(${w.z})${notation === 'standard' ? '' : ` with ${w.f} = ${f}`}.`;
    }
    case 'loss':
      return `The loss ${loss} (${lossName(network.loss)}) compares the output of layer ${L} with the target; over several samples it is their mean.`;
    case 'outputDelta': {
      const w = words(notation, step.layer);
      const z = notation === 'rowVector' ? `(${w.z})` : w.z;
      return `For ${which(step.unit, step.layer)}, the error ${d} = ∂${loss}/∂${z}: the loss's derivative times the derivative of ${w.f}.`;
    }
    case 'hiddenDelta': {
      const w = words(notation, step.layer);
      return `For ${which(step.unit, step.layer)}, the error ${d} sent back from layer ${step.layer + 1}: the weighted sum of its ${d} values times the derivative of ${w.f} (the multivariable chain rule).`;
    }
    case 'gradients': {
      const bias = notation === 'lfd' ? 'w₀ⱼ' : 'b';
      return `For ${which(step.unit, step.layer)}, the gradient of each incoming weight, ∂${loss}/∂w = (incoming activation) × ${d}, and of the bias, ∂${loss}/∂${bias} = ${d}; with several samples, the mean over the batch.`;
    }
    case 'update':
      return `Gradient descent: every weight ${trainBiases ? 'and bias ' : ''}moves against its gradient, w ← w − ${learningRateLabel(notation)} × ∂${loss}/∂w, and the loss is computed again.${trainBiases ? '' : ' The biases are frozen ("Train biases" is off): they keep their values.'}`;
  }
}
