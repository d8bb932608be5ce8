import { describe, expect, it, vi } from 'vitest';
import { memoryBackend } from '../../../src/works/backend';
import type { Journal, UnsavedEntry } from '../../../src/works/journal';
import { channelBus, defaultPayload, memoryDatabase, openTab, setBias } from './fixtures';

const bias = (tab: ReturnType<typeof openTab>) => tab.app.getState().network.layers[0]?.biases[0];

describe('a tab’s session', () => {
  it('writes only what changed: an untouched tab writes nothing', async () => {
    const backend = memoryBackend();
    const db = memoryDatabase(backend);
    const record = await db.create('Practice', defaultPayload());
    const put = vi.spyOn(backend, 'update');
    const tab = openTab(db, record);
    expect(await tab.session.flush()).toBe(true);
    tab.app.getState().setNotation(tab.app.getState().notation); // no change
    expect(await tab.session.flush()).toBe(true);
    expect(put).not.toHaveBeenCalled();

    setBias(tab.app, 0.9);
    expect(await tab.session.flush()).toBe(true);
    expect(await tab.session.flush()).toBe(true);
    expect(put).toHaveBeenCalledTimes(1);
    expect(await db.get(record.id)).toMatchObject({ revision: 2 });
    tab.session.stop();
  });

  it('shows a newer revision another tab saved, when it has changed nothing itself', async () => {
    const db = memoryDatabase();
    const record = await db.create('Practice', defaultPayload());
    const bus = channelBus();
    const one = openTab(db, record, { channel: bus() });
    const two = openTab(db, record, { channel: bus() });
    setBias(one.app, 0.9);
    await one.session.flush();
    await vi.waitFor(() => expect(bias(two)).toBe(0.9));
    // Nothing to write: it shows what is stored.
    expect(await two.session.flush()).toBe(true);
    expect(await db.get(record.id)).toMatchObject({ revision: 2 });
    expect(two.session.view.getState().listVersion).toBeGreaterThan(0);
    one.session.stop();
    two.session.stop();
  });

  it('keeps both when two tabs changed the same work, and says so', async () => {
    const db = memoryDatabase();
    const record = await db.create('Practice', defaultPayload());
    const one = openTab(db, record);
    const two = openTab(db, record);
    setBias(one.app, 0.9);
    setBias(two.app, -0.4);
    await one.session.flush();
    expect(await two.session.flush()).toBe(true);

    const works = await db.list();
    expect(works.map((w) => w.name).sort()).toEqual(['Practice', 'Practice (copy)']);
    const copy = works.find((w) => w.name === 'Practice (copy)')!;
    expect(JSON.parse(copy.stepper).work.network.layers[0].biases[0]).toBe(-0.4);
    const original = await db.get(record.id);
    expect(JSON.parse(original!.stepper).work.network.layers[0].biases[0]).toBe(0.9);
    expect(two.session.view.getState()).toMatchObject({ workId: copy.id });
    expect(two.session.view.getState().notices[0]?.text).toMatch(
      /also changed in another tab\. Both are kept/,
    );
    // Later saves of that tab go to its copy.
    setBias(two.app, -0.5);
    await two.session.flush();
    expect(await db.get(copy.id)).toMatchObject({ revision: 2 });
    expect(await db.get(record.id)).toMatchObject({ revision: 2 });
    one.session.stop();
    two.session.stop();
  });

  it('reports a failed save until one succeeds, and the work goes on', async () => {
    const backend = memoryBackend();
    const db = memoryDatabase(backend);
    const record = await db.create('Practice', defaultPayload());
    const tab = openTab(db, record);
    const update = backend.update;
    backend.update = () => Promise.reject(new DOMException('quota', 'QuotaExceededError'));
    setBias(tab.app, 0.9);
    expect(await tab.session.flush()).toBe(false);
    expect(tab.session.view.getState().saveProblem).toMatch(/full/);
    // Opening another work would drop the unsaved changes: it is refused.
    expect(await tab.session.open('other')).toBe(false);
    expect(tab.opened).toEqual([]);

    backend.update = update;
    expect(await tab.session.flush()).toBe(true);
    expect(tab.session.view.getState().saveProblem).toBeNull();
    expect(await db.get(record.id)).toMatchObject({ revision: 2 });
    tab.session.stop();
  });

  it('on pagehide keeps unsaved changes in the journal at once, and nothing when unchanged', async () => {
    const db = memoryDatabase();
    const record = await db.create('Practice', defaultPayload());
    const written: UnsavedEntry[] = [];
    const journal: Journal = {
      write: (entry) => written.push(entry),
      clear: () => {},
      pending: () => [],
      remove: () => {},
    };
    const tab = openTab(db, record, { journal });
    tab.session.hide();
    expect(written).toEqual([]);
    setBias(tab.app, 0.9);
    tab.session.hide();
    expect(written).toMatchObject([{ id: record.id, base: 1 }]);
    expect(written[0]?.payload).toEqual(tab.session.payload());
    tab.session.stop();
  });

  it('deletes undoably, and never the work open in the tab', async () => {
    const db = memoryDatabase();
    const record = await db.create('Practice', defaultPayload());
    const other = await db.create('Other', defaultPayload());
    const tab = openTab(db, record);
    await tab.session.remove(record.id);
    expect(await db.get(record.id)).toBeDefined();
    await tab.session.remove(other.id);
    expect(await db.get(other.id)).toBeUndefined();
    const notice = tab.session.view.getState().notices.at(-1)!;
    expect(notice).toMatchObject({ text: 'Deleted “Other”.', action: { label: 'Undo delete' } });
    notice.action!.run();
    await vi.waitFor(async () => expect(await db.get(other.id)).toEqual(other));
    tab.session.stop();
  });
});
