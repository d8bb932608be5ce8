import type { WorksBackend } from './backend';
import {
  cleanName,
  copyName,
  newestFirst,
  newRecord,
  type WorkPayload,
  type WorkRecord,
} from './records';
import type { TextsChange, TextsView } from './texts';

export type SaveOutcome =
  | { kind: 'saved'; record: WorkRecord }
  /** Another tab saved a newer revision since `base`: nothing was written. */
  | { kind: 'conflict'; theirs: WorkRecord };

export interface WorksDatabase {
  list(): Promise<WorkRecord[]>;
  get(id: string): Promise<WorkRecord | undefined>;
  create(name: string, payload: WorkPayload): Promise<WorkRecord>;
  /**
   * Write the payload as revision base + 1, unless the stored record has moved past `base`
   * (another tab saved it). A record deleted meanwhile is written again: work is never dropped.
   */
  save(meta: WorkRecord, base: number, payload: WorkPayload): Promise<SaveOutcome>;
  /** The name only: a rename is not an edit, so it raises no revision and clashes with none. */
  rename(id: string, name: string): Promise<WorkRecord | undefined>;
  duplicate(id: string): Promise<WorkRecord | undefined>;
  remove(id: string): Promise<WorkRecord | undefined>;
  /** Put a removed record back as it was (undo delete). */
  restore(record: WorkRecord): Promise<void>;
  /** A text works name by its key (a CSV file's), stored once apart from them. */
  getText(key: string): Promise<string | undefined>;
  putText(key: string, text: string): Promise<void>;
  /** The texts' keys and marks read and changed in one transaction (works/texts.ts). */
  updateTexts(decide: (view: TextsView) => TextsChange): Promise<void>;
}

export interface DatabaseOptions {
  now?: () => Date;
  newId?: () => string;
}

export function createWorksDatabase(
  backend: WorksBackend,
  { now = () => new Date(), newId = () => crypto.randomUUID() }: DatabaseOptions = {},
): WorksDatabase {
  return {
    list: async () => newestFirst(await backend.all()),
    get: (id) => backend.get(id),
    async create(name, payload) {
      const record = newRecord(newId(), name, payload, now());
      await backend.put(record);
      return record;
    },
    async save(meta, base, payload) {
      let outcome: SaveOutcome | null = null;
      await backend.update(meta.id, (current) => {
        if (current && current.revision !== base) {
          outcome = { kind: 'conflict', theirs: current };
          return null;
        }
        const record: WorkRecord = {
          ...(current ?? meta),
          ...payload,
          revision: Math.max(base, current?.revision ?? 0) + 1,
          updated: now().toISOString(),
        };
        outcome = { kind: 'saved', record };
        return record;
      });
      if (!outcome) throw new Error('The save did not run.');
      return outcome;
    },
    async rename(id, name) {
      let renamed: WorkRecord | undefined;
      await backend.update(id, (current) => {
        if (!current) return null;
        renamed = { ...current, name: cleanName(name, current.name) };
        return renamed;
      });
      return renamed;
    },
    async duplicate(id) {
      const [original, all] = await Promise.all([backend.get(id), backend.all()]);
      if (!original) return undefined;
      const name = copyName(
        original.name,
        all.map((r) => r.name),
      );
      const copy = newRecord(newId(), name, original, now());
      await backend.put(copy);
      return copy;
    },
    async remove(id) {
      const record = await backend.get(id);
      if (record) await backend.remove(id);
      return record;
    },
    restore: (record) => backend.put(record),
    getText: (key) => backend.getText(key),
    putText: (key, text) => backend.putText(key, text),
    updateTexts: (decide) => backend.updateTexts(decide),
  };
}

/** What went wrong with the browser's storage, in the learner's words. */
export function storageProblem(error: unknown): string {
  const name = error instanceof Error || error instanceof DOMException ? error.name : '';
  if (name === 'QuotaExceededError') return "this browser's storage for the app is full";
  if (name === 'InvalidStateError' || name === 'SecurityError' || name === 'UnknownError')
    return 'storage is blocked in this browser (private mode or a site setting)';
  return 'storage is not available in this browser';
}
