import { STORAGE_KEY } from '../store/autosave';
import { TRAINING_KEY } from '../training/persist';
import type { WorksDatabase } from './database';
import type { WorkRecord } from './records';

/** Set once the localStorage save has been copied into the works database. */
export const MIGRATED_KEY = 'backstep.migrated';

export type KeyValueStore = Pick<Storage, 'getItem' | 'setItem'>;

/**
 * Copy the single localStorage save (stepper and training) into the works database, once and
 * exactly as it was: a copy that cannot be read is copied too, and said when it is opened. The old
 * keys are left where they are; only a successful write marks the migration done, so a failed one
 * is tried again on the next start. Rejects when the database cannot be written.
 */
export async function migrateLocalStorage(
  db: WorksDatabase,
  storage: KeyValueStore | null,
): Promise<WorkRecord | null> {
  if (!storage) return null;
  let stepper: string | null;
  let training: string | null;
  try {
    if (storage.getItem(MIGRATED_KEY) !== null) return null;
    stepper = storage.getItem(STORAGE_KEY);
    training = storage.getItem(TRAINING_KEY);
  } catch {
    return null; // localStorage blocked: there is nothing to bring over.
  }
  if (stepper === null && training === null) return null;
  // A training-only save keeps the default network: an empty stepper payload opens as the default.
  const record = await db.create('Your work', { stepper: stepper ?? '', training });
  try {
    storage.setItem(MIGRATED_KEY, record.id);
  } catch {
    // The copy is written; without the mark it would be copied again, which loses nothing.
  }
  return record;
}
