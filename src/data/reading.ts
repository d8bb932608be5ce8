import type { Dataset } from './types';

/**
 * How the learner reads a table (targets, classes or regression, missing rows) and what reading it
 * gives: plain data, saved with their work. csv.ts reads a table with these choices.
 */

/** Classes or regression: as inferred, or as the learner says. */
export type TaskChoice = 'auto' | 'classes' | 'regression';
export const TASK_CHOICES: readonly { id: TaskChoice; label: string }[] = [
  { id: 'auto', label: 'as inferred' },
  { id: 'classes', label: 'classes' },
  { id: 'regression', label: 'regression' },
];

/** How the learner reads a table: plain data, saved with their work. */
export interface Reading {
  /** Target columns (0-based); null: inferred. */
  targets: number[] | null;
  task: TaskChoice;
  /** Leave out the rows with a missing value (else they are reported and nothing is read). */
  dropMissing: boolean;
}

export const DEFAULT_READING: Reading = { targets: null, task: 'auto', dropMissing: false };

/** A missing cell: its line in the file and its column's name. */
export interface MissingCell {
  line: number;
  column: string;
}

export type TableReading =
  | {
      ok: true;
      dataset: Dataset;
      /** Target columns used. */
      targets: number[];
      /** What was inferred, in a sentence or two. */
      inferred: string;
      /** The class names (binary: of 0, then of 1), or null for regression. */
      classes: string[] | null;
      /** Which tasks the target allows. */
      allows: Record<Exclude<TaskChoice, 'auto'>, boolean>;
      /** Missing cells of the rows left out. */
      dropped: MissingCell[];
    }
  | { ok: false; error: string; missing: MissingCell[] };
