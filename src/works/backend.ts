import { createStore, promisifyRequest, type UseStore } from 'idb-keyval';
import { bytesOfText, rememberTextBytes } from '../training/storedTexts';
import type { WorkRecord } from './records';
import {
  ORPHANS_KEY,
  readMarks,
  type OrphanMarks,
  type TextsChange,
  type TextsView,
} from './texts';

/**
 * Where the works are kept. The app uses IndexedDB (idb-keyval); tests pass the in-memory one,
 * since happy-dom has no IndexedDB. Every method may reject (storage full, blocked, private mode).
 */
export interface WorksBackend {
  get(id: string): Promise<WorkRecord | undefined>;
  all(): Promise<WorkRecord[]>;
  put(record: WorkRecord): Promise<void>;
  /**
   * Read one record and write what `decide` returns in one transaction, so no other tab can
   * write between the read and the write; null writes nothing.
   */
  update(id: string, decide: (current: WorkRecord | undefined) => WorkRecord | null): Promise<void>;
  remove(id: string): Promise<void>;
  /**
   * A text a work names by its key (a CSV file's, training/persist.ts csvTextKey), kept apart from
   * the works: saved once, not again with every save of a work that uses it.
   */
  getText(key: string): Promise<string | undefined>;
  putText(key: string, text: string): Promise<void>;
  /**
   * Read the texts' keys and marks (works/texts.ts) and make the change `decide` returns, in one
   * transaction: no other tab writes between the read and the write.
   */
  updateTexts(decide: (view: TextsView) => TextsChange): Promise<void>;
}

/**
 * A text as IndexedDB keeps it: a Blob. Stored as a string, a 5 MB file was copied in and out of
 * storage on the page's thread, in one task (50–80 ms to read it back at startup); a Blob is stored
 * by reference, and read back with `text()`, which waits for the bytes without holding the page.
 */
const storedText = (text: string): Blob =>
  bytesOfText(text) ?? new Blob([text], { type: 'text/plain' });

/** A stored text back: a Blob, or a string as texts were stored before. */
async function textOf(value: unknown): Promise<string | undefined> {
  if (typeof value === 'string') return value;
  if (!(value instanceof Blob)) return undefined;
  const text = await value.text();
  // Its bytes at hand: the table worker is handed them, not the string copied (34 ms for 5 MB).
  rememberTextBytes(text, value);
  return text;
}

/** The works in IndexedDB; where it cannot even be opened, a backend whose every call fails. */
export function idbBackend(): WorksBackend {
  let store: UseStore;
  let texts: UseStore;
  try {
    store = createStore('backstep', 'works');
    texts = createStore('backstep-texts', 'texts');
  } catch (error) {
    store = () => Promise.reject(error);
    texts = store;
  }
  return {
    get: (id) => store('readonly', (s) => promisifyRequest(s.get(id) as IDBRequest<WorkRecord>)),
    all: () => store('readonly', (s) => promisifyRequest(s.getAll() as IDBRequest<WorkRecord[]>)),
    put: (record) =>
      store('readwrite', (s) => {
        s.put(record, record.id);
        return promisifyRequest(s.transaction);
      }),
    update: (id, decide) =>
      store(
        'readwrite',
        (s) =>
          new Promise<void>((resolve, reject) => {
            const read = s.get(id);
            read.onerror = () => reject(read.error ?? new Error('The work could not be read.'));
            read.onsuccess = () => {
              try {
                const next = decide(read.result as WorkRecord | undefined);
                if (next) s.put(next, id);
                resolve(promisifyRequest(s.transaction));
              } catch (error) {
                reject(error);
              }
            };
          }),
      ),
    remove: (id) =>
      store('readwrite', (s) => {
        s.delete(id);
        return promisifyRequest(s.transaction);
      }),
    getText: async (key) =>
      textOf(await texts('readonly', (s) => promisifyRequest(s.get(key) as IDBRequest<unknown>))),
    putText: (key, text) =>
      texts('readwrite', (s) => {
        s.put(storedText(text), key);
        return promisifyRequest(s.transaction);
      }),
    updateTexts: (decide) =>
      texts(
        'readwrite',
        (s) =>
          new Promise<void>((resolve, reject) => {
            const keys = s.getAllKeys();
            const marks = s.get(ORPHANS_KEY);
            const failed = () => reject(keys.error ?? marks.error ?? new Error('Texts unread.'));
            keys.onerror = failed;
            marks.onerror = failed;
            // Requests of one transaction complete in order: the marks are read last.
            marks.onsuccess = () => {
              try {
                const change = decide({
                  keys: (keys.result as IDBValidKey[]).map(String),
                  marks: readMarks(marks.result),
                });
                for (const { key, text } of change.put ?? []) s.put(storedText(text), key);
                for (const key of change.remove ?? []) s.delete(key);
                s.put(change.marks, ORPHANS_KEY);
                resolve(promisifyRequest(s.transaction));
              } catch (error) {
                reject(error);
              }
            };
          }),
      ),
  };
}

/** Works in memory: for tests, and where IndexedDB cannot even be opened. */
export function memoryBackend(): WorksBackend & {
  records: Map<string, WorkRecord>;
  texts: Map<string, string>;
  /** The texts' marks (works/texts.ts), kept apart from the texts here. */
  marks: OrphanMarks;
} {
  const records = new Map<string, WorkRecord>();
  const texts = new Map<string, string>();
  const copy = (record: WorkRecord | undefined) => (record ? { ...record } : undefined);
  return {
    records,
    get: async (id) => copy(records.get(id)),
    all: async () => [...records.values()].map((r) => ({ ...r })),
    put: async (record) => void records.set(record.id, { ...record }),
    update: async (id, decide) => {
      const next = decide(copy(records.get(id)));
      if (next) records.set(id, { ...next });
    },
    remove: async (id) => void records.delete(id),
    texts,
    getText: async (key) => texts.get(key),
    putText: async (key, text) => void texts.set(key, text),
    marks: {},
    async updateTexts(decide) {
      const change = decide({ keys: [...texts.keys()], marks: { ...this.marks } });
      for (const { key, text } of change.put ?? []) texts.set(key, text);
      for (const key of change.remove ?? []) texts.delete(key);
      this.marks = { ...change.marks };
    },
  };
}
