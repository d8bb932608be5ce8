import { describe, expect, it } from 'vitest';
import { matrixEquations, stepEquations } from '../../../src/math';
import { selectEdgeMax } from '../../../src/components/diagram/edgeScale';
import { niceMax } from '../../../src/layout/scales';
import {
  createAppStore,
  NUMBERS_CHANGED,
  selectSnapshot,
  selectSteps,
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
    expect(asked(store)).toBe('z:1:0@0');
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
    expect(asked(store)).toBe('z:1:0@0');
    expect(store.getState().checkPrediction(0.3775)).toEqual({ right: true });
    expect(isShown(selectProgress(store.getState()), { kind: 'z', layer: 1, unit: 0 })).toBe(true);
    expect(asked(store)).toBe('a:1:0@0');
    // Three significant digits agree.
    expect(store.getState().checkPrediction(0.593)).toEqual({ right: true });
    expect(asked(store)).toBe('z:1:1@0');
    store.getState().showPrediction();
    expect(isShown(selectProgress(store.getState()), { kind: 'z', layer: 1, unit: 1 })).toBe(true);
    expect(asked(store)).toBe('a:1:1@0');
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
    expect(asked(store)).toBe('z:1:1@0');
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
    expect(Object.keys(store.getState().predict.answers)).toEqual(['z:1:0@0']);
    store.getState().setParameter({ kind: 'weight', layer: 1, from: 0, to: 0 }, 0.2);
    // The numbers changed: the answer is asked again (see below).
    expect(store.getState().predict.answers).toEqual({});
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

describe('predict first: answers belong to the numbers they were given for', () => {
  it('z, a and δ are answered per sample; the loss and the gradients once for the batch', () => {
    const store = predicting();
    store.getState().loadExample('xor-2-2-1');
    store.getState().stepForward();
    answerStep(store);
    expect(asked(store)).toBeNull();
    // Sample 2 shown: its own z and a are asked, and hidden.
    store.getState().setSampleIndex(1);
    expect(asked(store)).toBe('z:1:0@1');
    expect(isShown(selectProgress(store.getState()), { kind: 'z', layer: 1, unit: 0 })).toBe(false);
    answerStep(store);
    store.getState().setSampleIndex(0);
    expect(asked(store)).toBeNull();
    // z₁⁽¹⁾ asked once per sample shown.
    expect(store.getState().predict.score.z).toEqual({ right: 4, asked: 4 });
    store.getState().stepForward();
    answerStep(store);
    store.getState().stepForward();
    expect(asked(store)).toBe('loss');
    answerStep(store);
    store.getState().setSampleIndex(2);
    // The loss is the batch's: answered, whichever sample is shown.
    expect(asked(store)).toBeNull();
    expect(store.getState().predict.score.loss).toEqual({ right: 1, asked: 1 });
  });

  it('an edit of the numbers mid-pass asks the answered values again, scored once', () => {
    const store = predicting();
    store.getState().stepForward();
    store.getState().checkPrediction(0.3775);
    expect(asked(store)).toBe('a:1:0@0');
    // η moves only the update: the forward answers stand.
    store.getState().setLearningRate(0.25);
    expect(asked(store)).toBe('a:1:0@0');
    expect(store.getState().answersCleared).toBeNull();
    store.getState().setParameter({ kind: 'weight', layer: 1, from: 0, to: 0 }, 0.2);
    expect(store.getState().predict.answers).toEqual({});
    expect(store.getState().answersCleared).toBe(store.getState().predict.answers);
    expect(NUMBERS_CHANGED).toBe('The numbers changed: the values of this step are asked again.');
    expect(asked(store)).toBe('z:1:0@0');
    expect(isShown(selectProgress(store.getState()), { kind: 'z', layer: 1, unit: 0 })).toBe(false);
    // The old value is wrong now; the new one (0.2·0.05 + 0.2·0.1 + 0.35) is right, not scored again.
    expect(store.getState().checkPrediction(0.3775)).toMatchObject({ right: false });
    expect(store.getState().checkPrediction(0.38)).toEqual({ right: true });
    expect(store.getState().predict.score.z).toEqual({ right: 1, asked: 1 });
    expect(store.getState().answersCleared).not.toBe(store.getState().predict.answers);
    // Undo is an edit of the numbers too.
    store.getState().undo();
    expect(store.getState().predict.answers).toEqual({});
    expect(asked(store)).toBe('z:1:0@0');
  });

  it('"Reset pass" clears the answers; what was scored is not scored again', () => {
    const store = predicting();
    store.getState().stepForward();
    answerStep(store);
    expect(store.getState().predict.score.z).toEqual({ right: 2, asked: 2 });
    store.getState().resetPass();
    expect(store.getState().predict.answers).toEqual({});
    store.getState().stepForward();
    expect(asked(store)).toBe('z:1:0@0');
    store.getState().showPrediction();
    answerStep(store);
    expect(store.getState().predict.score.z).toEqual({ right: 2, asked: 2 });
  });

  it('undo and redo across an update bring back that pass as it was answered: nothing shown unanswered, nothing scored twice', () => {
    const store = predicting();
    // The undo step: w₁₁⁽¹⁾ = 0.15 → 0.2, at the start of pass 1, nothing answered yet.
    store.getState().setParameter({ kind: 'weight', layer: 1, from: 0, to: 0 }, 0.2);
    for (let step = 0; step < 9; step++) {
      answerStep(store);
      expect(store.getState().stepForward()).toBeNull();
    }
    expect(store.getState().history).toHaveLength(1);
    // Pass 2: its first step answered.
    store.getState().stepForward();
    answerStep(store);
    const pass2 = store.getState().predict.answers;
    expect(Object.keys(pass2)).toEqual(['z:1:0@0', 'a:1:0@0', 'z:1:1@0', 'a:1:1@0']);
    const score = store.getState().predict.score;

    store.getState().undo();
    // Pass 1 with w₁₁⁽¹⁾ = 0.15, whose numbers were never answered: not done, asked from the start.
    expect(store.getState().history).toHaveLength(0);
    expect(store.getState().stepIndex).toBe(0);
    expect(store.getState().predict.passDone).toBe(false);
    expect(store.getState().predict.answers).toEqual({});
    store.getState().goToEnd();
    expect(store.getState().stepIndex).toBe(1);
    expect(asked(store)).toBe('z:1:0@0');
    expect(selectPending(store.getState()).current?.value).toBeCloseTo(0.3775, 4);
    expect(store.getState().predict.score).toBe(score);

    store.getState().redo();
    // Back in pass 2 where it was left: step 1 answered, the rest still asked.
    expect(store.getState().history).toHaveLength(1);
    expect(store.getState().stepIndex).toBe(1);
    expect(store.getState().predict.passDone).toBe(false);
    expect(store.getState().predict.answers).toEqual(pass2);
    expect(store.getState().stepForward()).toBeNull();
    expect(asked(store)).toBe('z:2:0@0');
    store.getState().stepBack();
    // What pass 2 scored stays scored once: answering its first step again counts nothing.
    store.getState().resetPass();
    store.getState().stepForward();
    answerStep(store);
    expect(store.getState().predict.score).toEqual(score);
  });

  it('a pass stepped back into is done, until its numbers change', () => {
    const store = predicting();
    for (let step = 0; step < 9; step++) {
      answerStep(store);
      expect(store.getState().stepForward()).toBeNull();
    }
    store.getState().stepBack();
    expect(store.getState().predict.passDone).toBe(true);
    expect(asked(store)).toBeNull();
    // A new η: the update's new numbers were never answered.
    store.getState().setLearningRate(0.25);
    expect(store.getState().predict.passDone).toBe(false);
    expect(asked(store)).toBe('w:2:0:0');
  });

  it('gradient-mode edge widths scale to the gradients shown, never to one pending', () => {
    const store = createAppStore();
    store.getState().setView({ edgeMode: 'gradients' });
    // No gradient computed yet: nothing to scale to.
    expect(selectEdgeMax(store.getState())).toBe(0);
    const outputGradients = selectSteps(store.getState()).findIndex(
      (step) => step.kind === 'gradients' && step.layer === 2,
    );
    store.getState().goToStep(outputGradients);
    const { dW, db } = selectSnapshot(store.getState()).grads[1]!;
    const shown = Math.max(
      ...dW.flatMap((row) => Array.from(row, Math.abs)),
      ...Array.from(db, Math.abs),
    );
    expect(selectEdgeMax(store.getState())).toBe(niceMax(shown));
    // Predict first: the output layer's gradients are to predict, so none sets the scale.
    store.getState().setPredict({ on: true });
    expect(selectEdgeMax(store.getState())).toBe(0);
  });
});
