import {
  ACTIVATIONS,
  LOSSES,
  SGD,
  freshState,
  validateOptimizer,
  type Optimizer,
  type Activation,
  type Loss,
  type Network,
  type Sample,
} from '../engine';
import { findExample, type WorkedExample } from './examples';
import type { Proposal } from './gate';
import { LIMITS, checkValue } from './limits';
import {
  fitSamples,
  layerSizes,
  withActivation,
  withHiddenLayer,
  withUnits,
  withoutHiddenLayer,
} from './shape';
import {
  DEFAULT_PREDICT,
  DEFAULT_VIEW,
  newPass,
  startOver,
  type LearnerState,
  type Parameter,
} from './types';

/**
 * Each edit of the learner's work as a pure function: the state and the edit's arguments in, what
 * it proposes out — or, when it cannot be done, the reason in the learner's words. Proposals then
 * pass the one gate (`admit`), which checks a new network and batch with the engine. Fresh weights
 * come from the seed given, so an edit's result depends on its arguments only.
 */

export function stateFromExample(example: WorkedExample): LearnerState {
  return {
    network: example.network,
    samples: example.samples,
    sampleIndex: 0,
    learningRate: example.learningRate,
    trainBiases: example.trainBiases,
    stepIndex: 0,
    granularity: 'layer',
    selection: null,
    notation: example.notation,
    view: DEFAULT_VIEW,
    exampleId: example.id,
    exercise: null,
    optimizer: SGD,
    ...startOver(SGD),
    predict: DEFAULT_PREDICT,
    picture: null,
  };
}

type Edit<Args extends unknown[]> = (state: LearnerState, ...args: Args) => Proposal | string;

function withParameter(network: Network, parameter: Parameter, value: number): Network | string {
  if (parameter.kind !== 'weight' && parameter.kind !== 'bias') return network;
  const target = network.layers[parameter.layer - 1];
  if (!target) return `There is no layer ${parameter.layer}.`;
  const layer =
    parameter.kind === 'weight'
      ? {
          ...target,
          weights: target.weights.map((row, i) =>
            i === parameter.from ? row.map((w, j) => (j === parameter.to ? value : w)) : row,
          ),
        }
      : {
          ...target,
          biases: target.biases.map((b, j) => (j === parameter.unit ? value : b)),
        };
  return {
    ...network,
    layers: network.layers.map((l, index) => (index === parameter.layer - 1 ? layer : l)),
  };
}

export const setParameter: Edit<[parameter: Parameter, value: number]> = (
  { network, samples },
  parameter,
  value,
) => {
  const problem = checkValue(value, -LIMITS.maxAbsValue, LIMITS.maxAbsValue);
  if (problem) return problem;
  if (parameter.kind === 'weight' || parameter.kind === 'bias') {
    const next = withParameter(network, parameter, value);
    return typeof next === 'string' ? next : { network: next, samples };
  }
  const key = parameter.kind === 'input' ? 'x' : 'y';
  const next = samples.map((sample, s) =>
    s === parameter.sample
      ? { ...sample, [key]: sample[key].map((v, i) => (i === parameter.index ? value : v)) }
      : sample,
  );
  return { network, samples: next };
};

export const setLearningRate: Edit<[value: number]> = (state, value) => {
  const problem = checkValue(value, 0, LIMITS.maxLearningRate);
  if (problem) return problem;
  return value === state.learningRate ? {} : { learningRate: value };
};

/**
 * Another optimizer, or other hyper-parameters. Another kind starts its state at zero (a new
 * torch.optim optimizer); new hyper-parameters of the same kind keep it, as changing a
 * param_group's do. Momentum and Nesterov share theirs.
 */
export const setOptimizer: Edit<[optimizer: Optimizer]> = (state, optimizer) => {
  try {
    validateOptimizer(optimizer);
  } catch (error) {
    return (error as Error).message;
  }
  if (JSON.stringify(optimizer) === JSON.stringify(state.optimizer)) return {};
  return optimizer.kind === state.optimizer.kind
    ? { optimizer }
    : { optimizer, optimizerState: freshState(optimizer) };
};

export const setTrainBiases: Edit<[on: boolean]> = (state, on) => {
  if (typeof on !== 'boolean') return '"Train biases" is either on or off.';
  return on === state.trainBiases ? {} : { trainBiases: on };
};

export const setActivation: Edit<[layer: number, activation: Activation]> = (
  { network, samples },
  layer,
  activation,
) => {
  if (!ACTIVATIONS.includes(activation)) return `Unknown activation "${String(activation)}".`;
  if (layer < 1 || layer > network.layers.length) return `There is no layer ${layer}.`;
  return { network: withActivation(network, layer, activation), samples };
};

export const setLoss: Edit<[loss: Loss]> = ({ network, samples }, loss) => {
  if (!LOSSES.includes(loss)) return `Unknown loss "${String(loss)}".`;
  return { network: { ...network, loss }, samples };
};

export const setUnits: Edit<[layer: number, units: number, seed: number]> = (
  { network, samples },
  layer,
  units,
  seed,
) => {
  const L = network.layers.length;
  if (!Number.isInteger(layer) || layer < 0 || layer > L) return `There is no layer ${layer}.`;
  const max = layer === 0 ? LIMITS.maxInputs : layer === L ? LIMITS.maxOutputs : LIMITS.maxUnits;
  if (!Number.isInteger(units) || units < 1 || units > max) {
    return `A ${layer === 0 ? 'input' : layer === L ? 'output' : 'hidden'} layer has 1 to ${max} units.`;
  }
  const next = withUnits(network, layer, units, seed);
  return { network: next, samples: fitSamples(next, samples) };
};

export const addHiddenLayer: Edit<[position: number, seed: number]> = (
  { network, samples },
  position,
  seed,
) => {
  const L = network.layers.length;
  if (L - 1 >= LIMITS.maxHiddenLayers) return `At most ${LIMITS.maxHiddenLayers} hidden layers.`;
  if (!Number.isInteger(position) || position < 1 || position > L)
    return `There is no layer ${position}.`;
  const units = layerSizes(network)[position - 1] ?? 2;
  // The new layer takes the activation of the hidden layer below it (or of the first one).
  const activation =
    network.layers[position - 2]?.activation ?? (L > 1 ? network.layers[0]?.activation : 'sigmoid');
  const hidden = activation === 'softmax' || activation === undefined ? 'sigmoid' : activation;
  return {
    network: withHiddenLayer(network, position, Math.min(units, LIMITS.maxUnits), hidden, seed),
    samples,
  };
};

export const removeHiddenLayer: Edit<[layer: number, seed: number]> = (
  { network, samples },
  layer,
  seed,
) => {
  const L = network.layers.length;
  if (!Number.isInteger(layer) || layer < 1 || layer >= L)
    return `Layer ${layer} is not a hidden layer.`;
  return { network: withoutHiddenLayer(network, layer, seed), samples };
};

/** A copy of the shown sample, added at the end and shown. */
export const addSample: Edit<[]> = ({ network, samples, sampleIndex }) => {
  if (samples.length >= LIMITS.maxSamples)
    return `At most ${LIMITS.maxSamples} samples in a batch.`;
  const copy = samples[sampleIndex] ?? samples[0];
  if (!copy) return 'There is no sample to copy.';
  const next = [...samples, { x: copy.x.slice(), y: copy.y.slice() }];
  return { network, samples: next, sampleIndex: next.length - 1 };
};

export const removeSample: Edit<[index: number]> = ({ network, samples, sampleIndex }, index) => {
  if (samples.length <= 1) return 'A batch needs at least one sample.';
  if (!Number.isInteger(index) || index < 0 || index >= samples.length)
    return `There is no sample ${index + 1}.`;
  const next = samples.filter((_, s) => s !== index);
  return { network, samples: next, sampleIndex: Math.min(sampleIndex, next.length - 1) };
};

/** What a network brought from the other tab may carry with it: its optimizer and state too. */
export type Carried = Partial<
  Pick<LearnerState, 'learningRate' | 'trainBiases' | 'picture' | 'optimizer' | 'optimizerState'>
>;

/**
 * A network from elsewhere (the other tab), perhaps with its batch, η, "Train biases", optimizer
 * and the optimizer's state (where training left it): the pass starts again, with no history.
 */
export const setNetwork: Edit<[network: Network, samples?: Sample[], carried?: Carried]> = (
  state,
  network,
  samples,
  carried = {},
) => {
  if (carried.learningRate !== undefined) {
    const problem = checkValue(carried.learningRate, 0, LIMITS.maxLearningRate);
    if (problem) return problem;
  }
  if (samples && samples.length > LIMITS.maxSamples)
    return `At most ${LIMITS.maxSamples} samples in a batch.`;
  return {
    network,
    samples: samples ?? state.samples,
    stepIndex: 0,
    selection: null,
    ...startOver(carried.optimizer ?? state.optimizer),
    exampleId: null,
    exercise: null,
    predict: newPass(state.predict),
    ...(samples ? { sampleIndex: 0 } : {}),
    // The inputs are a picture only when the network comes with one (a drawing, a digit).
    picture: null,
    ...carried,
  };
};

/**
 * A worked example, at the start of its pass; the view options (and hidden panels) stay, and so do
 * predict first's choices and score.
 */
export const loadExample: Edit<[id: string]> = (state, id) => {
  const example = findExample(id);
  if (!example) return `There is no example "${id}".`;
  return {
    ...stateFromExample(example),
    view: { ...state.view, hidden: state.view.hidden },
    predict: newPass(state.predict),
  };
};
