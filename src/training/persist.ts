import { z } from '../store/zod';
import { DATA_LIMITS, DATASET_KINDS, FEATURE_IDS } from '../data';
import { REGULARIZATIONS } from '../engine';
import { LIMITS } from '../store/limits';
import { choicesOf, TRAINING_LIMITS, type TrainingStore } from './store';
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

type KeyValueStore = Pick<Storage, 'getItem' | 'setItem'>;
type Part = keyof typeof trainingSchema.shape;

export interface LoadedTraining {
  choices: TrainingChoices;
  /** What could not be read and was reset to its default, in words; null when all of it was. */
  problem: string | null;
}

/** 'stop.kind: Invalid option…': where in the choices, then what is wrong. */
const issueText = (issue: z.core.$ZodIssue | undefined, ...within: string[]) => {
  const path = [...within, ...(issue?.path ?? []).map(String)].join('.');
  return `${path}${path ? ': ' : ''}${issue?.message ?? 'invalid'}`;
};

/**
 * Saved choices, part by part: each part that can be read is kept, each that cannot takes its
 * default and is named in the problem — so one setting out of range does not cost the learner the
 * rest (their pasted CSV above all).
 */
export function loadTrainingChoices(text: string | null): LoadedTraining {
  if (text === null) return { choices: DEFAULT_TRAINING, problem: null };
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    return { choices: DEFAULT_TRAINING, problem: 'The saved training settings are not JSON.' };
  }
  const envelope = savedTraining.pick({ app: true, version: true }).safeParse(raw);
  if (!envelope.success) {
    return {
      choices: DEFAULT_TRAINING,
      problem: `The saved training settings could not be read (${issueText(envelope.error.issues[0])}).`,
    };
  }
  const saved = (raw as { choices?: unknown }).choices;
  const parts: Record<string, unknown> = { ...DEFAULT_TRAINING };
  const unread: string[] = [];
  for (const part of Object.keys(trainingSchema.shape) as Part[]) {
    const value =
      saved !== null && typeof saved === 'object'
        ? (saved as Record<string, unknown>)[part]
        : undefined;
    const parsed = trainingSchema.shape[part].safeParse(value);
    if (parsed.success) parts[part] = parsed.data;
    else unread.push(issueText(parsed.error.issues[0], part));
  }
  const choices = parts as unknown as TrainingChoices;
  if (choices.csv && !parseCsv(choices.csv.text, { inputColumns: choices.csv.inputColumns }).ok) {
    unread.push('csv (the saved data no longer reads as a CSV table)');
    choices.csv = null;
  }
  if (choices.source === 'csv' && !choices.csv) choices.source = 'generated';
  return {
    choices,
    problem: unread.length
      ? `Some saved training settings could not be read and were reset to their defaults: ${unread.join('; ')}.`
      : null,
  };
}

/**
 * The saved choices, as loadTrainingChoices reads them; a save with a part that could not be read
 * is first set aside under its own key (never deleted), and the notice says where.
 */
export function loadTrainingFrom(
  storage: KeyValueStore | null,
  now = new Date(),
): { choices: TrainingChoices; notice: string | null } {
  let text: string | null = null;
  try {
    text = storage?.getItem(TRAINING_KEY) ?? null;
  } catch {
    text = null;
  }
  const { choices, problem } = loadTrainingChoices(text);
  if (!problem || text === null) return { choices, notice: null };
  const aside = `${TRAINING_KEY}.unreadable.${now.toISOString()}`;
  try {
    storage?.setItem(aside, text);
  } catch {
    return { choices, notice: `${problem} The rest was loaded.` };
  }
  return {
    choices,
    notice: `${problem} The rest was loaded; the settings as saved were kept in this browser's storage under "${aside}".`,
  };
}

export function trainingToJson(choices: TrainingChoices): string {
  return JSON.stringify({
    app: 'backstep-training',
    version: TRAINING_VERSION,
    choices: choicesOf(choices),
  });
}

/** Save the choices a moment after each change; returns the function that stops saving. */
export function startTrainingAutosave(
  store: TrainingStore,
  storage: KeyValueStore,
  delayMs = 250,
): () => void {
  let timer: ReturnType<typeof setTimeout> | null = null;
  const save = () => {
    timer = null;
    try {
      storage.setItem(TRAINING_KEY, trainingToJson(store.getState()));
    } catch {
      // Storage full or blocked: training still works, it is just not remembered.
    }
  };
  const unsubscribe = store.subscribe(() => {
    if (timer !== null) clearTimeout(timer);
    timer = setTimeout(save, delayMs);
  });
  return () => {
    unsubscribe();
    if (timer !== null) {
      clearTimeout(timer);
      save();
    }
  };
}
