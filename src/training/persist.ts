import { z } from '../store/zod';
import { DATA_LIMITS, DATASET_KINDS, FEATURE_IDS } from '../data';
import { REGULARIZATIONS } from '../engine';
import { LIMITS } from '../store/limits';
import { choicesOf, TRAINING_LIMITS } from './store';
import {
  APP_MODES,
  DEFAULT_TRAINING,
  idsOf,
  STOP_KINDS,
  TRAINING_SPEEDS,
  type TrainingChoices,
} from './choices';
import { parseCsv } from '../data';

/** The learner's training choices, saved beside their work under their own key and version. */
export const TRAINING_KEY = 'backstep.training';
export const TRAINING_VERSION = 1;

const seed = z.number().int().min(0).max(TRAINING_LIMITS.maxSeed);

export const trainingSchema = z.object({
  mode: z.enum(idsOf(APP_MODES)),
  source: z.enum(['generated', 'csv']),
  dataset: z.enum(DATASET_KINDS as [string, ...string[]]),
  noise: z.number().min(0).max(DATA_LIMITS.maxNoise),
  count: z.number().int().min(DATA_LIMITS.minPoints).max(DATA_LIMITS.maxPoints),
  dataSeed: seed,
  trainFraction: z.number().min(DATA_LIMITS.minTrainFraction).max(DATA_LIMITS.maxTrainFraction),
  csv: z
    .object({
      name: z.string().max(80),
      text: z.string().max(DATA_LIMITS.maxCsvChars),
      inputColumns: z.number().int().min(1).max(LIMITS.maxInputs).nullable(),
    })
    .nullable(),
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
});

const savedTraining = z.object({
  app: z.literal('backstep-training'),
  version: z.literal(TRAINING_VERSION),
  choices: trainingSchema,
});

/** Saved choices if they can be read completely, else the defaults (and a reason). */
export function loadTrainingChoices(text: string | null): {
  choices: TrainingChoices;
  problem: string | null;
} {
  if (text === null) return { choices: DEFAULT_TRAINING, problem: null };
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    return { choices: DEFAULT_TRAINING, problem: 'The saved training settings are not JSON.' };
  }
  const parsed = savedTraining.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    return {
      choices: DEFAULT_TRAINING,
      problem: `The saved training settings could not be read (${issue?.path.join('.') ?? ''}: ${issue?.message ?? 'invalid'}).`,
    };
  }
  const choices = parsed.data.choices as TrainingChoices;
  if (choices.csv && !parseCsv(choices.csv.text, { inputColumns: choices.csv.inputColumns }).ok) {
    return { choices: { ...choices, csv: null, source: 'generated' }, problem: null };
  }
  return { choices, problem: null };
}

export function trainingToJson(choices: TrainingChoices): string {
  return JSON.stringify({
    app: 'backstep-training',
    version: TRAINING_VERSION,
    choices: choicesOf(choices),
  });
}
