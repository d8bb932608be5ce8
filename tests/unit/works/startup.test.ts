import { describe, expect, it } from 'vitest';
import { STORAGE_KEY } from '../../../src/store/autosave';
import { encodeShare, learnerOf, toSaved } from '../../../src/store/persist';
import { createAppStore } from '../../../src/store';
import { TRAINING_KEY, trainingToJson } from '../../../src/training/persist';
import { createTrainingStore } from '../../../src/training/store';
import { memoryBackend, type WorksBackend } from '../../../src/works/backend';
import { storageJournal } from '../../../src/works/journal';
import { MIGRATED_KEY } from '../../../src/works/migrate';
import { openStartup } from '../../../src/works/startup';
import { defaultPayload, memoryDatabase, setBias } from './fixtures';

function memoryStorage(initial: Record<string, string> = {}) {
  const data = new Map(Object.entries(initial));
  return {
    data,
    get length() {
      return data.size;
    },
    key: (i: number) => [...data.keys()][i] ?? null,
    getItem: (key: string) => data.get(key) ?? null,
    setItem: (key: string, value: string) => void data.set(key, value),
    removeItem: (key: string) => void data.delete(key),
  };
}

function editedWork() {
  const app = createAppStore();
  setBias(app, 0.9);
  return learnerOf(app.getState());
}

const ids = () => {
  let n = 0;
  return () => `new-${++n}`;
};

describe('migrating the old localStorage save', () => {
  it('copies it once, exactly, keeps the old keys, and opens it', async () => {
    const stepper = JSON.stringify(toSaved(editedWork()));
    const training = trainingToJson({ ...createTrainingStore().getState(), dataSeed: 77 });
    const legacy = memoryStorage({ [STORAGE_KEY]: stepper, [TRAINING_KEY]: training });
    const db = memoryDatabase();
    const first = await openStartup({ db, legacy, hash: '', currentId: null, newId: ids() });
    expect(first.record).toMatchObject({ name: 'Your work', stepper, training, revision: 1 });
    expect(first.stepper?.network.layers[0]?.biases[0]).toBe(0.9);
    expect(first.training.choices).toMatchObject({ dataSeed: 77 });
    expect(legacy.data.get(MIGRATED_KEY)).toBe(first.record.id);
    expect(legacy.data.get(STORAGE_KEY)).toBe(stepper);

    await openStartup({ db, legacy, hash: '', currentId: null });
    expect(await db.list()).toHaveLength(1);
  });

  it('copies an unreadable save too, says so, and starts a new work beside it', async () => {
    const garbage = '{"app":"backstep","version":1,"work":{"network":';
    const legacy = memoryStorage({ [STORAGE_KEY]: garbage });
    const db = memoryDatabase();
    const startup = await openStartup({ db, legacy, hash: '', currentId: null, newId: ids() });
    expect(startup.notices[0]?.text).toMatch(/could not be read .* kept unchanged in “Saved work”/);
    expect(startup).toMatchObject({ base: 0, stepper: null });
    expect((await db.list()).map((w) => w.stepper)).toEqual([garbage]);
  });

  it('leaves the old save and no mark when the database cannot be written', async () => {
    const backend: WorksBackend = {
      ...memoryBackend(),
      put: () => Promise.reject(new DOMException('quota', 'QuotaExceededError')),
    };
    const legacy = memoryStorage({ [STORAGE_KEY]: JSON.stringify(toSaved(editedWork())) });
    const startup = await openStartup({
      db: memoryDatabase(backend),
      legacy,
      hash: '',
      currentId: null,
      newId: ids(),
    });
    expect(startup.saveProblem).toMatch(/full/);
    expect(legacy.data.has(MIGRATED_KEY)).toBe(false);
    expect(legacy.data.has(STORAGE_KEY)).toBe(true);
  });
});

describe('what a tab opens', () => {
  it('opens a link as a new work beside the learner’s, with the way back', async () => {
    const db = memoryDatabase();
    const mine = await db.create('Mine', defaultPayload());
    const hash = `#work=${encodeShare(editedWork())}`;
    const startup = await openStartup({ db, legacy: null, hash, currentId: null, newId: ids() });
    expect(startup.record).toMatchObject({ name: 'Shared work', revision: 1 });
    expect(startup.stepper?.network.layers[0]?.biases[0]).toBe(0.9);
    expect(startup.notices).toEqual([
      expect.objectContaining({ backTo: mine.id, text: expect.stringMatching(/new work/) }),
    ]);
    expect((await db.list()).map((w) => w.name).sort()).toEqual(['Mine', 'Shared work']);
    expect(await db.get(mine.id)).toEqual(mine);
  });

  it('a damaged link changes nothing and opens the tab’s own work', async () => {
    const db = memoryDatabase();
    await db.create('Newest', defaultPayload());
    const mine = await db.create('Mine', defaultPayload());
    const startup = await openStartup({
      db,
      legacy: null,
      hash: '#work=garbage!!',
      currentId: mine.id,
    });
    expect(startup.record.id).toBe(mine.id);
    expect(startup.notices[0]).toMatchObject({ tone: 'alert' });
    expect(await db.list()).toHaveLength(2);
  });

  it('puts a closed tab’s unsaved changes in, as a copy when another tab saved meanwhile', async () => {
    const db = memoryDatabase();
    const work = await db.create('Practice', defaultPayload());
    const storage = memoryStorage();
    const journal = storageJournal(storage, 'tab-a');
    const closed = { stepper: 'closed tab', training: null };
    journal.write({ id: work.id, name: work.name, base: 1, payload: closed });
    await db.save(work, 1, { stepper: 'other tab', training: null });

    const startup = await openStartup({ db, legacy: null, hash: '', currentId: null, journal });
    expect(startup.notices[0]?.text).toMatch(/kept as “Practice \(copy\)”/);
    const stored = Object.fromEntries((await db.list()).map((w) => [w.name, w.stepper]));
    expect(stored).toEqual({ Practice: 'other tab', 'Practice (copy)': 'closed tab' });
    expect(storage.data.size).toBe(0);
  });
});
