import type { z } from '../store/zod';
import { DEFAULT_READING, type Reading } from '../data';
import { realDataset } from '../data/realDatasets';
import {
  validateNetwork,
  validateOptimizerState,
  type Network,
  type OptimizerState,
} from '../engine';
import { compatibilityProblem } from '../store/shape';
import { tableTextOf } from './selectors';
import type { RaceRun } from './runtime';
import { shapeKeyOf } from './plan';
import { DEFAULT_TRAINING, type TrainingChoices } from './choices';
import { readingFor, tableFor } from './tables';
import { storedCsvText } from './storedTexts';
import {
  savedTraining,
  trainingSchema,
  workSchema,
  type SavedTraining,
  type TrainingWork,
} from './persistSchema';

/** Reading a saved or linked training back: each part checked, what cannot be read said. */

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
  const unread: string[] = [];
  const parts = savedParts(saved, unread);
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

/** Each part of the saved choices that reads (the default for the others, said in `unread`). */
function savedParts(saved: unknown, unread: string[]): Record<string, unknown> {
  const parts: Record<string, unknown> = { ...DEFAULT_TRAINING };
  for (const part of Object.keys(trainingSchema.shape) as Part[]) {
    const value =
      saved !== null && typeof saved === 'object'
        ? (saved as Record<string, unknown>)[part]
        : undefined;
    const parsed = trainingSchema.shape[part].safeParse(value);
    if (parsed.success) parts[part] = parsed.data;
    else unread.push(issueText(parsed.error.issues[0], part));
  }
  return parts;
}

/**
 * The choices a saved training (its JSON) will most likely be read with, its CSV's text in place
 * (a stored one must be remembered first), before its tables are read: the table worker reads the
 * data with them and splits it ahead (tableClient.ts). Only a guess, not checked against the
 * tables: what the page keeps is found only by choices that are the same. Null: not JSON.
 */
export function choicesAheadIn(json: string | null): TrainingChoices | null {
  let raw: unknown;
  try {
    raw = json === null ? null : JSON.parse(json);
  } catch {
    return null;
  }
  if (raw === null || typeof raw !== 'object') return null;
  const parts = savedParts((raw as { choices?: unknown }).choices, []);
  const saved = parts.csv as LegacyCsv | null;
  const text = saved
    ? (saved.text ?? (saved.stored ? storedCsvText(saved.stored) : undefined))
    : undefined;
  return {
    ...(parts as unknown as TrainingChoices),
    csv: saved && text !== undefined ? { name: saved.name, text } : null,
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
    ? (saved.text ?? (saved.stored ? storedCsvText(saved.stored) : undefined))
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
