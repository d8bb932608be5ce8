import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createAppStore } from '../../../src/store';
import { DEFAULT_TRAINING } from '../../../src/training/choices';
import { localClient } from '../../../src/training/client';
import { csvTextKey, loadTrainingChoices } from '../../../src/training/persist';
import { createWorkbench } from '../../../src/training/workbench';
import { memoryBackend } from '../../../src/works/backend';
import type { WorksDatabase } from '../../../src/works/database';
import type { Journal } from '../../../src/works/journal';
import type { WorkRecord } from '../../../src/works/records';
import { startSession } from '../../../src/works/session';
import { openStartup } from '../../../src/works/startup';
import {
  collectTexts,
  ensureText,
  ORPHANS_KEY,
  sweepPlan,
  TEXT_GRACE_MS,
} from '../../../src/works/texts';
import { prepareTraining, trainingSideOf } from '../../../src/works/trainingSide';
import { defaultPayload, memoryDatabase } from './fixtures';

/**
 * CSV texts stored apart from the works (keyed by hash) are deleted once nothing stored names
 * them: marked by one sweep, deleted by a later one at least TEXT_GRACE_MS after. What only a tab
 * holds (its undo history, a deleted work's "Undo delete") stores its texts again when needed.
 */

/** A CSV of `rows` rows, two inputs and a class; `salt` makes another file. */
function csv(rows: number, salt: number): string {
  const lines = ['x1,x2,label'];
  for (let r = 0; r < rows; r++)
    lines.push(`${((r + salt) % 7) / 7},${(r % 5) / 5},${r % 2 ? 'yes' : 'no'}`);
  return lines.join('\n');
}

const A = csv(40, 1);
const B = csv(40, 2);
const C = csv(40, 3);
const keyA = csvTextKey(A);
const keyB = csvTextKey(B);
const keyC = csvTextKey(C);

const T0 = Date.UTC(2026, 11, 5, 12, 0);

describe('sweepPlan', () => {
  it('keeps what is named, marks what is not, deletes what stayed unnamed long enough', () => {
    const now = T0 + TEXT_GRACE_MS;
    const plan = sweepPlan(
      {
        keys: ['named', 'new', 'young', 'old', 'future', ORPHANS_KEY],
        marks: { named: T0, young: now - TEXT_GRACE_MS + 1, old: T0, future: now + 5, gone: T0 },
      },
      new Set(['named']),
      now,
    );
    expect(plan).toEqual({
      remove: ['old'],
      marks: { new: now, young: now - TEXT_GRACE_MS + 1, future: now },
    });
  });
});

/** A tab on a work, its Train tab's data a CSV; saves only when told. */
async function tab(db: WorksDatabase, record: WorkRecord, journal: Journal | null = null) {
  await prepareTraining(record.training, db);
  const bench = createWorkbench(loadTrainingChoices(record.training), {
    makeClient: localClient,
    requestFrame: () => 0,
    cancelFrame: () => {},
  });
  const notices: { text: string; run?: () => void }[] = [];
  const session = startSession({
    db,
    app: createAppStore(),
    training: trainingSideOf(bench, db),
    record,
    base: record.revision,
    delayMs: 60_000,
    journal,
    openWork: () => {},
  });
  session.view.subscribe((s) => {
    notices.splice(
      0,
      notices.length,
      ...s.notices.map((n) => ({ text: n.text, run: n.action?.run })),
    );
  });
  const load = (text: string, name: string) =>
    expect(bench.choices.getState().loadCsv(text, name)).toBeNull();
  return { bench, session, notices, load };
}

describe('stored CSV texts are deleted when nothing names them', () => {
  beforeEach(() => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(T0);
  });
  afterEach(() => vi.useRealTimers());

  const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

  it('switching datasets, then undo: the first file is marked, deleted later, and stored again', async () => {
    const backend = memoryBackend();
    const db = memoryDatabase(backend);
    const record = await db.create('Practice', defaultPayload());
    const { bench, session, load } = await tab(db, record);
    load(A, 'a.csv');
    expect(await session.flush()).toBe(true);
    await session.sweepTexts();
    expect([...backend.texts.keys()]).toEqual([keyA]);
    expect(backend.marks).toEqual({});

    load(B, 'b.csv');
    expect(await session.flush()).toBe(true);
    await settle(); // the sweep the save started: a, named by nothing, is marked, not deleted
    expect([...backend.texts.keys()].sort()).toEqual([keyA, keyB].sort());
    expect(backend.marks).toEqual({ [keyA]: T0 });

    vi.setSystemTime(T0 + TEXT_GRACE_MS - 1);
    await session.sweepTexts();
    expect(backend.texts.has(keyA)).toBe(true);
    vi.setSystemTime(T0 + TEXT_GRACE_MS);
    await session.sweepTexts();
    expect([...backend.texts.keys()]).toEqual([keyB]);
    expect(backend.marks).toEqual({});

    // Undo brings the first file back (the tab has its text): the save stores it again.
    await bench.undo();
    expect(bench.choices.getState().csv?.text).toBe(A);
    expect(await session.flush()).toBe(true);
    await settle();
    expect(backend.texts.get(keyA)).toBe(A);
    expect(backend.marks).toEqual({ [keyB]: T0 + TEXT_GRACE_MS });
    session.stop();
    bench.controller.dispose();

    const opened = await openStartup({ db, legacy: null, hash: '', currentId: record.id });
    expect(opened.notices).toEqual([]);
    expect(opened.training.choices.csv).toEqual({ name: 'a.csv', text: A });
  });

  it('two tabs: a text another tab’s saved work names stays; one it left stays the grace time', async () => {
    const backend = memoryBackend();
    const db = memoryDatabase(backend);
    const one = await tab(db, await db.create('One', defaultPayload()));
    const two = await tab(db, await db.create('Two', defaultPayload()));
    one.load(A, 'a.csv');
    two.load(B, 'b.csv');
    expect(await one.session.flush()).toBe(true);
    expect(await two.session.flush()).toBe(true);
    vi.setSystemTime(T0 + 10 * TEXT_GRACE_MS);
    await two.session.sweepTexts();
    await one.session.sweepTexts();
    expect([...backend.texts.keys()].sort()).toEqual([keyA, keyB].sort());
    expect(backend.marks).toEqual({});

    // Tab one moves on to C; tab two sweeps: A is marked, then deleted a grace time later.
    one.load(C, 'c.csv');
    expect(await one.session.flush()).toBe(true);
    await two.session.sweepTexts();
    expect(backend.marks).toEqual({ [keyA]: T0 + 10 * TEXT_GRACE_MS });
    vi.setSystemTime(T0 + 11 * TEXT_GRACE_MS);
    await two.session.sweepTexts();
    expect([...backend.texts.keys()].sort()).toEqual([keyB, keyC].sort());
    for (const t of [one, two]) {
      t.session.stop();
      t.bench.controller.dispose();
    }
  });

  it('a tab storing a text again while another tab sweeps from an older list: nothing is lost', async () => {
    const backend = memoryBackend();
    const db = memoryDatabase(backend);
    await ensureText(db, keyA, A);
    // Unnamed since T0: a sweep at the grace time would delete it.
    await collectTexts(db, [], T0);
    expect(backend.marks).toEqual({ [keyA]: T0 });
    // The sweeping tab reads the works (none names A) …
    const staleList = await db.list();
    // … a tab undoes back to A and stores it before its save names it (the mark is taken back) …
    expect(await ensureText(db, keyA, A)).toBe(false);
    // … then the sweep's own transaction runs: A is unmarked, so it is marked again, not deleted.
    const removed = await collectTexts(
      { list: async () => staleList, updateTexts: (decide) => db.updateTexts(decide) },
      [],
      T0 + TEXT_GRACE_MS,
    );
    expect(removed).toEqual([]);
    expect(backend.texts.get(keyA)).toBe(A);
    expect(backend.marks).toEqual({ [keyA]: T0 + TEXT_GRACE_MS });
  });

  it('a deleted work: its text goes with it, and "Undo delete" brings both back', async () => {
    const backend = memoryBackend();
    const db = memoryDatabase(backend);
    const gone = await db.create('Gone', defaultPayload());
    const first = await tab(db, gone);
    first.load(A, 'a.csv');
    expect(await first.session.flush()).toBe(true);
    first.session.stop();
    first.bench.controller.dispose();

    const here = await tab(db, await db.create('Here', defaultPayload()));
    await here.session.remove(gone.id);
    await settle();
    expect(backend.marks).toEqual({ [keyA]: T0 });
    vi.setSystemTime(T0 + TEXT_GRACE_MS);
    await here.session.sweepTexts();
    expect(backend.texts.size).toBe(0);

    const undo = here.notices.find((n) => n.text === 'Deleted “Gone”.');
    undo?.run?.();
    await vi.waitFor(async () => expect(await db.get(gone.id)).toBeDefined());
    expect(backend.texts.get(keyA)).toBe(A);
    const opened = await openStartup({ db, legacy: null, hash: '', currentId: gone.id });
    expect(opened.training.choices.csv).toEqual({ name: 'a.csv', text: A });
    here.session.stop();
    here.bench.controller.dispose();
  });

  it('a change a closed tab left in the journal keeps the texts it names', async () => {
    const backend = memoryBackend();
    const db = memoryDatabase(backend);
    await ensureText(db, keyA, A);
    const record = await db.create('Mine', defaultPayload());
    const journal: Journal = {
      write: () => {},
      clear: () => {},
      remove: () => {},
      pending: () => [
        {
          key: 'backstep.unsaved.x',
          entry: {
            id: 'elsewhere',
            name: 'Elsewhere',
            base: 1,
            payload: {
              stepper: '',
              training: `{"choices":{"csv":{"name":"a.csv","stored":"${keyA}"}}}`,
            },
          },
        },
      ],
    };
    const { session, bench } = await tab(db, record, journal);
    await session.sweepTexts();
    vi.setSystemTime(T0 + 2 * TEXT_GRACE_MS);
    await session.sweepTexts();
    expect(backend.texts.get(keyA)).toBe(A);
    expect(backend.marks).toEqual({});
    session.stop();
    bench.controller.dispose();
  });

  it('a work without a CSV: nothing to store, and the defaults need no text', async () => {
    const backend = memoryBackend();
    const db = memoryDatabase(backend);
    const { session, bench } = await tab(db, await db.create('Plain', defaultPayload()));
    expect(bench.choices.getState().csv).toBe(DEFAULT_TRAINING.csv);
    expect(await session.flush()).toBe(true);
    await session.sweepTexts();
    expect(backend.texts.size).toBe(0);
    session.stop();
    bench.controller.dispose();
  });
});
