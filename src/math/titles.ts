import { OPTIMIZER_REGISTRY, SGD, type Network, type Optimizer, type PassStep } from '../engine';
import type { NotationId } from './vocabulary';
import { activationName } from './labels';
import { lossName } from './loss';
import { notationFor } from './notations';

/** Plain text for the phase indicator and the screen-reader live region. */

const unitPart = (unit: number | undefined) => (unit === undefined ? '' : `, unit ${unit + 1}`);

/** 'Forward pass — layer 1 of 2', 'Output δ — layer 2, unit 1', 'Gradient-descent update', … */
export function stepTitle(step: PassStep, network: Network, notation: NotationId): string {
  const L = network.layers.length;
  const d = notationFor(notation, network).deltaName;
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

/** One plain sentence saying what the step computes. */
export function stepDescription(
  step: PassStep,
  network: Network,
  notation: NotationId,
  trainBiases = true,
  optimizer: Optimizer = SGD,
): string {
  const L = network.layers.length;
  const n = notationFor(notation, network);
  const d = n.deltaName;
  const loss = n.loss.text;
  const words = (layer: number) => n.phrases(layer);
  const which = (unit: number | undefined, layer: number) =>
    unit === undefined ? `every unit of layer ${layer}` : `unit ${unit + 1} of layer ${layer}`;
  switch (step.kind) {
    case 'start':
      return `Nothing is computed yet: step forward to start the forward pass at layer 1 of ${L}.`;
    case 'forward': {
      const w = words(step.layer);
      const activation = network.layers[step.layer - 1]?.activation;
      const f = activation ? activationName(activation) : 'the activation';
      const input = step.layer === 1 ? 'the inputs' : `the activations of layer ${step.layer - 1}`;
      if (n.vectors === 'row') {
        return `For ${which(step.unit, step.layer)}, the row ${w.a} = ${w.f}(${w.z}): ${input} times the weights plus ${w.bias}, through ${w.f} = ${f}.`;
      }
      const own = n.activationFunction?.text;
      return `For ${which(step.unit, step.layer)}, the weighted sum ${w.z} of ${input} plus ${w.bias}, then the activation ${w.a} = ${own ?? f}(${w.z})${own ? ` with ${own} = ${f}` : ''}.`;
    }
    case 'loss':
      return `The loss ${loss} (${lossName(network.loss)}) compares the output of layer ${L} with the target; over several samples it is their mean.`;
    case 'outputDelta': {
      const w = words(step.layer);
      if (n.backward === 'links') {
        return `For ${which(step.unit, step.layer)}, link by link: ∂${loss}/∂a, the cost's derivative, then ∂${loss}/∂z = ∂a/∂z · ∂${loss}/∂a, the derivative of ${w.f} times it.`;
      }
      // A compound weighted input (x₀W₁ + b₁) is parenthesized after the ∂.
      const z = w.z.includes(' ') ? `(${w.z})` : w.z;
      return `For ${which(step.unit, step.layer)}, the error ${d} = ∂${loss}/∂${z}: the loss's derivative times the derivative of ${w.f}.`;
    }
    case 'hiddenDelta': {
      const w = words(step.layer);
      if (n.backward === 'links') {
        return `For ${which(step.unit, step.layer)}, ∂${loss}/∂a sent back from layer ${step.layer + 1}: for each unit there, ∂z/∂a · ∂a/∂z · ∂${loss}/∂a (summed over its units), then ∂${loss}/∂z = ∂a/∂z · ∂${loss}/∂a.`;
      }
      return `For ${which(step.unit, step.layer)}, the error ${d} sent back from layer ${step.layer + 1}: the weighted sum of its ${d} values times the derivative of ${w.f} (the multivariable chain rule).`;
    }
    case 'gradients': {
      const w = words(step.layer);
      if (n.backward === 'links') {
        return `For ${which(step.unit, step.layer)}, the gradient of each incoming weight, ∂${loss}/∂w = ∂z/∂w · ∂a/∂z · ∂${loss}/∂a = (incoming activation) × (derivative of the activation) × ∂${loss}/∂a, and of the bias, with ∂z/∂b = 1; with several samples, the mean over the batch.`;
      }
      return `For ${which(step.unit, step.layer)}, the gradient of each incoming weight, ∂${loss}/∂w = (incoming activation) × ${d}, and of the bias, ∂${loss}/∂${w.biasName} = ${d}; with several samples, the mean over the batch.`;
    }
    case 'update':
      if (optimizer.kind !== 'sgd') {
        const rule = {
          momentum: `v ← μv + ∂${loss}/∂w, then w ← w − ${n.learningRate.text} × ${optimizer.kind === 'momentum' && optimizer.nesterov ? `(∂${loss}/∂w + μv), Nesterov's look-ahead` : 'v'}`,
          rmsprop: `v ← ρv + (1 − ρ)(∂${loss}/∂w)², then w ← w − ${n.learningRate.text} × ∂${loss}/∂w / (√v + ε)`,
          adam: `m and v, running means of ∂${loss}/∂w and its square, corrected for starting at 0 (m̂, v̂), then w ← w − ${n.learningRate.text} × m̂ / (√v̂ + ε)`,
        }[optimizer.kind];
        return `${OPTIMIZER_REGISTRY[optimizer.kind].name}: every weight ${trainBiases ? 'and bias ' : ''}moves by the optimizer's rule, ${rule}; its state carries to the next pass, and the loss is computed again.${trainBiases ? '' : ' The biases are frozen ("Train biases" is off): they keep their values.'}`;
      }
      return `Gradient descent: every weight ${trainBiases ? 'and bias ' : ''}moves against its gradient, w ← w − ${n.learningRate.text} × ∂${loss}/∂w, and the loss is computed again.${trainBiases ? '' : ' The biases are frozen ("Train biases" is off): they keep their values.'}`;
  }
}
