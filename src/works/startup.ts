import { shareFragment } from '../store/autosave';
import { decodeShare, parseSavedText, toSaved } from '../store/persist';
import type { LearnerState } from '../store/types';
import {
  loadTrainingChoices,
  parseTraining,
  type LoadedTraining,
  type SavedTraining,
} from '../training/persist';
import { storageProblem, type WorksDatabase } from './database';
import { prepareTraining, readTablesNamedIn } from './trainingSide';
import { replayJournal, type Journal } from './journal';
import { migrateLocalStorage, type KeyValueStore } from './migrate';
import { copyName, newRecord, type WorkRecord } from './records';
import type { PendingNotice } from './session';

export interface WorkStartup {
  /** The work to open; `base` is its stored revision (0: not stored yet). */
  record: WorkRecord;
  base: number;
  /** Its stepper state, or null for the default example. */
  stepper: LearnerState | null;
  /** The Train tab's work: its choices, and its network and run where one was saved. */
  training: SavedTraining;
  /** Notices, each with the work to go back to (a link opened beside the learner's own). */
  notices: PendingNotice[];
  /** Why storage failed, or null. */
  saveProblem: string | null;
}

interface StartupInput {
  db: WorksDatabase;
  /** localStorage, for the one-time migration of the old single save. */
  legacy: KeyValueStore | null;
  hash: string;
  /** The work this tab showed before a reload, if any. */
  currentId: string | null;
  /** Changes closed tabs had not saved yet. */
  journal?: Journal | null;
  newId?: () => string;
  now?: Date;
}

/**
 * What a tab opens: a link's work as a new work beside the learner's; else the work this tab
 * showed; else the most recently changed one; else a new one. Nothing stored is ever replaced.
 */
const NO_TRAINING: SavedTraining = loadTrainingChoices(null);

export async function openStartup(input: StartupInput): Promise<WorkStartup> {
  const { db, now = new Date(), newId = () => crypto.randomUUID() } = input;
  const notices: PendingNotice[] = [];
  let saveProblem: string | null = null;
  const fresh = (name: string, stepper = ''): WorkRecord =>
    newRecord(newId(), name, { stepper, training: null }, now);

  let works: WorkRecord[] = [];
  try {
    await migrateLocalStorage(db, input.legacy);
    if (input.journal) {
      const said = await replayJournal(db, input.journal, now);
      notices.push(...said.map((text) => ({ text, backTo: null, tone: 'alert' as const })));
    }
    works = await db.list();
  } catch (error) {
    saveProblem = storageProblem(error);
  }
  const previous = works.find((w) => w.id === input.currentId) ?? works[0] ?? null;

  const fragment = shareFragment(input.hash);
  if (fragment) {
    const loaded = decodeShare(fragment);
    if (loaded.ok) {
      // The Train tab's part of the link, read part by part (an unreadable part takes its default).
      await readTablesNamedIn(loaded.training);
      const training: LoadedTraining =
        loaded.training === undefined
          ? { ...NO_TRAINING, problem: null }
          : parseTraining(loaded.training);
      let record = newRecord(
        newId(),
        'Shared work',
        {
          stepper: JSON.stringify(toSaved(loaded.work)),
          training: loaded.training === undefined ? null : JSON.stringify(loaded.training),
        },
        now,
      );
      let base = 0;
      try {
        record = await db.create(record.name, record);
        base = record.revision;
      } catch (error) {
        saveProblem = storageProblem(error);
      }
      notices.push({
        text: previous
          ? `This link opened as a new work, “${record.name}”, beside your own work “${previous.name}”. Both are in “Saved work”.`
          : `This link opened as a new work, “${record.name}”, kept in “Saved work”.`,
        backTo: previous?.id ?? null,
      });
      if (training.problem)
        notices.push({
          text: `The link's training: ${training.problem}`,
          backTo: null,
          tone: 'alert',
        });
      return { record, base, stepper: loaded.work, training, notices, saveProblem };
    }
    notices.push({
      text: `This share link could not be opened: ${loaded.error} ${previous ? 'Your own saved work is shown instead.' : ''}`.trim(),
      backTo: null,
      tone: 'alert',
    });
  }

  if (!previous)
    return {
      record: fresh('Your work'),
      base: 0,
      stepper: null,
      training: NO_TRAINING,
      notices,
      saveProblem,
    };
  const stepper = previous.stepper === '' ? null : parseSavedText(previous.stepper);
  if (stepper && !stepper.ok) {
    notices.push({
      text: `Your saved work could not be read (${stepper.error}) It is kept unchanged in “Saved work” as “${previous.name}”; a new work was started from the default example.`,
      backTo: null,
      tone: 'alert',
    });
    return {
      record: fresh('New work'),
      base: 0,
      stepper: null,
      training: NO_TRAINING,
      notices,
      saveProblem,
    };
  }
  await prepareTraining(previous.training, db);
  const training = loadTrainingChoices(previous.training);
  if (training.problem) {
    // The next save writes the defaults in place of what could not be read: set the work as it
    // was aside first, as a copy of its own.
    let kept = '';
    try {
      const names = works.map((w) => w.name);
      const copy = await db.create(copyName(previous.name, names), previous);
      kept = ` The work as it was saved is kept in “Saved work” as “${copy.name}”.`;
    } catch (error) {
      saveProblem = storageProblem(error);
    }
    notices.push({
      text: `${training.problem} The rest was loaded.${kept}`,
      backTo: null,
      tone: 'alert',
    });
  }
  return {
    record: previous,
    base: previous.revision,
    stepper: stepper ? stepper.work : null,
    training: { choices: training.choices, work: training.work },
    notices,
    saveProblem,
  };
}
