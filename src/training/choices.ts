import {
  DEFAULT_READING,
  type DatasetKind,
  type FeatureId,
  type Reading,
  type ScalingId,
} from '../data';
import type { RealDatasetId } from '../data/realDatasets';
import { OPTIMIZER_REGISTRY, type Optimizer, type Regularization } from '../engine';
import { DEFAULT_LANDSCAPE, type LandscapeChoice } from '../store/types';

/**
 * The lists of choices, one record per member with the words the controls show: the types, the
 * saved schema, the store's checks and the controls' options all derive from these.
 */
interface Choice<Id extends string> {
  id: Id;
  label: string;
}

/** The ids of a list of choices (for a schema enum or a check). */
export function idsOf<Id extends string>(list: readonly Choice<Id>[]): [Id, ...Id[]] {
  return list.map((choice) => choice.id) as [Id, ...Id[]];
}

/** Which view fills the page: stepping through one pass, or training. */
export const APP_MODES = [
  { id: 'step', label: 'Step through a pass' },
  { id: 'train', label: 'Train' },
] as const satisfies readonly Choice<string>[];
export type AppMode = (typeof APP_MODES)[number]['id'];

/** When training stops by itself: never, after a number of epochs, or at a training loss. */
export const STOP_KINDS = [
  { id: 'none', label: 'never (pause by hand)' },
  { id: 'epochs', label: 'after a number of epochs' },
  { id: 'loss', label: 'at a training loss' },
] as const satisfies readonly Choice<string>[];
export type StopKind = (typeof STOP_KINDS)[number]['id'];
/** Why training stopped by itself. */
export type StopReason = Exclude<StopKind, 'none'>;

export interface StopCondition {
  kind: StopKind;
  epochs: number;
  loss: number;
}

/** How much training each animation frame does while playing. */
export const TRAINING_SPEEDS = [
  { id: 'batch', label: 'one mini-batch per frame' },
  { id: 'epoch', label: 'one epoch per frame' },
  { id: 'max', label: 'as fast as possible' },
] as const satisfies readonly Choice<string>[];
export type TrainingSpeed = (typeof TRAINING_SPEEDS)[number]['id'];

/** Where the points come from: a generator, a dataset in the box, or the learner's CSV. */
export const DATA_SOURCES = ['generated', 'real', 'csv'] as const;
export type DataSource = (typeof DATA_SOURCES)[number];

/** A CSV file that was read without a problem (a bad one is never stored). */
export interface CsvSource {
  /** File name, or "pasted". */
  name: string;
  text: string;
}

/**
 * What the learner chose for training — plain data, saved with their work. The points, the split
 * and the network's input are derived from it; the network and η are the main store's.
 */
export interface TrainingChoices {
  mode: AppMode;
  source: DataSource;
  dataset: DatasetKind;
  /** The dataset in the box (source 'real'). */
  real: RealDatasetId;
  /** 0 to 0.5. */
  noise: number;
  /** Points generated, train and test together. */
  count: number;
  /** Seed of the generated points, of the train/test split and of the mini-batch order. */
  dataSeed: number;
  /** Fraction of the points used for training, 0.1 to 0.9; the rest are the test set. */
  trainFraction: number;
  csv: CsvSource | null;
  /** How the table (a dataset in the box, or the CSV) is read: targets, task, missing rows. */
  reading: Reading;
  /** How a table's inputs are scaled (generated points go in as they are). */
  scaling: ScalingId;
  /** Input features (for data with one or two raw inputs). */
  features: FeatureId[];
  batchSize: number;
  regularization: Regularization;
  /** λ. */
  regularizationRate: number;
  stop: StopCondition;
  /** Seed of the initial weights: Reset returns to them; "New seed" draws others. */
  initSeed: number;
  speed: TrainingSpeed;
  /**
   * The race: a second copy of the network trained beside the first on the same data, batches and
   * seed, with `raceOptimizer` (the first's optimizer, η and the rest are the network's own).
   */
  race: boolean;
  raceOptimizer: Optimizer;
  /** The loss landscape panel's choices (not recorded by undo: where the learner looks). */
  landscape: LandscapeChoice;
}

export const DEFAULT_TRAINING: TrainingChoices = {
  mode: 'step',
  source: 'generated',
  dataset: 'circle',
  real: 'iris',
  noise: 0,
  count: 500,
  dataSeed: 1,
  trainFraction: 0.5,
  csv: null,
  reading: DEFAULT_READING,
  scaling: 'standard',
  features: ['x1', 'x2'],
  batchSize: 10,
  regularization: 'none',
  regularizationRate: 0.001,
  stop: { kind: 'none', epochs: 500, loss: 0.01 },
  initSeed: 1,
  speed: 'epoch',
  race: false,
  raceOptimizer: OPTIMIZER_REGISTRY.adam.defaults,
  landscape: DEFAULT_LANDSCAPE,
};

/** The choices that make the data: a change of any pauses training and starts it on the new data. */
export const DATA_CHOICES: readonly (keyof TrainingChoices)[] = [
  'source',
  'dataset',
  'noise',
  'count',
  'dataSeed',
  'trainFraction',
  'real',
  'csv',
  'reading',
  'scaling',
  'features',
];
