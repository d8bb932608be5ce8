import { z } from '../store/zod';
import {
  DATA_LIMITS,
  DATASET_KINDS,
  DEFAULT_READING,
  FEATURE_IDS,
  SCALING_IDS,
  TASK_CHOICES,
} from '../data';
import { REAL_DATASET_IDS } from '../data/realDatasets';
import { REGULARIZATIONS, SGD, type Network, type Optimizer, type OptimizerState } from '../engine';
import { LIMITS } from '../store/limits';
import {
  landscapeChoiceSchema,
  optimizerSchema,
  trainingNetworkSchema,
  trainingOptimizerStateSchema,
} from '../store/schema';
import { TRAINING_LIMITS } from './store';
import type { TrainingProgress } from './history';
import {
  APP_MODES,
  DATA_SOURCES,
  DEFAULT_TRAINING,
  idsOf,
  STOP_KINDS,
  TRAINING_SPEEDS,
  type TrainingChoices,
} from './choices';

/**
 * The Train tab's work — its choices, its network with η and "Train biases", and how far the run
 * got (epoch count and curves) — saved beside the stepper's work under its own key and version,
 * and carried in share links.
 */
export const TRAINING_KEY = 'backstep.training';
/** Version 1 held the choices only (the network was the stepper's); 2 adds the work. */
export const TRAINING_VERSION = 2;

const seed = z.number().int().min(0).max(TRAINING_LIMITS.maxSeed);

/** A stored CSV text's key: 'csv-', its hash (two 32-bit halves in hex), '-', its length. */
const CSV_KEY = /^csv-[0-9a-f]{16}-\d{1,8}$/;

export const trainingSchema = z.object({
  mode: z.enum(idsOf(APP_MODES)),
  source: z.enum(DATA_SOURCES),
  dataset: z.enum(DATASET_KINDS as [string, ...string[]]),
  // Saves from before the datasets in the box, scaling and the reading choices have none.
  real: z.enum(REAL_DATASET_IDS as [string, ...string[]]).default(DEFAULT_TRAINING.real),
  noise: z.number().min(0).max(DATA_LIMITS.maxNoise),
  count: z.number().int().min(DATA_LIMITS.minPoints).max(DATA_LIMITS.maxPoints),
  dataSeed: seed,
  trainFraction: z.number().min(DATA_LIMITS.minTrainFraction).max(DATA_LIMITS.maxTrainFraction),
  csv: z
    .object({
      name: z.string().max(80),
      // The text, or (in the works' storage) the key it is stored under apart (storedTexts).
      text: z.string().max(DATA_LIMITS.maxFileBytes).optional(),
      stored: z.string().regex(CSV_KEY).optional(),
      /** Before the reading choices: the leading columns that were inputs (null: all but the last). */
      inputColumns: z.number().int().min(1).max(DATA_LIMITS.maxInputs).nullable().optional(),
    })
    .nullable(),
  reading: z
    .object({
      targets: z
        .array(
          z
            .number()
            .int()
            .min(0)
            .max(DATA_LIMITS.maxInputs + DATA_LIMITS.maxTargets),
        )
        .min(1)
        .max(DATA_LIMITS.maxTargets)
        .nullable(),
      task: z.enum(TASK_CHOICES.map((t) => t.id) as [string, ...string[]]),
      dropMissing: z.boolean(),
    })
    .default(DEFAULT_READING),
  // A save from before scaling trained on its inputs as they were.
  scaling: z.enum(SCALING_IDS as [string, ...string[]]).default('raw'),
  features: z.array(z.enum(FEATURE_IDS as [string, ...string[]])).max(FEATURE_IDS.length),
  batchSize: z.number().int().min(1).max(LIMITS.maxSamples),
  regularization: z.enum(REGULARIZATIONS as [string, ...string[]]),
  regularizationRate: z.number().min(0).max(TRAINING_LIMITS.maxRegularizationRate),
  stop: z.object({
    kind: z.enum(idsOf(STOP_KINDS)),
    epochs: z.number().int().min(1).max(TRAINING_LIMITS.maxEpochs),
    loss: z.number().min(0).max(LIMITS.maxAbsValue),
  }),
  initSeed: seed,
  speed: z.enum(idsOf(TRAINING_SPEEDS)),
  // Saves from before the race (issue 16) have none.
  race: z.boolean().default(false),
  raceOptimizer: optimizerSchema.default(DEFAULT_TRAINING.raceOptimizer),
  // Saves from before the landscape's choices were saved have none.
  landscape: landscapeChoiceSchema.default(DEFAULT_TRAINING.landscape),
});

/** A curve's value: JSON writes NaN and ±∞ (a diverged run) as null, read back as NaN. */
const curveValue = z
  .number()
  .nullable()
  .transform((v) => v ?? NaN);

const record = z.object({
  epoch: z.number().min(0),
  trainLoss: curveValue,
  testLoss: curveValue,
  trainAccuracy: z.number().min(0).max(1).nullable(),
  testAccuracy: z.number().min(0).max(1).nullable(),
  gradientNorms: z.array(curveValue).max(LIMITS.maxHiddenLayers + 1),
  penalty: curveValue,
});

/** Curve points saved at most (thinned as the chart thins them): a link stays a few kB. */
export const SAVED_RECORDS = 300;

/** Why the race's second run left it (an overflow: its value may be ±∞ or NaN, saved as null). */
const out = z.object({
  kind: z.enum(['loss', 'gradient', 'weight', 'bias']),
  layer: z
    .number()
    .int()
    .min(1)
    .max(LIMITS.maxHiddenLayers + 1)
    .nullable(),
  value: curveValue,
  epoch: z.number().int().min(0),
  batch: z.number().int().min(0),
});

/** The race's second run (whether its network and state fit the first's: readWork checks). */
const raceSchema = z.object({
  history: z.array(record).max(SAVED_RECORDS),
  network: trainingNetworkSchema.nullable(),
  optimizerState: trainingOptimizerStateSchema.nullable(),
  out: out.nullable(),
});

export const workSchema = z.object({
  network: trainingNetworkSchema,
  learningRate: z.number().min(0).max(LIMITS.maxLearningRate),
  trainBiases: z.boolean(),
  // Saves from before the optimizers (issue 16) have none: plain SGD.
  optimizer: optimizerSchema.default(SGD),
  // Saves from before the state was saved have none: a resumed run starts it afresh.
  optimizerState: trainingOptimizerStateSchema.optional(),
  progress: z.object({
    epoch: z.number().min(0),
    examplesSeen: z.number().int().min(0),
    history: z.array(record).max(SAVED_RECORDS),
    race: raceSchema.optional(),
  }),
});

/** The training network, η, "Train biases" and how far the run got. */
export interface TrainingWork {
  network: Network;
  learningRate: number;
  trainBiases: boolean;
  /** Plain SGD when absent. */
  optimizer?: Optimizer;
  /** The optimizer's state with this network (t, m, v): a resumed run goes on with it. */
  optimizerState?: OptimizerState;
  progress: TrainingProgress;
}

export interface SavedTraining {
  choices: TrainingChoices;
  /** Null in a version 1 save: training starts from a new network. */
  work: TrainingWork | null;
}

export const savedTraining = z.object({
  app: z.literal('backstep-training'),
  version: z.union([z.literal(1), z.literal(TRAINING_VERSION)]),
  choices: trainingSchema,
  work: workSchema.optional(),
});
