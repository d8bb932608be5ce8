import { availableFeatures, DATASETS, type FeatureId, type PictureSize } from '../data';
import { ACTIVATION_REGISTRY, LOSS_REGISTRY, type Network, type Sample } from '../engine';
import type { AppStore } from '../store/appStore';
import { LIMITS, STEPPER_SIZES } from '../store/limits';
import { layerSizes } from '../store/shape';
import type { TrainingChoices } from './choices';
import type { TrainingController } from './controller';
import { NO_PROGRESS, type TrainingHistory } from './history';
import type { RunStore } from './runtime';
import { fitProblem, fittedNetwork, preparedOf, stepperSamples } from './selectors';
import type { TrainingStore } from './store';

/** "Train this network": what the stepper's network needs to train, and what to tell the learner. */
export interface TrainPlan {
  /** Data choices to change so the network can train as it is (empty: none). */
  choices: Partial<TrainingChoices>;
  network: Network;
  notice: string;
}

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

/** The network in words: "2 → 2 → 2, sigmoid output, half squared error ½Σ(a−y)²". */
export function describeNetwork(network: Network): string {
  const output = network.layers[network.layers.length - 1];
  const activation = output ? ACTIVATION_REGISTRY[output.activation].label : '';
  return `${layerSizes(network).join(' → ')}, ${activation} output, ${LOSS_REGISTRY[network.loss].label}`;
}

function dataName(c: TrainingChoices): string {
  if (c.source === 'csv' && c.csv) return `the CSV data (${c.csv.name})`;
  return DATASETS.find((d) => d.kind === c.dataset)?.name ?? c.dataset;
}

/** The features giving `inputs` network inputs: the chosen ones if they do, else the first ones. */
function featuresGiving(rawInputs: number, inputs: number, chosen: FeatureId[]): FeatureId[] {
  const available = availableFeatures(rawInputs).map((f) => f.id);
  const kept = available.filter((id) => chosen.includes(id));
  return kept.length === inputs ? kept : available.slice(0, inputs);
}

/** Data choices on which the network trains as it is: the current data first, then the others. */
function dataFor(network: Network, c: TrainingChoices): Partial<TrainingChoices> | null {
  const kinds = [c.dataset, ...DATASETS.map((d) => d.kind).filter((k) => k !== c.dataset)];
  for (const dataset of kinds) {
    const generated: TrainingChoices = { ...c, source: 'generated', dataset };
    const raw = preparedOf(generated).rawInputs;
    const features = featuresGiving(raw, network.inputSize, c.features);
    const candidate = { ...generated, features };
    if (!fitProblem(network, preparedOf(candidate)))
      return { source: 'generated', dataset, features };
  }
  return null;
}

/** The fitted network, keeping each layer of the original whose shape and activation still fit. */
function keepWhatFits(network: Network, fitted: Network): { network: Network; kept: number } {
  let kept = 0;
  const layers = fitted.layers.map((layer, l) => {
    const original = network.layers[l];
    const same =
      original &&
      original.activation === layer.activation &&
      original.biases.length === layer.biases.length &&
      original.weights.length === layer.weights.length &&
      original.weights[0]?.length === layer.weights[0]?.length;
    if (!same) return layer;
    kept++;
    return original;
  });
  return { network: { ...fitted, layers }, kept };
}

/**
 * How the stepper's network comes to the Train tab: as it is on the current data; else as it is on
 * data it fits (other features, another dataset), saying so; else adapted to the current data
 * (its hidden layers, the weights that still fit, an output for the data), saying why.
 */
export function planTrainThis(network: Network, c: TrainingChoices): TrainPlan {
  const described = `The stepper's network (${describeNetwork(network)})`;
  const problem = fitProblem(network, preparedOf(c));
  if (!problem) return { choices: {}, network, notice: `${described} is here to train, as it is.` };
  const data = dataFor(network, c);
  if (data) {
    const next = { ...c, ...data };
    const features = next.features.join(', ');
    return {
      choices: data,
      network,
      notice: `${described} cannot train on ${dataName(c)}: ${problem} So the data is now ${dataName(next)} with the features ${features}, and the network is here as it is.`,
    };
  }
  const fitted = keepWhatFits(network, fittedNetwork(network, preparedOf(c), c.initSeed));
  const layers = fitted.network.layers.length;
  return {
    choices: {},
    network: fitted.network,
    notice: `${described} cannot train on ${dataName(c)}, nor on any other dataset as it is: ${problem} So it is here with its hidden layers and an input and output for this data: ${describeNetwork(fitted.network)}. ${fitted.kept > 0 ? `The weights of ${plural(fitted.kept, 'layer')} of ${layers} are its own; the others are new (seed ${c.initSeed}).` : `Its weights are new (seed ${c.initSeed}).`}`,
  };
}

/** The Train tab's parts a move needs. */
export interface TrainingParts {
  bench: AppStore;
  choices: TrainingStore;
  run: RunStore;
  history: TrainingHistory;
  controller: TrainingController;
}

/**
 * "Train this network": the stepper's network (with its η and "Train biases") becomes the training
 * network, as one undo step of the Train tab, and the Train tab opens on a new run. The stepper's
 * work is not touched.
 */
export async function trainThisNetwork(stepper: AppStore, parts: TrainingParts): Promise<void> {
  const { bench, choices, run, history, controller } = parts;
  await controller.pause();
  const { network, learningRate, trainBiases } = stepper.getState();
  const plan = planTrainThis(network, choices.getState());
  let outcome: string | null = null;
  history.group(() => {
    const c = { ...choices.getState(), ...plan.choices };
    if (Object.keys(plan.choices).length > 0) choices.getState().replaceChoices(c);
    const samples = stepperSamples(preparedOf(c), c.batchSize);
    outcome = bench.getState().setNetwork(plan.network, samples, { learningRate, trainBiases });
  });
  choices.getState().setMode('train');
  if (outcome) {
    run.setState({ error: `The stepper's network could not be trained: ${outcome}` });
    return;
  }
  await controller.restart(NO_PROGRESS);
  run.setState({ notice: `${plan.notice} Undo (Ctrl+Z) brings back the training network before.` });
}

/**
 * Why the stepper cannot show this network, or null: the Train tab takes networks as wide as real
 * data (64 inputs), the stepper only its own sizes (LIMITS) — and, for one drawing
 * (`maxInputs` = STEPPER_SIZES.maxInputs), an input as wide as a picture.
 */
export function stepperProblem(
  network: Network,
  maxInputs: number = LIMITS.maxInputs,
): string | null {
  const sizes = layerSizes(network);
  const inputs = sizes[0] as number;
  const outputs = sizes[sizes.length - 1] as number;
  const widest = Math.max(0, ...sizes.slice(1, -1));
  const why =
    inputs > maxInputs
      ? `it takes ${inputs} inputs, and the stepper shows at most ${maxInputs}`
      : outputs > LIMITS.maxOutputs
        ? `it has ${outputs} outputs, and the stepper shows at most ${LIMITS.maxOutputs}`
        : widest > LIMITS.maxUnits
          ? `a hidden layer has ${widest} units, and the stepper shows at most ${LIMITS.maxUnits}`
          : null;
  if (!why) return null;
  const advice =
    maxInputs > LIMITS.maxInputs
      ? ''
      : ` It trains here; to step through a pass, train on data with at most ${LIMITS.maxInputs} inputs${inputs <= STEPPER_SIZES.maxInputs ? ', or, for a picture, draw one and step through that drawing' : ''}.`;
  return `This network (${layerSizes(network).join('–')}) cannot be stepped through: ${why}.${advice}`;
}

/**
 * "Step through this network": refused, with the reason, when the stepper cannot show it;
 * else the stepper gets it with the mini-batch training would run next (controller.stepThrough).
 */
export async function stepThroughThisNetwork(
  stepper: AppStore,
  parts: TrainingParts,
): Promise<void> {
  await parts.controller.pause();
  const problem = stepperProblem(parts.bench.getState().network);
  if (problem) {
    parts.run.setState({ error: problem });
    return;
  }
  await parts.controller.stepThrough(stepper);
}

/**
 * "Step through this drawing": the stepper gets the training network (as training left it) with
 * one sample, the learner's drawing, and the picture's size (its input layer drawn as the picture),
 * and opens; refused, with the reason, when the stepper cannot show the network.
 */
export async function stepThroughDrawing(
  stepper: AppStore,
  parts: TrainingParts,
  sample: Sample,
  picture: PictureSize,
): Promise<void> {
  await parts.controller.pause();
  const { network, learningRate, trainBiases } = parts.bench.getState();
  const problem = stepperProblem(network, STEPPER_SIZES.maxInputs);
  if (problem) {
    parts.run.setState({ error: problem });
    return;
  }
  const { width, height } = picture;
  const outcome = stepper
    .getState()
    .setNetwork(network, [sample], { learningRate, trainBiases, picture: { width, height } });
  if (outcome) {
    parts.run.setState({ error: `The drawing could not be stepped through: ${outcome}` });
    return;
  }
  parts.choices.getState().setMode('step');
}
