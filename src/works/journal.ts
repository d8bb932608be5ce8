import type { WorksDatabase } from './database';
import { copyName, newRecord, type WorkPayload } from './records';

/**
 * Changes not yet saved when a tab is hidden or closed. IndexedDB writes are asynchronous and a
 * closing page may not live to finish one, so pagehide also writes the changes synchronously here
 * (localStorage, one key per tab); the next start puts them into the database.
 */
export interface UnsavedEntry {
  id: string;
  name: string;
  /** The revision the changes were made on. */
  base: number;
  payload: WorkPayload;
}

export interface Journal {
  write(entry: UnsavedEntry): void;
  clear(): void;
  /** Every tab's entries, each with the key that removes it once it is in the database. */
  pending(): { key: string; entry: UnsavedEntry }[];
  remove(key: string): void;
}

const PREFIX = 'backstep.unsaved.';

export function storageJournal(
  storage: Pick<Storage, 'getItem' | 'setItem' | 'removeItem' | 'key' | 'length'> | null,
  tab = Math.random().toString(36).slice(2),
): Journal {
  const safely = (job: () => void) => {
    try {
      job();
    } catch {
      // Best effort: the asynchronous save is still under way.
    }
  };
  return {
    write: (entry) => safely(() => storage?.setItem(PREFIX + tab, JSON.stringify(entry))),
    clear: () => safely(() => storage?.removeItem(PREFIX + tab)),
    remove: (key) => safely(() => storage?.removeItem(key)),
    pending() {
      const found: { key: string; entry: UnsavedEntry }[] = [];
      safely(() => {
        for (let i = 0; storage && i < storage.length; i++) {
          const key = storage.key(i);
          const text = key?.startsWith(PREFIX) ? storage.getItem(key) : null;
          const entry = text ? readEntry(text) : null;
          if (key && entry) found.push({ key, entry });
        }
      });
      return found;
    },
  };
}

function readEntry(text: string): UnsavedEntry | null {
  try {
    const raw = JSON.parse(text) as UnsavedEntry;
    const ok =
      typeof raw.id === 'string' &&
      typeof raw.name === 'string' &&
      typeof raw.base === 'number' &&
      typeof raw.payload?.stepper === 'string' &&
      (raw.payload.training === null || typeof raw.payload.training === 'string');
    return ok ? raw : null;
  } catch {
    return null;
  }
}

/**
 * Put the changes closed tabs left into the database: as the next revision of their work, or as a
 * copy beside it when another tab saved a newer one meanwhile. Returns what the learner is told.
 * Rejects (and keeps the entries) when the database cannot be written.
 */
export async function replayJournal(
  db: WorksDatabase,
  journal: Journal,
  now = new Date(),
): Promise<string[]> {
  const said: string[] = [];
  for (const { key, entry } of journal.pending()) {
    const stored = await db.get(entry.id);
    const same =
      stored?.stepper === entry.payload.stepper && stored.training === entry.payload.training;
    if (!same) {
      const meta = stored ?? newRecord(entry.id, entry.name, entry.payload, now);
      const outcome = await db.save(meta, entry.base, entry.payload);
      if (outcome.kind === 'conflict') {
        const names = (await db.list()).map((r) => r.name);
        const copy = await db.create(copyName(outcome.theirs.name, names), entry.payload);
        said.push(
          `Changes to “${outcome.theirs.name}” made in a tab closed before they were saved, while another tab changed it too, are kept as “${copy.name}” in “Saved work”.`,
        );
      }
    }
    journal.remove(key);
  }
  return said;
}
