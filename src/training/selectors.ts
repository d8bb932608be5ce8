import {
  generateDataset,
  prepareData,
  type Dataset,
  type PreparedData,
  columnLabel,
  type Reading,
  type ScalingId,
  type TableReading,
  type Task,
} from '../data';
import { realText } from '../data/realDatasets';
import {
  initializeNetwork,
  lossProblem,
  samplesOf,
  SQUARED_LOSSES,
  validateBatch,
  type AccuracyRule,
  type Activation,
  type Loss,
  type Network,
  type Penalty,
  type Sample,
} from '../engine';
import { LIMITS, TRAINING_SIZES } from '../store/limits';
import { readingFor, tableFor } from './tables';
import type { TrainingChoices } from './choices';

/**
 * What training derives from the learner's choices — the points, the split, the network's shape —
 * memoized on the choices it depends on, never stored.
 */

/**
 * compute(key), kept for the two latest keys: the page can work out the data a choice will need
 * (in its own task, tableClient.ts) while the views still read the current one.
 */
function lastValue<K, V>(compute: (key: K) => V, same: (a: K, b: K) => boolean) {
  let cached: { key: K; value: V }[] = [];
  const remember = (key: K, value: V) => {
    cached = [{ key, value }, ...cached.filter((entry) => !same(entry.key, key)).slice(0, 1)];
  };
  const get = (key: K): V => {
    const hit = cached.find((entry) => same(entry.key, key));
    if (hit) return hit.value;
    const value = compute(key);
    remember(key, value);
    return value;
  };
  /** compute(key) known already, worked out elsewhere (the table worker): kept as computed. */
  return Object.assign(get, { remember });
}

type GeneratorKey = Pick<TrainingChoices, 'dataset' | 'count' | 'noise' | 'dataSeed'>;
const generated = lastValue(
  (c: GeneratorKey) =>
    generateDataset(c.dataset, { count: c.count, noise: c.noise, seed: c.dataSeed }),
  (a, b) =>
    a.dataset === b.dataset &&
    a.count === b.count &&
    a.noise === b.noise &&
    a.dataSeed === b.dataSeed,
);

/**
 * The text of the table in use (a dataset in the box, or the CSV); null for generated points, and
 * for a dataset in the box not loaded yet (realDatasets.ts: it is loaded before it is chosen).
 */
export function tableTextOf(c: TrainingChoices): string | null {
  if (c.source === 'real') return realText(c.real);
  if (c.source === 'csv' && c.csv) return c.csv.text;
  return null;
}

const tableReading = lastValue(
  (k: { text: string; reading: Reading }) => readingFor(k.text, k.reading),
  (a, b) => a.text === b.text && a.reading === b.reading,
);

/** The table in use read with the learner's choices (what was inferred, or why not); null: none. */
export function tableReadingOf(c: TrainingChoices): TableReading | null {
  const text = tableTextOf(c);
  return text === null ? null : tableReading({ text, reading: c.reading });
}

/** The names of the table's columns, as the learner reads them (none for generated points). */
export function tableColumnsOf(c: TrainingChoices): string[] {
  const text = tableTextOf(c);
  const table = text === null ? null : tableFor(text);
  if (!table?.ok) return [];
  return table.table.columns.map((_, i) => columnLabel(table.table, i));
}

/** The raw points: the table in use, or the generated dataset. */
export function datasetOf(c: TrainingChoices): Dataset {
  const read = tableReadingOf(c);
  return read?.ok ? read.dataset : generated(c);
}

/** How inputs are scaled: as the learner chose for a table, as they are for generated points. */
export function scalingOf(c: TrainingChoices): ScalingId {
  return c.source === 'generated' ? 'raw' : c.scaling;
}

type PrepareKey = { dataset: Dataset; scaling: ScalingId } & Pick<
  TrainingChoices,
  'features' | 'trainFraction' | 'dataSeed'
>;
const prepared = lastValue(
  (k: PrepareKey) => prepareData(k.dataset, k.features, k.trainFraction, k.dataSeed, k.scaling),
  (a, b) =>
    a.dataset === b.dataset &&
    a.scaling === b.scaling &&
    a.features.join() === b.features.join() &&
    a.trainFraction === b.trainFraction &&
    a.dataSeed === b.dataSeed,
);

/** A split worked out elsewhere (the table worker), kept as though preparedOf had computed it. */
export function rememberPrepared(key: PrepareKey, value: PreparedData): void {
  prepared.remember(key, value);
}

/** Features applied, split into training and test sets. */
export function preparedOf(c: TrainingChoices): PreparedData {
  return prepared({
    dataset: datasetOf(c),
    scaling: scalingOf(c),
    features: c.features,
    trainFraction: c.trainFraction,
    dataSeed: c.dataSeed,
  });
}

/**
 * The classes' names, in the order of the network's outputs: the table's (binary: of 0, then of 1),
 * the generated points' class names, or 0 and 1 for generated two-class points; null: regression.
 */
export function classNamesOf(c: TrainingChoices): string[] | null {
  const data = preparedOf(c);
  if (data.task === 'regression') return null;
  const read = tableReadingOf(c);
  if (read?.ok && read.classes) return read.classes;
  return data.task === 'binary' ? BINARY_CLASSES : data.targetNames;
}

/** Generated two-class points' labels (one array, so a selector returns the same each time). */
const BINARY_CLASSES = ['0', '1'];

/** Where the dataset's point `index` is: its line in the file (a table's), or its number. */
export function pointPlace(dataset: Dataset, index: number): string {
  const line = dataset.lines?.[index];
  return line === undefined ? `point ${index + 1}` : `line ${line}`;
}

export function penaltyOfChoices(c: TrainingChoices): Penalty {
  return { kind: c.regularization, rate: c.regularizationRate };
}

export function accuracyRule(task: Task): AccuracyRule {
  return task === 'binary' ? 'threshold' : task === 'multiclass' ? 'argmax' : 'none';
}

/** The output layer a task asks for. */
export function outputFor(data: PreparedData): {
  units: number;
  activation: Activation;
  loss: Loss;
} {
  const units = data.targetNames.length;
  if (data.task === 'binary') return { units, activation: 'sigmoid', loss: 'binaryCrossEntropy' };
  if (data.task === 'multiclass') return { units, activation: 'softmax', loss: 'crossEntropy' };
  return { units, activation: 'linear', loss: 'mse' };
}

/** Why this network cannot train on this data as it is, or null. */
export function fitProblem(network: Network, data: PreparedData): string | null {
  const inputs = data.inputNames.length;
  if (network.inputSize !== inputs) {
    return `The network takes ${network.inputSize} input${network.inputSize === 1 ? '' : 's'}; the data has ${inputs}.`;
  }
  const output = network.layers[network.layers.length - 1];
  if (!output) return 'The network has no layers.';
  if (output.biases.length !== data.targetNames.length) {
    const targets = data.targetNames.length;
    return `The network has ${output.biases.length} output${output.biases.length === 1 ? '' : 's'}; the data has ${targets} target${targets === 1 ? '' : 's'}.`;
  }
  const problem = lossProblem(network.loss, output.activation);
  if (problem) return problem;
  if (data.task === 'binary' && output.activation !== 'sigmoid') {
    return 'Two classes need a sigmoid output (a probability).';
  }
  if (data.task === 'multiclass' && output.activation !== 'softmax') {
    return 'Several classes need a softmax output.';
  }
  if (data.task === 'regression' && !SQUARED_LOSSES.includes(network.loss)) {
    return 'Regression needs a squared-error loss.';
  }
  try {
    validateBatch(network, [...samplesOf(data.train, 0, 1), ...samplesOf(data.test, 0, 1)]);
  } catch (error) {
    return (error as Error).message;
  }
  return null;
}

/** What the learner is told when a network was fitted to new data (fittedNetwork): why, and how to undo it. */
export function fittedNotice(
  problem: string,
  network: Network,
  data: PreparedData,
  seed: number,
): string {
  const inputs = `${network.inputSize} input${network.inputSize === 1 ? '' : 's'}`;
  const task = data.task === 'regression' ? 'regression' : 'classification';
  return `${problem} So the network was set up for this data: ${inputs}, the same hidden layers, and an output for ${task}, with new weights (seed ${seed}). Undo (Ctrl+Z) brings back the data and network before.`;
}

/** The network's hidden layers with this data's input and output, freshly initialized. */
export function fittedNetwork(network: Network, data: PreparedData, seed: number): Network {
  const hidden = network.layers.slice(0, -1).map((layer) => ({
    units: layer.biases.length,
    activation: layer.activation === 'softmax' ? ('tanh' as const) : layer.activation,
  }));
  const output = outputFor(data);
  return initializeNetwork(
    {
      inputSize: Math.min(data.inputNames.length, TRAINING_SIZES.maxInputs),
      loss: output.loss,
      layers: [...hidden, { units: output.units, activation: output.activation }],
    },
    seed,
  );
}

/**
 * The Train tab's first network: one hidden layer of 8 tanh units, η = 0.1. With every other
 * default it reaches 99 % test accuracy on the circle and over 95 % on each dataset in the box
 * within 50 epochs (tests/unit/training/defaults.test.ts); the stepper's 2-2-1 stopped near 84 %.
 */
export const DEFAULT_TRAINING_NETWORK = {
  hidden: [{ units: 8, activation: 'tanh' }] as { units: number; activation: Activation }[],
  learningRate: 0.1,
};

/** The default network with this data's input and output. */
export function defaultTrainingNetwork(data: PreparedData, seed: number): Network {
  const output = outputFor(data);
  return initializeNetwork(
    {
      inputSize: data.inputNames.length,
      loss: output.loss,
      layers: [
        ...DEFAULT_TRAINING_NETWORK.hidden,
        { units: output.units, activation: output.activation },
      ],
    },
    seed,
  );
}

/** The same shape with the weights the seed gives: what Reset returns to. */
export function reinitialized(network: Network, seed: number): Network {
  return initializeNetwork(
    {
      inputSize: network.inputSize,
      loss: network.loss,
      layers: network.layers.map((l) => ({ units: l.biases.length, activation: l.activation })),
    },
    seed,
  );
}

/** The first mini-batch of the training set, small enough for the stepper. */
export function stepperSamples(data: PreparedData, batchSize: number): Sample[] {
  return samplesOf(data.train, 0, Math.max(1, Math.min(batchSize, LIMITS.maxSamples)));
}
