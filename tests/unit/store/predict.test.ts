import { describe, expect, it } from 'vitest';
import { matrixEquations, stepEquations } from '../../../src/math';
import {
  createAppStore,
  isShown,
  selectEquationContext,
  selectPending,
  selectProgress,
  type AppStore,
} from '../../../src/store';
import {
  decodeShare,
  encodeShare,
  learnerOf,
  parseSaved,
  toSaved,
} from '../../../src/store/persist';

/** The classic 2-2-2 example (the default), predict first on, every kind asked. */
function predicting(): AppStore {
  const store = createAppStore();
  store.getState().setPredict({ on: true });
  return store;
}

const asked = (store: AppStore) => selectPending(store.getState()).current?.key ?? null;

/** Answer every question of the current step right, at the first try. */
function answerStep(store: AppStore) {
  for (
    let q = selectPending(store.getState()).current;
    q;
    q = selectPending(store.getState()).current
  ) {
    expect(store.getState().checkPrediction(q.value)).toEqual({ right: true });
  }
}

describe('predict first in the store', () => {
  it('asks a forward step unit by unit, z then a, and hides what is pending', () => {
    const store = predicting();
    expect(store.getState().stepForward()).toBeNull();
    expect(asked(store)).toBe('z:1:0');
    const progress = selectProgress(store.getState());
    expect(isShown(progress, { kind: 'z', layer: 1, unit: 0 })).toBe(false);
    expect(isShown(progress, { kind: 'a', layer: 1, unit: 1 })).toBe(false);
    // The equations show "?" for it, not 0.3775.
    const equations = JSON.stringify(stepEquations(selectEquationContext(store.getState())));
    expect(equations).toContain('= ?');
    expect(equations).not.toContain('0.3775');

    // Step forward waits, and says for what.
    expect(store.getState().stepForward()).toBe(
      'Step forward waits for your prediction of z₁⁽¹⁾: check it, or press “Show me”.',
    );
    expect(store.getState().stepIndex).toBe(1);
    store.getState().goToEnd();
    expect(store.getState().stepIndex).toBe(1);

    // Wrong, then right: revealed, and the next is asked.
    expect(store.getState().checkPrediction(0.38)).toEqual({
      right: false,
      wrong: 1,
      mistake: null,
    });
    expect(asked(store)).toBe('z:1:0');
    expect(store.getState().checkPrediction(0.3775)).toEqual({ right: true });
    expect(isShown(selectProgress(store.getState()), { kind: 'z', layer: 1, unit: 0 })).toBe(true);
    expect(asked(store)).toBe('a:1:0');
    // Three significant digits agree.
    expect(store.getState().checkPrediction(0.593)).toEqual({ right: true });
    expect(asked(store)).toBe('z:1:1');
    store.getState().showPrediction();
    expect(isShown(selectProgress(store.getState()), { kind: 'z', layer: 1, unit: 1 })).toBe(true);
    expect(asked(store)).toBe('a:1:1');
    // z₁⁽¹⁾ took two tries and z₂⁽¹⁾ was shown: neither right at the first try.
    expect(store.getState().predict.score).toEqual({
      z: { right: 0, asked: 2 },
      a: { right: 1, asked: 1 },
    });
  });

  it('stepping by unit, hides the later units of the layer too: the matrix form shows them', () => {
    const store = predicting();
    store.getState().setGranularity('unit');
    store.getState().stepForward();
    expect(selectPending(store.getState()).hidden.map((q) => JSON.stringify(q))).toEqual(
      ['z', 'a', 'z', 'a'].map((kind, k) =>
        JSON.stringify({ kind, layer: 1, unit: k < 2 ? 0 : 1 }),
      ),
    );
    const matrix = JSON.stringify(matrixEquations(selectEquationContext(store.getState())));
    expect(matrix).toContain('?');
    expect(matrix).not.toContain('0.3925');
    store.getState().checkPrediction(0.3775);
    store.getState().checkPrediction(0.5933);
    expect(store.getState().stepForward()).toBeNull();
    expect(asked(store)).toBe('z:1:1');
  });

  it('does a whole pass right, starts the next with no answers, and asks nothing stepping back', () => {
    const store = predicting();
    for (let step = 0; step < 9; step++) {
      answerStep(store);
      expect(store.getState().stepForward()).toBeNull();
    }
    expect(store.getState().history).toHaveLength(1);
    expect(store.getState().predict.score).toEqual({
      z: { right: 4, asked: 4 },
      a: { right: 4, asked: 4 },
      loss: { right: 1, asked: 1 },
      delta: { right: 4, asked: 4 },
      dW: { right: 8, asked: 8 },
      db: { right: 4, asked: 4 },
      w: { right: 8, asked: 8 },
      // The classic example freezes its biases: no new b is asked.
    });
    expect(store.getState().predict.answers).toEqual({});
    store.getState().stepBack();
    expect(store.getState().predict.passDone).toBe(true);
    expect(selectPending(store.getState()).hidden).toEqual([]);
  });

  it('asks only the kinds chosen, and hides nothing when off', () => {
    const store = predicting();
    store.getState().setPredict({ asked: ['delta', 'loss'] });
    expect(store.getState().predict.asked).toEqual(['loss', 'delta']);
    // Forward steps ask nothing: a move forward runs on to the loss.
    store.getState().goToEnd();
    expect(store.getState().stepIndex).toBe(3);
    expect(asked(store)).toBe('loss');
    store.getState().setPredict({ on: false });
    expect(selectProgress(store.getState()).hidden.size).toBe(0);
    expect(store.getState().stepForward()).toBeNull();
  });

  it('starts a new pass to answer when the network changes shape or an example loads', () => {
    const store = predicting();
    store.getState().stepForward();
    store.getState().checkPrediction(0.3775);
    expect(Object.keys(store.getState().predict.answers)).toEqual(['z:1:0']);
    store.getState().setParameter({ kind: 'weight', layer: 1, from: 0, to: 0 }, 0.2);
    expect(Object.keys(store.getState().predict.answers)).toEqual(['z:1:0']);
    store.getState().setUnits(1, 3);
    expect(store.getState().predict.answers).toEqual({});
    expect(store.getState().predict.score.z).toEqual({ right: 1, asked: 1 });
    store.getState().loadExample('classic-2-2-2');
    expect(store.getState().predict.on).toBe(true);
    store.getState().resetScore();
    expect(store.getState().predict.score).toEqual({});
  });

  it('is kept with the work and in the share link; older saves open with it off', () => {
    const store = predicting();
    store.getState().setPredict({ help: 'numbers' });
    store.getState().stepForward();
    store.getState().checkPrediction(1);
    store.getState().checkPrediction(0.3775);
    const work = learnerOf(store.getState());
    expect(decodeShare(encodeShare(work))).toEqual({ ok: true, work });
    const old: Partial<typeof work> = { ...work };
    delete old.predict;
    const loaded = parseSaved({ ...toSaved(work), work: old });
    expect(loaded.ok && loaded.work.predict.on).toBe(false);
    const bad = parseSaved({
      ...toSaved(work),
      work: { ...work, predict: { ...work.predict, score: { z: { right: 3, asked: 2 } } } },
    });
    expect(bad).toEqual({ ok: false, error: 'work.predict.score.z: more right than asked.' });
  });
});
