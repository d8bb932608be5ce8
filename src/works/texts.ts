import { csvKeysIn } from '../training/persist';
import type { WorksDatabase } from './database';

/**
 * The CSV texts works name by key (works/trainingSide.ts), stored once apart from them, are
 * deleted when nothing stored names them any more: no saved work, and no change a closed tab left
 * in the journal. What only lives in a tab — its undo history, a work deleted with "Undo delete"
 * still on screen — holds its texts in memory, and stores them again (ensureText) when it names
 * them in a save or brings the work back.
 *
 * Tabs run side by side, so a text is not deleted the first time it is found unnamed: it is marked
 * (the time, in the texts' store), and deleted by a sweep at least TEXT_GRACE_MS later that still
 * finds it unnamed and marked. Storing a text removes its mark in the same transaction: a tab that
 * names a text again (an undo after switching datasets) stores it or unmarks it before its save
 * names it, so a sweep that read the works before that save finds it unmarked, marks it afresh, and
 * the next sweep sees it named.
 */

/** Where the marks are kept in the texts' store (texts' keys start with 'csv-'). */
export const ORPHANS_KEY = 'orphans';

/** The first sweep after startup, when the page has settled: it reads every work. */
export const TEXT_SWEEP_AFTER_MS = 5000;

/** A text found unnamed stays at least this long. */
export const TEXT_GRACE_MS = 10 * 60_000;

/** Each unnamed text's key, with when a sweep first found it unnamed (ms since 1970). */
export type OrphanMarks = Record<string, number>;

/** What the texts' store holds, and what to change, in one transaction (backend.updateTexts). */
export interface TextsView {
  keys: string[];
  marks: OrphanMarks;
}
export interface TextsChange {
  put?: { key: string; text: string }[];
  remove?: string[];
  marks: OrphanMarks;
}

/** Marks read back from storage: anything else counts as none. */
export function readMarks(raw: unknown): OrphanMarks {
  if (raw === null || typeof raw !== 'object') return {};
  const marks: OrphanMarks = {};
  for (const [key, at] of Object.entries(raw as Record<string, unknown>)) {
    if (typeof at === 'number' && Number.isFinite(at)) marks[key] = at;
  }
  return marks;
}

/** A sweep: texts named keep no mark; unnamed ones are marked, or deleted once marked long enough. */
export function sweepPlan(
  view: TextsView,
  named: ReadonlySet<string>,
  now: number,
  graceMs = TEXT_GRACE_MS,
): TextsChange {
  const marks: OrphanMarks = {};
  const remove: string[] = [];
  for (const key of view.keys) {
    if (key === ORPHANS_KEY || named.has(key)) continue;
    const since = view.marks[key];
    if (since === undefined || since > now) marks[key] = now;
    else if (now - since >= graceMs) remove.push(key);
    else marks[key] = since;
  }
  return { remove, marks };
}

/** Storing a text a save is about to name: written if missing, its mark removed either way. */
export function ensurePlan(view: TextsView, key: string, text: string): TextsChange {
  const marks = { ...view.marks };
  delete marks[key];
  return { put: view.keys.includes(key) ? [] : [{ key, text }], marks };
}

/**
 * Sweep the texts: delete those no stored work names (nor `alsoNamed`: this tab's work and the
 * journal's) and that were found unnamed long enough ago. Returns the keys deleted.
 */
export async function collectTexts(
  db: Pick<WorksDatabase, 'list' | 'updateTexts'>,
  alsoNamed: Iterable<string>,
  now: number = Date.now(),
): Promise<string[]> {
  const named = new Set(alsoNamed);
  for (const record of await db.list())
    for (const key of csvKeysIn(record.training)) named.add(key);
  let removed: string[] = [];
  await db.updateTexts((view) => {
    const change = sweepPlan(view, named, now);
    removed = change.remove ?? [];
    return change;
  });
  return removed;
}

/** Store a text a save names (see ensurePlan); true when it had to be written. */
export async function ensureText(
  db: Pick<WorksDatabase, 'updateTexts'>,
  key: string,
  text: string,
): Promise<boolean> {
  let wrote = false;
  await db.updateTexts((view) => {
    const change = ensurePlan(view, key, text);
    wrote = (change.put ?? []).length > 0;
    return change;
  });
  return wrote;
}
