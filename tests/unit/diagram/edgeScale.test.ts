import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { selectColumnLook, selectEdgeMax } from '../../../src/components/diagram/edgeScale';
import {
  EDGE_WIDTH,
  edgeWidthScale,
  maxAbsGradient,
  niceMax,
  signOf,
} from '../../../src/layout/scales';
import { createAppStore, selectProgress, selectShownPass } from '../../../src/store';

describe('how the edges look', () => {
  it('in weight mode: width from |w| on a scale topped by the nice max, color by sign', () => {
    const store = createAppStore();
    const s = store.getState();
    expect(selectEdgeMax(s)).toBe(0.6); // the largest parameter of the 2-2-2 example is b = 0.6
    const look = selectColumnLook(s, 2);
    // Rows by source unit: weights[from][to].
    expect(look?.weights.map((row) => row.length)).toEqual([2, 2]);
    expect(look?.biases).toHaveLength(2);
    expect(look?.weights[0]?.[0]).toMatchObject({ sign: 'positive', pending: false });
    // w = 0.4 of 0.6 → 2/3 of the widest edge, quantized.
    expect(look?.weights[0]?.[0]?.width).toBe(
      Math.round((EDGE_WIDTH.max * 0.4) / 0.6 / EDGE_WIDTH.step) * EDGE_WIDTH.step,
    );
    expect(look?.biases[0]?.width).toBe(EDGE_WIDTH.max);
  });

  it('hands out the same object while no edge looks different, so nothing re-renders', () => {
    const store = createAppStore();
    const before = selectColumnLook(store.getState(), 2);
    store.getState().setParameter({ kind: 'weight', layer: 2, from: 0, to: 0 }, 0.401);
    expect(selectColumnLook(store.getState(), 2)).toBe(before);
    store.getState().setParameter({ kind: 'weight', layer: 2, from: 0, to: 0 }, -0.4);
    const after = selectColumnLook(store.getState(), 2);
    expect(after).not.toBe(before);
    expect(after?.weights[0]?.[0]?.sign).toBe('negative');
    // Unchanged edges keep their (shared) look objects, and a row where no edge looks different
    // is the same array: its edges do not re-render.
    expect(after?.weights[0]?.[1]).toBe(before?.weights[0]?.[1]);
    expect(after?.weights[0]).not.toBe(before?.weights[0]);
    expect(after?.weights[1]).toBe(before?.weights[1]);
    expect(after?.biases).toBe(before?.biases);
  });

  it('in gradient mode: pending until the pass computes the gradients of that layer', () => {
    const store = createAppStore();
    store.getState().setView({ edgeMode: 'gradients' });
    expect(
      selectColumnLook(store.getState(), 2)
        ?.weights.flat()
        .every((l) => l.pending),
    ).toBe(true);
    store.getState().goToEnd();
    const look = selectColumnLook(store.getState(), 2);
    expect(look?.weights.flat().some((l) => l.pending)).toBe(false);
    // ∂L/∂w for w₂₂⁽²⁾ is negative in the classic example (output 2 is below its target 0.99).
    expect(look?.weights[1]?.[1]?.sign).toBe('negative');
  });

  it('in gradient mode: the top of the scale follows every edit and step (computed once per pass)', () => {
    const store = createAppStore();
    store.getState().setView({ edgeMode: 'gradients' });
    store.getState().goToEnd();
    const expected = () => {
      const s = store.getState();
      return niceMax(
        maxAbsGradient(selectShownPass(s).snapshot.grads, selectProgress(s).gradientUnits),
      );
    };
    const tops = new Set<number>();
    for (const value of [0.4, 8, -30, 0.01]) {
      store.getState().setParameter({ kind: 'bias', layer: 2, unit: 0 }, value);
      expect(selectEdgeMax(store.getState())).toBe(expected());
      tops.add(selectEdgeMax(store.getState()));
      // Back to the steps before the first layer's gradients: they are not in the scale.
      for (let back = 0; back < 4; back++) {
        store.getState().stepBack();
        expect(selectEdgeMax(store.getState())).toBe(expected());
        tops.add(selectEdgeMax(store.getState()));
      }
      store.getState().goToEnd();
    }
    expect(tops.size).toBeGreaterThan(1);
  });

  it('in gradient mode: every edge shows its own gradient after any run of edits and steps', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.record({
            layer: fc.constantFrom(1, 2),
            from: fc.constantFrom(0, 1),
            to: fc.constantFrom(0, 1),
            value: fc.double({ min: -3, max: 3, noNaN: true }),
            back: fc.nat(6),
          }),
          { minLength: 1, maxLength: 8 },
        ),
        (edits) => {
          const store = createAppStore();
          store.getState().setView({ edgeMode: 'gradients' });
          for (const { layer, from, to, value, back } of edits) {
            store.getState().goToEnd();
            store.getState().setParameter({ kind: 'weight', layer, from, to }, value);
            for (let k = 0; k < back; k++) store.getState().stepBack();
            const s = store.getState();
            const widthOf = edgeWidthScale(selectEdgeMax(s));
            const grads = selectShownPass(s).snapshot.grads;
            for (const l of [1, 2]) {
              const shown = selectProgress(s).gradientUnits[l - 1] ?? 0;
              const expected = (g: number, unit: number) =>
                unit >= shown
                  ? { width: 1, sign: 'zero', pending: true }
                  : { width: widthOf(g), sign: signOf(g), pending: false };
              const look = selectColumnLook(s, l);
              const { dW, db } = grads[l - 1] as { dW: ArrayLike<number>[]; db: ArrayLike<number> };
              expect(look?.weights).toEqual(
                dW.map((row) => Array.from(row, (g, j) => expected(g, j))),
              );
              expect(look?.biases).toEqual(Array.from(db, (g, j) => expected(g, j)));
            }
          }
        },
      ),
      { numRuns: 60 },
    );
  });
});
