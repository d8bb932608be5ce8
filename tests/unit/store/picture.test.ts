import { describe, expect, it } from 'vitest';
import { initializeNetwork, type Network } from '../../../src/engine';
import { inputGridShape, networkLayout } from '../../../src/layout/networkLayout';
import { createAppStore } from '../../../src/store';
import {
  decodeShare,
  encodeShare,
  learnerOf,
  parseSaved,
  parseSavedText,
  workToJson,
} from '../../../src/store/persist';

/**
 * A picture's shape in the stepper's work: a drawn digit's 64 inputs are an 8×8 picture, and a
 * reload or a share link still draws them as one.
 */

/** A 64-8-10 network like the Train tab's on the digits (seeded), and one drawing of a 1. */
function digitWork(picture = { width: 8, height: 8 }) {
  const network: Network = initializeNetwork(
    {
      inputSize: 64,
      layers: [
        { units: 8, activation: 'relu' },
        { units: 10, activation: 'softmax' },
      ],
      loss: 'crossEntropy',
    },
    3,
  );
  const x = Array.from({ length: 64 }, (_, i) => (i % 8 === 3 ? 16 : 0));
  const y = Array.from({ length: 10 }, (_, k) => (k === 1 ? 1 : 0));
  const store = createAppStore();
  const outcome = store.getState().setNetwork(network, [{ x, y }], { picture });
  return { store, outcome };
}

describe("a picture's shape in the stepper's work", () => {
  it('is kept by a network brought with one, and round-trips through a save and a link', () => {
    const { store, outcome } = digitWork({ width: 16, height: 4 });
    expect(outcome).toBeNull();
    const work = learnerOf(store.getState());
    expect(work.picture).toEqual({ width: 16, height: 4 });
    expect(parseSavedText(workToJson(work))).toEqual({ ok: true, work });
    expect(decodeShare(encodeShare(work))).toEqual({ ok: true, work });
  });

  it('is none for saves from before it, and for a network brought without one', () => {
    const { store } = digitWork();
    const { picture, ...old } = learnerOf(store.getState());
    expect(picture).toEqual({ width: 8, height: 8 });
    const loaded = parseSaved({ app: 'backstep', version: 2, work: old });
    expect(loaded).toMatchObject({ ok: true, work: { picture: null } });
    store.getState().setNetwork(store.getState().network);
    expect(store.getState().picture).toBeNull();
  });

  it('refuses a shape that is not the inputs, with the reason', () => {
    const { store } = digitWork();
    const saved = JSON.parse(workToJson(learnerOf(store.getState())));
    const wrongCount = structuredClone(saved);
    wrongCount.work.picture = { width: 8, height: 7 };
    expect(parseSaved(wrongCount)).toEqual({
      ok: false,
      error: 'picture: 8×7 is 56 pixels, but the network has 64 inputs.',
    });
    const tooThin = structuredClone(saved);
    tooThin.work.picture = { width: 1, height: 64 };
    expect(parseSaved(tooThin)).toMatchObject({
      ok: false,
      error: expect.stringMatching(/^work\.picture\.width: /),
    });
    const notWhole = structuredClone(saved);
    notWhole.work.picture = { width: 8.5, height: 8 };
    expect(parseSaved(notWhole)).toMatchObject({
      ok: false,
      error: expect.stringMatching(/^work\.picture\.width: /),
    });
    const huge = structuredClone(saved);
    huge.work.picture = { width: 4096, height: 1 };
    expect(parseSaved(huge)).toMatchObject({ ok: false });
    // A network brought with a picture that does not fit it is refused; the work stays.
    const before = learnerOf(store.getState());
    expect(
      store.getState().setNetwork(store.getState().network, undefined, {
        picture: { width: 4, height: 4 },
      }),
    ).toBe('picture: 4×4 is 16 pixels, but the network has 64 inputs.');
    expect(learnerOf(store.getState())).toEqual(before);
  });

  it('goes with the inputs: an example, or another input count, is no picture; undo brings it back', () => {
    const { store } = digitWork();
    store.getState().loadExample('classic-2-2-2');
    expect(store.getState().picture).toBeNull();
    store.getState().undo();
    expect(store.getState().picture).toEqual({ width: 8, height: 8 });
  });
});

describe('the input grid of a picture', () => {
  it("takes the picture's own shape, whatever the number of inputs", () => {
    expect(inputGridShape(64, { width: 16, height: 4 })).toEqual({ columns: 16, rows: 4 });
    expect(inputGridShape(6, { width: 3, height: 2 })).toEqual({ columns: 3, rows: 2 });
    // A shape that is not the inputs is not used.
    expect(inputGridShape(64, { width: 4, height: 4 })).toEqual({ columns: 8, rows: 8 });
    expect(inputGridShape(6, { width: 2, height: 2 })).toBeNull();
  });

  it('lays a 16×4 picture out 16 cells wide, 4 tall, its edges a bundle', () => {
    const layout = networkLayout([64, 8, 10], { picture: { width: 16, height: 4 } });
    expect(layout.inputGrid).toMatchObject({ columns: 16, rows: 4 });
    const inputs = layout.units[0] ?? [];
    expect(inputs[16]?.x).toBe(inputs[0]?.x);
    expect((inputs[16]?.y ?? 0) - (inputs[0]?.y ?? 0)).toBe(layout.inputGrid?.cell);
    expect(layout.bundles).toHaveLength(8);
    expect(networkLayout([4, 2, 2], { picture: { width: 2, height: 2 } }).edgeLabels).toBe(false);
  });
});
