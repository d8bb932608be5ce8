import { z } from '../store/zod';
import {
  DATA_LIMITS,
  DATASET_KINDS,
  DEFAULT_READING,
  FEATURE_IDS,
  SCALING_IDS,
  TASK_CHOICES,
  type Reading,
} from '../data';
import { REAL_DATASET_IDS, realDataset } from '../data/realDatasets';
import {
  REGULARIZATIONS,
  SGD,
  validateNetwork,
  validateOptimizerState,
  type Network,
  type Optimizer,
  type OptimizerState,
  type Overflow,
} from '../engine';
import { LIMITS } from '../store/limits';
import {
  landscapeChoiceSchema,
  optimizerSchema,
  trainingNetworkSchema,
  trainingOptimizerStateSchema,
} from '../store/schema';
import { compatibilityProblem } from '../store/shape';
import { tableTextOf } from './selectors';
import { choicesOf, TRAINING_LIMITS } from './store';
import { appendRecords, type EpochRecord, type RaceRun } from './runtime';
import { shapeKeyOf } from './plan';
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
import { readingFor, tableFor } from './tables';
import { csvTextKey, knowTextKey } from './textKey';

export { csvTextKey } from './textKey';

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

const workSchema = z.object({
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

const savedTraining = z.object({
  app: z.literal('backstep-training'),
  version: z.union([z.literal(1), z.literal(TRAINING_VERSION)]),
  choices: trainingSchema,
  work: workSchema.optional(),
});

type Part = keyof typeof trainingSchema.shape;

/** A saved or linked training: what can be read, and what could not (in words), or null. */
export type LoadedTraining = SavedTraining & { problem: string | null };

const NOTHING_SAVED: SavedTraining = { choices: DEFAULT_TRAINING, work: null };

/** 'stop.kind: Invalid option…': where in the choices, then what is wrong. */
const issueText = (issue: z.core.$ZodIssue | undefined, ...within: string[]) => {
  const path = [...within, ...(issue?.path ?? []).map(String)].join('.');
  return `${path}${path ? ': ' : ''}${issue?.message ?? 'invalid'}`;
};

/** The saved network, η and run, checked as the stepper checks a network; else the reason. */
function readWork(raw: unknown): { work: TrainingWork | null; problem: string | null } {
  if (raw === undefined) return { work: null, problem: null };
  const parsed = workSchema.safeParse(raw);
  if (!parsed.success)
    return { work: null, problem: `work (${issueText(parsed.error.issues[0])})` };
  const work = parsed.data as TrainingWork;
  try {
    validateNetwork(work.network);
    const problem = compatibilityProblem(work.network);
    if (problem) throw new Error(problem);
  } catch (error) {
    return { work: null, problem: `work (the network: ${(error as Error).message})` };
  }
  // The optimizer's state and the race go with the network: one that does not fit it is set
  // aside (the run goes on with a fresh state, the race starts again), and said.
  const problems: string[] = [];
  if (work.optimizerState) {
    const problem = stateProblem(work.network, work.optimizerState);
    if (problem) {
      problems.push(`work.optimizerState (${problem})`);
      delete work.optimizerState;
    }
  }
  const race = work.progress.race;
  if (race) {
    const problem = raceProblem(work.network, race);
    if (problem) {
      problems.push(`work.progress.race (${problem})`);
      delete work.progress.race;
    }
  }
  return { work, problem: problems.length ? problems.join('; ') : null };
}

function stateProblem(network: Network, state: OptimizerState): string | null {
  try {
    validateOptimizerState(network, state);
    return null;
  } catch (error) {
    return (error as Error).message;
  }
}

function raceProblem(network: Network, race: RaceRun): string | null {
  if (!race.network) return race.optimizerState ? 'a state without its network' : null;
  try {
    validateNetwork(race.network);
  } catch (error) {
    return `its network: ${(error as Error).message}`;
  }
  if (shapeKeyOf(race.network) !== shapeKeyOf(network)) {
    return 'its network is not of the shape of the one it races';
  }
  return race.optimizerState ? stateProblem(race.network, race.optimizerState) : null;
}

/**
 * A saved or linked training, part by part: each part that can be read is kept, each that cannot
 * takes its default (the network: a new one) and is named in the problem — so one setting out of
 * range does not cost the learner the rest (their pasted CSV above all).
 */
export function parseTraining(raw: unknown): LoadedTraining {
  const envelope = savedTraining.pick({ app: true, version: true }).safeParse(raw);
  if (!envelope.success) {
    return {
      ...NOTHING_SAVED,
      problem: `The saved training could not be read (${issueText(envelope.error.issues[0])}).`,
    };
  }
  const { choices: saved, work: savedWork } = raw as { choices?: unknown; work?: unknown };
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
  readTables(choices, parts.csv as LegacyCsv | null, unread);
  const { work, problem } = readWork(savedWork);
  if (problem) unread.push(problem);
  return {
    choices,
    work,
    problem: unread.length
      ? `Some saved training settings could not be read and were reset to their defaults: ${unread.join('; ')}.`
      : null,
  };
}

type LegacyCsv = { name: string; text?: string; stored?: string; inputColumns?: number | null };

/** The columns from `first` on, of the table in this text (an old save's inputColumns). */
function targetsFrom(text: string, first: number): number[] | null {
  const table = tableFor(text);
  if (!table.ok) return null;
  const n = table.table.columns.length;
  return first < n ? Array.from({ length: n - first }, (_, j) => first + j) : null;
}

/**
 * The saved tables must still read with the saved choices: a CSV that does not is set aside, a
 * reading that does not takes its default (each said). An old save's input columns become targets.
 */
function readTables(choices: TrainingChoices, saved: LegacyCsv | null, unread: string[]): void {
  const text = saved
    ? (saved.text ?? (saved.stored ? storedTexts.get(saved.stored) : undefined))
    : undefined;
  if (saved && text === undefined) {
    unread.push("csv (the file's text is not in this browser's storage)");
    choices.csv = null;
  } else if (saved && text !== undefined) {
    const { inputColumns } = saved;
    const csv = { name: saved.name, text };
    choices.csv = csv;
    if (typeof inputColumns === 'number' && choices.reading.targets === null) {
      choices.reading = { ...choices.reading, targets: targetsFrom(csv.text, inputColumns) };
    }
    if (!readingFor(csv.text, DEFAULT_READING).ok && !readingFor(csv.text, choices.reading).ok) {
      unread.push('csv (the saved data no longer reads as a table)');
      choices.csv = null;
    }
  }
  if (choices.source === 'csv' && !choices.csv) choices.source = 'generated';
  const tableText = tableTextOf(choices);
  if (choices.source === 'real' && tableText === null) {
    // Loaded before a save is read (works/startup.ts); not there only when it could not be.
    unread.push(`real (${realDataset(choices.real).name} could not be loaded)`);
    choices.source = 'generated';
  }
  if (tableText !== null && !readingFor(tableText, choices.reading).ok) {
    const reading: Reading = DEFAULT_READING;
    unread.push('reading (the saved choice of target no longer fits the data)');
    choices.reading = reading;
    if (!readingFor(tableText, reading).ok) choices.source = 'generated';
  }
}

/** Saved choices and work, as parseTraining reads them. */
export function loadTrainingChoices(text: string | null): LoadedTraining {
  if (text === null) return { ...NOTHING_SAVED, problem: null };
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    return { ...NOTHING_SAVED, problem: 'The saved training settings are not JSON.' };
  }
  return parseTraining(raw);
}

/** Six significant digits: a curve needs no more, and a link stays short. */
const short = (v: number) => (Number.isFinite(v) ? Number(v.toPrecision(6)) : v);

function savedRecord(r: EpochRecord): EpochRecord {
  return {
    epoch: short(r.epoch),
    trainLoss: short(r.trainLoss),
    testLoss: short(r.testLoss),
    trainAccuracy: r.trainAccuracy === null ? null : short(r.trainAccuracy),
    testAccuracy: r.testAccuracy === null ? null : short(r.testAccuracy),
    gradientNorms: r.gradientNorms.map(short),
    penalty: short(r.penalty),
  };
}

const savedHistory = (history: EpochRecord[]) =>
  appendRecords([], history, SAVED_RECORDS).map(savedRecord);

/** Overflow's value is ±∞ or NaN: JSON writes null, read back as NaN. */
const savedOut = (out: Overflow | null) => out && { ...out };

/** What is saved and linked: plain data, the curves thinned (weights exact). */
export function savedTrainingOf(choices: TrainingChoices, work?: TrainingWork | null) {
  const race = work?.progress.race;
  return {
    app: 'backstep-training' as const,
    version: TRAINING_VERSION,
    choices: choicesOf(choices),
    ...(work
      ? {
          work: {
            network: work.network,
            learningRate: work.learningRate,
            trainBiases: work.trainBiases,
            optimizer: work.optimizer ?? SGD,
            ...(work.optimizerState ? { optimizerState: work.optimizerState } : {}),
            progress: {
              epoch: work.progress.epoch,
              examplesSeen: work.progress.examplesSeen,
              history: savedHistory(work.progress.history),
              ...(race
                ? {
                    race: {
                      history: savedHistory(race.history),
                      network: race.network,
                      optimizerState: race.optimizerState,
                      out: savedOut(race.out),
                    },
                  }
                : {}),
            },
          },
        }
      : {}),
  };
}

/** The CSV text as JSON, kept: a session saves after every pause, and a 5 MB file is the same. */
let csvJson: { text: string; json: string } | null = null;
const CSV_PLACEHOLDER = '"text":"\\u0000"';

/**
 * The last JSON written, with what it was written from: a session asks for it on every change
 * (and compares it with the last save), and with a 5 MB file each new string costs a copy and a
 * comparison of megabytes. The same choices and work give the very same string.
 */
let lastJson: { key: unknown[]; json: string } | null = null;

export function trainingToJson(choices: TrainingChoices, work?: TrainingWork | null): string {
  const key = [
    choices,
    work?.network,
    work?.learningRate,
    work?.trainBiases,
    work?.optimizer,
    work?.optimizerState,
    work?.progress.epoch,
    work?.progress.examplesSeen,
    work?.progress.history,
    work?.progress.race?.history,
    work?.progress.race?.network,
    work?.progress.race?.optimizerState,
    work?.progress.race?.out,
    work?.progress.race === undefined,
  ];
  if (lastJson && lastJson.key.every((part, i) => part === key[i])) return lastJson.json;
  const json = writeTrainingJson(choices, work);
  lastJson = { key, json };
  return json;
}

function writeTrainingJson(choices: TrainingChoices, work?: TrainingWork | null): string {
  const saved = savedTrainingOf(choices, work);
  const csv = saved.choices.csv;
  if (!csv) return JSON.stringify(saved);
  if (csvJson?.text !== csv.text) csvJson = { text: csv.text, json: JSON.stringify(csv.text) };
  const json = csvJson.json;
  const rest = JSON.stringify({
    ...saved,
    choices: { ...saved.choices, csv: { ...csv, text: '\u0000' } },
  });
  return rest.replace(CSV_PLACEHOLDER, () => `"text":${json}`);
}

/**
 * CSV texts the works keep apart from their saves, by key (works/trainingSide.ts stores and loads
 * them): a 5 MB file is written once, not again with every save of the work that uses it.
 */
const storedTexts = new Map<string, string>();

/** A text stored apart, or loaded from there before a save naming it is read. */
export function rememberCsvText(key: string, text: string): void {
  storedTexts.set(key, text);
  // Its key is known: the next save need not hash 5 MB again.
  knowTextKey(text, key);
}

/** Whether this key's text is kept apart already (stored, or loaded from where it is). */
export function isCsvTextKept(key: string): boolean {
  return storedTexts.has(key);
}

/** The keys of the stored texts a saved training (its JSON) names. */
export function csvKeysIn(json: string | null): string[] {
  if (!json) return [];
  return [...json.matchAll(/"stored":"(csv-[0-9a-f]{16}-\d{1,8})"/g)].map((m) => m[1] as string);
}

/** The CSV text a training uses, with its key, for the works to store apart; null: none. */
export function csvTextOf(choices: TrainingChoices): { key: string; text: string } | null {
  return choices.csv ? { key: csvTextKey(choices.csv.text), text: choices.csv.text } : null;
}

let lastStored: { key: unknown[]; json: string } | null = null;

/**
 * The Train tab's work as the works store it: as trainingToJson writes it, but the CSV named by
 * its key (csvTextOf), its text stored apart. A few kB, whatever the file.
 */
export function trainingToStoredJson(choices: TrainingChoices, work?: TrainingWork | null): string {
  const key = [choices, work?.network, work?.learningRate, work?.trainBiases, work?.progress];
  if (lastStored && lastStored.key.every((part, i) => part === key[i])) return lastStored.json;
  const saved = savedTrainingOf(choices, work);
  const csv = saved.choices.csv;
  const json = JSON.stringify(
    csv
      ? {
          ...saved,
          choices: { ...saved.choices, csv: { name: csv.name, stored: csvTextKey(csv.text) } },
        }
      : saved,
  );
  lastStored = { key, json };
  return json;
}

/**
 * CSV text a share link carries at most: a link holds up to 2,000,000 characters of JSON
 * (LINK_LIMITS), and the stepper's largest work takes about half of that. The datasets in the box
 * are linked by name, so only a learner's own file can be too large.
 */
export const LINK_CSV_CHARS = 200_000;

/** What a share link carries: the saved training, without a CSV too large for a link (said). */
export function linkedTrainingOf(
  choices: TrainingChoices,
  work?: TrainingWork | null,
): { saved: ReturnType<typeof savedTrainingOf>; leftOut: string | null } {
  const csv = choices.csv;
  if (!csv || csv.text.length <= LINK_CSV_CHARS) {
    return { saved: savedTrainingOf(choices, work), leftOut: null };
  }
  const source = choices.source === 'csv' ? 'generated' : choices.source;
  const leftOut = `The link leaves out your CSV file ${csv.name} (${csv.text.length.toLocaleString('en-US')} characters; a link carries at most ${LINK_CSV_CHARS.toLocaleString('en-US')}): whoever opens it gets the generated data instead. Send the file with the link.`;
  return { saved: savedTrainingOf({ ...choices, csv: null, source }, work), leftOut };
}
