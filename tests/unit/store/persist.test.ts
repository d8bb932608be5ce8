import { describe, expect, it } from 'vitest';
import { createAppStore } from '../../../src/store';
import {
  decodeShare,
  encodeShare,
  learnerOf,
  parseSaved,
  parseSavedText,
  workToJson,
} from '../../../src/store/persist';

function editedStore() {
  const store = createAppStore();
  store.getState().setParameter({ kind: 'weight', layer: 2, from: 1, to: 0 }, 0.123456789012345);
  store.getState().addSample();
  store.getState().setParameter({ kind: 'input', sample: 1, index: 0 }, -0.7);
  store.getState().setNotation('lfd');
  store.getState().goToStep(5);
  store.getState().select({ kind: 'bias', layer: 2, unit: 1 });
  return store;
}

describe('saving and loading the work', () => {
  it('round-trips the whole work exactly through JSON', () => {
    const work = learnerOf(editedStore().getState());
    const loaded = parseSavedText(workToJson(work));
    expect(loaded).toEqual({ ok: true, work });
  });

  it('round-trips through a share link', () => {
    const work = learnerOf(editedStore().getState());
    const fragment = encodeShare(work);
    expect(fragment).toMatch(/^[A-Za-z0-9+\-$]+$/);
    expect(decodeShare(fragment)).toEqual({ ok: true, work });
    expect(decodeShare(fragment.slice(0, 20))).toMatchObject({ ok: false });
  });

  it("carries the Train tab's work in a link, unread here (the training layer checks it)", () => {
    const work = learnerOf(editedStore().getState());
    const training = { app: 'backstep-training', anything: [1, 2] };
    expect(decodeShare(encodeShare(work, training))).toEqual({ ok: true, work, training });
    expect(decodeShare(encodeShare(work))).not.toHaveProperty('training');
  });

  it('names the problem in a bad file', () => {
    const work = learnerOf(createAppStore().getState());
    const saved = JSON.parse(workToJson(work));
    expect(parseSavedText('{ nope')).toMatchObject({
      ok: false,
      error: expect.stringMatching(/not valid JSON/),
    });
    expect(parseSaved([])).toMatchObject({
      ok: false,
      error: expect.stringMatching(/not a Backstep save/),
    });
    expect(parseSaved({ ...saved, version: 99 })).toMatchObject({
      ok: false,
      error: expect.stringMatching(/newer Backstep/),
    });

    const badWeight = structuredClone(saved);
    badWeight.work.network.layers[1].weights[0][1] = 'x';
    expect(parseSaved(badWeight)).toMatchObject({
      ok: false,
      error: expect.stringMatching(/^work\.network\.layers\[1\]\.weights\[0\]\[1\]: /),
    });

    const badShape = structuredClone(saved);
    badShape.work.network.layers[1].weights.pop();
    expect(parseSaved(badShape)).toMatchObject({
      ok: false,
      error: expect.stringMatching(/Layer 2: weights have 1 rows; expected 2/),
    });

    const tooBig = structuredClone(saved);
    tooBig.work.network.layers[0].biases = new Array(17).fill(0);
    expect(parseSaved(tooBig)).toMatchObject({ ok: false, error: expect.stringMatching(/biases/) });

    const badStep = structuredClone(saved);
    badStep.work.stepIndex = 50;
    expect(parseSaved(badStep)).toMatchObject({
      ok: false,
      error: expect.stringMatching(/stepIndex/),
    });

    const badLoss = structuredClone(saved);
    badLoss.work.network.loss = 'binaryCrossEntropy';
    badLoss.work.network.layers[1].activation = 'relu';
    expect(parseSaved(badLoss)).toMatchObject({
      ok: false,
      error: expect.stringMatching(/sigmoid/),
    });
  });
});

describe('older saves', () => {
  it('keeps the loss landscape’s choices, checks them, and gives older saves the default', () => {
    const store = createAppStore();
    const landscape = {
      open: true,
      x: { kind: 'weight' as const, layer: 1, from: 1, to: 0 },
      y: { kind: 'bias' as const, layer: 2, unit: 1 },
      side: 32 as const,
    };
    store.getState().setView({ landscape });
    const work = learnerOf(store.getState());
    const saved = JSON.parse(workToJson(work));
    expect(parseSaved(saved)).toEqual({ ok: true, work });
    expect(work.view.landscape).toEqual(landscape);
    const withView = (view: unknown) => ({ ...saved, work: { ...saved.work, view } });
    const older = { ...saved.work.view };
    delete older.landscape;
    const loaded = parseSaved(withView(older));
    expect(loaded.ok && loaded.work.view.landscape).toEqual({
      open: false,
      x: null,
      y: null,
      side: 64,
    });
    expect(
      parseSaved(withView({ ...saved.work.view, landscape: { ...landscape, side: 48 } })),
    ).toEqual({
      ok: false,
      error: 'work.view.landscape.side: Invalid option: expected one of 16|32|64.',
    });
    const far = { ...landscape, x: { kind: 'weight', layer: 1, from: -1, to: 0 } };
    expect(parseSaved(withView({ ...saved.work.view, landscape: far }))).toMatchObject({
      ok: false,
      error: expect.stringMatching(/^work\.view\.landscape\.x/),
    });
  });

  it('version 1 (before "Train biases") loads with the biases trained, as they then were', () => {
    const work = learnerOf(createAppStore().getState());
    const { trainBiases, ...v1work } = work;
    expect(trainBiases).toBe(false);
    const loaded = parseSaved({ app: 'backstep', version: 1, work: v1work });
    expect(loaded).toEqual({ ok: true, work: { ...work, trainBiases: true } });
    // A version 1 save that somehow has the field keeps it; a damaged one still says what is wrong.
    expect(parseSaved({ app: 'backstep', version: 1, work })).toEqual({ ok: true, work });
    expect(parseSaved({ app: 'backstep', version: 1, work: 'oops' })).toMatchObject({
      ok: false,
      error: expect.stringMatching(/^work: /),
    });
    expect(JSON.parse(workToJson(work))).toMatchObject({
      version: 2,
      work: { trainBiases: false },
    });
    expect(parseSaved({ app: 'backstep', version: 2, work: v1work })).toMatchObject({
      ok: false,
      error: expect.stringMatching(/^work\.trainBiases: /),
    });
  });
});

describe('undo and redo', () => {
  it('undoes and redoes every edit, and a drag is one step', () => {
    const store = createAppStore();
    const original = store.getState().network;
    store.getState().setParameter({ kind: 'weight', layer: 1, from: 0, to: 0 }, 0.2);
    store.getState().beginGesture();
    for (const v of [0.21, 0.22, 0.23])
      store.getState().setParameter({ kind: 'weight', layer: 1, from: 0, to: 0 }, v);
    store.getState().endGesture();
    store.getState().setLearningRate(0.1);
    expect(store.getState().past).toHaveLength(3);

    store.getState().undo();
    expect(store.getState().learningRate).toBe(0.5);
    store.getState().undo();
    expect(store.getState().network.layers[0]?.weights[0]?.[0]).toBe(0.2);
    store.getState().undo();
    expect(store.getState().network).toBe(original);
    store.getState().undo();
    expect(store.getState().network).toBe(original);

    store.getState().redo();
    store.getState().redo();
    expect(store.getState().network.layers[0]?.weights[0]?.[0]).toBe(0.23);
    store.getState().setParameter({ kind: 'bias', layer: 1, unit: 0 }, 0);
    expect(store.getState().future).toHaveLength(0);
  });

  it('undoes loading an example and an import', () => {
    const store = createAppStore();
    store.getState().setParameter({ kind: 'bias', layer: 1, unit: 0 }, 0.1);
    const mine = store.getState().network;
    store.getState().loadExample('xor-2-2-1');
    store.getState().undo();
    expect(store.getState().network).toBe(mine);
    store.getState().replaceWork(learnerOf(editedStore().getState()));
    store.getState().undo();
    expect(store.getState().network).toBe(mine);
  });
});
