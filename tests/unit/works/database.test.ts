import { describe, expect, it } from 'vitest';
import { memoryBackend, type WorksBackend } from '../../../src/works/backend';
import { storageProblem } from '../../../src/works/database';
import { defaultPayload, memoryDatabase } from './fixtures';

describe('the works database', () => {
  it('raises the revision on each save, and refuses a save made on an older revision', async () => {
    const db = memoryDatabase();
    const work = await db.create('Practice', defaultPayload());
    expect(work).toMatchObject({ id: 'work-1', name: 'Practice', revision: 1 });

    const first = await db.save(work, 1, { stepper: 'one', training: null });
    expect(first).toMatchObject({ kind: 'saved', record: { revision: 2, stepper: 'one' } });
    const stale = await db.save(work, 1, { stepper: 'two', training: null });
    expect(stale).toMatchObject({ kind: 'conflict', theirs: { revision: 2, stepper: 'one' } });
    expect(await db.get(work.id)).toMatchObject({ revision: 2, stepper: 'one' });
  });

  it('renames without a new revision, duplicates under a free name, deletes and restores', async () => {
    const db = memoryDatabase();
    const work = await db.create('Practice', defaultPayload());
    expect(await db.rename(work.id, '  Sigmoid   practice ')).toMatchObject({
      name: 'Sigmoid practice',
      revision: 1,
    });
    expect(await db.rename(work.id, '   ')).toMatchObject({ name: 'Sigmoid practice' });
    const copy = await db.duplicate(work.id);
    const again = await db.duplicate(work.id);
    expect([copy?.name, again?.name]).toEqual([
      'Sigmoid practice (copy)',
      'Sigmoid practice (copy 2)',
    ]);
    expect(copy?.stepper).toBe(work.stepper);

    const removed = await db.remove(work.id);
    expect((await db.list()).map((w) => w.name)).not.toContain('Sigmoid practice');
    await db.restore(removed!);
    expect(await db.get(work.id)).toEqual(removed);
  });

  it('writes a work again that another tab deleted while it was open', async () => {
    const db = memoryDatabase();
    const work = await db.create('Practice', defaultPayload());
    await db.remove(work.id);
    const outcome = await db.save(work, 1, { stepper: 'kept', training: null });
    expect(outcome).toMatchObject({ kind: 'saved', record: { name: 'Practice', revision: 2 } });
  });

  it('lists the most recently changed first', async () => {
    const db = memoryDatabase();
    const older = await db.create('Older', defaultPayload());
    await db.create('Newer', defaultPayload());
    await db.save(older, 1, { stepper: 'changed', training: null });
    expect((await db.list()).map((w) => w.name)).toEqual(['Older', 'Newer']);
  });

  it('lets a storage failure through, and says it in the learner’s words', async () => {
    const full = new DOMException('quota', 'QuotaExceededError');
    const backend: WorksBackend = {
      ...memoryBackend(),
      put: () => Promise.reject(full),
      update: () => Promise.reject(full),
    };
    await expect(memoryDatabase(backend).create('x', defaultPayload())).rejects.toBe(full);
    expect(storageProblem(full)).toMatch(/storage for the app is full/);
    expect(storageProblem(new DOMException('no', 'InvalidStateError'))).toMatch(/private mode/);
  });
});
