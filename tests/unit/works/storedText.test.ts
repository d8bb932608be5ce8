import { describe, expect, it, vi } from 'vitest';
import { createAppStore } from '../../../src/store';
import { DEFAULT_TRAINING } from '../../../src/training/choices';
import { localClient } from '../../../src/training/client';
import { csvTextKey } from '../../../src/training/persist';
import { createWorkbench } from '../../../src/training/workbench';
import { memoryBackend } from '../../../src/works/backend';
import { startSession } from '../../../src/works/session';
import { openStartup } from '../../../src/works/startup';
import { trainingSideOf } from '../../../src/works/trainingSide';
import { defaultPayload, memoryDatabase } from './fixtures';

/**
 * A CSV file's text is stored once, apart from the work (keyed by its hash): saving the work again
 * writes a few kB, not the file; opening the work finds it there.
 */

/** A CSV of `rows` rows, two inputs and a class. */
function csv(rows: number): string {
  const lines = ['x1,x2,label'];
  for (let r = 0; r < rows; r++)
    lines.push(`${(r % 7) / 7},${(r % 5) / 5},${r % 2 ? 'yes' : 'no'}`);
  return lines.join('\n');
}

describe('a CSV text stored apart from the work', () => {
  it('is written once under its key; the saves name it; startup reads it back', async () => {
    const backend = memoryBackend();
    const db = memoryDatabase(backend);
    const record = await db.create('Practice', defaultPayload());
    const bench = createWorkbench(
      { choices: DEFAULT_TRAINING, work: null },
      { makeClient: localClient, requestFrame: () => 0, cancelFrame: () => {} },
    );
    const session = startSession({
      db,
      app: createAppStore(),
      training: trainingSideOf(bench, db),
      record,
      base: record.revision,
      delayMs: 60_000,
      openWork: () => {},
    });
    const text = csv(3000);
    const key = csvTextKey(text);
    expect(key).toMatch(/^csv-[0-9a-f]{16}-\d+$/);
    expect(bench.choices.getState().loadCsv(text, 'mine.csv')).toBeNull();
    const written = vi.spyOn(backend.texts, 'set');
    expect(await session.flush()).toBe(true);
    expect(backend.texts.get(key)).toBe(text);
    const saved = (await db.get(record.id))?.training ?? '';
    expect(saved).toContain(`"csv":{"name":"mine.csv","stored":"${key}"}`);
    expect(saved.length).toBeLessThan(5000);

    // Saved again after a change: the work, not the file.
    expect(bench.choices.getState().setBatchSize(3)).toBeNull();
    expect(await session.flush()).toBe(true);
    expect(await db.get(record.id)).toMatchObject({ revision: 3 });
    expect(written).toHaveBeenCalledTimes(1);
    session.stop();
    bench.controller.dispose();

    // Opened again: the text is found by its key.
    const startup = await openStartup({ db, legacy: null, hash: '', currentId: record.id });
    expect(startup.notices).toEqual([]);
    expect(startup.training.choices.csv).toEqual({ name: 'mine.csv', text });
    expect(startup.training.choices.source).toBe('csv');
    expect(startup.training.choices.batchSize).toBe(3);

    // A text the storage does not have: the rest of the work opens, and it says what is missing.
    const current = (await db.get(record.id))!;
    const lostKey = 'csv-0123456789abcdef-42';
    await db.save(current, current.revision, {
      stepper: current.stepper,
      training: (current.training ?? '').replace(key, lostKey),
    });
    const lost = await openStartup({ db, legacy: null, hash: '', currentId: record.id });
    expect(lost.training.choices.csv).toBeNull();
    expect(lost.training.choices.batchSize).toBe(3);
    expect(lost.notices.map((n) => n.text).join(' ')).toMatch(
      /csv \(the file's text is not in this browser's storage\)/,
    );
  });
});
