/**
 * The optimizer in the stepper's work (issue 16): chosen through the gate, its state carried from
 * pass to pass, restored by stepping back and by undo, saved and linked, and old saves without it
 * still loading.
 */
import { describe, expect, it } from 'vitest';
import { optimizerStep, runPass, type Optimizer } from '../../../src/engine';
import { createAppStore, LIMITS, selectSteps } from '../../../src/store';
import {
  decodeShare,
  encodeShare,
  learnerOf,
  parseSaved,
  parseSavedText,
  workToJson,
} from '../../../src/store/persist';

const ADAM: Optimizer = { kind: 'adam', beta1: 0.9, beta2: 0.999, epsilon: 1e-8 };

function pass(store: ReturnType<typeof createAppStore>) {
  const last = selectSteps(store.getState()).length - 1;
  store.getState().goToStep(last);
  expect(store.getState().stepForward()).toBeNull();
}

describe('the optimizer in the stepper', () => {
  it('carries its state from pass to pass, as optimizerStep does by hand', () => {
    const store = createAppStore();
    expect(store.getState().setOptimizer(ADAM)).toBeNull();
    const start = store.getState();
    const first = optimizerStep(
      start.network,
      runPass(start.network, start.samples).grads,
      start.learningRate,
      { trainBiases: start.trainBiases, optimizer: ADAM },
    );
    const second = optimizerStep(
      first.network,
      runPass(first.network, start.samples).grads,
      start.learningRate,
      { trainBiases: start.trainBiases, optimizer: ADAM, state: first.state },
    );
    pass(store);
    expect(store.getState().optimizerState).toEqual(first.state);
    pass(store);
    expect(store.getState().network).toEqual(second.network);
    expect(store.getState().optimizerState).toEqual(second.state);
    expect(store.getState().optimizerState.t).toBe(2);
    expect(store.getState().optimizerHistory).toEqual([{ kind: 'adam', t: 0 }, first.state]);

    // Stepping back past an update restores the state before it.
    store.getState().goToStep(0);
    store.getState().stepBack();
    expect(store.getState().network).toEqual(first.network);
    expect(store.getState().optimizerState).toEqual(first.state);
    store.getState().goToStep(0);
    store.getState().stepBack();
    expect(store.getState().optimizerState).toEqual({ kind: 'adam', t: 0 });
  });

  it('another kind starts afresh; new hyper-parameters keep the state; undo brings it back', () => {
    const store = createAppStore();
    store.getState().setOptimizer({ kind: 'momentum', momentum: 0.9 });
    pass(store);
    const after = store.getState().optimizerState;
    expect(after.t).toBe(1);
    store.getState().setOptimizer({ kind: 'momentum', momentum: 0.5, nesterov: true });
    expect(store.getState().optimizerState).toBe(after);
    store.getState().setOptimizer(ADAM);
    expect(store.getState().optimizerState).toEqual({ kind: 'adam', t: 0 });
    store.getState().undo();
    expect(store.getState().optimizer).toEqual({ kind: 'momentum', momentum: 0.5, nesterov: true });
    expect(store.getState().optimizerState).toBe(after);
  });

  it('refuses bad hyper-parameters with the reason', () => {
    const store = createAppStore();
    expect(store.getState().setOptimizer({ ...ADAM, beta2: 1 })).toBe(
      "Adam's second-moment decay β₂ is 1; it must be a number in [0, 1).",
    );
    expect(store.getState().optimizer).toEqual({ kind: 'sgd' });
  });

  it('a new network starts the optimizer afresh', () => {
    const store = createAppStore();
    store.getState().setOptimizer(ADAM);
    pass(store);
    store.getState().addHiddenLayer(1);
    expect(store.getState().optimizerState).toEqual({ kind: 'adam', t: 0 });
    expect(store.getState().history).toEqual([]);
    expect(store.getState().optimizerHistory).toEqual([]);
  });

  it('saves and links the state; an old save without it loads with SGD', () => {
    const store = createAppStore();
    store.getState().setOptimizer(ADAM);
    pass(store);
    pass(store);
    const work = learnerOf(store.getState());
    expect(parseSavedText(workToJson(work))).toEqual({ ok: true, work });
    expect(decodeShare(encodeShare(work))).toEqual({ ok: true, work });

    const old: Record<string, unknown> = { ...work };
    delete old.optimizer;
    delete old.optimizerState;
    delete old.optimizerHistory;
    const loaded = parseSaved({ app: 'backstep', version: 2, work: old });
    expect(loaded.ok && loaded.work.optimizer).toEqual({ kind: 'sgd' });
    expect(loaded.ok && loaded.work.optimizerState).toEqual({ kind: 'sgd', t: 0 });
    expect(loaded.ok && loaded.work.optimizerHistory).toEqual([]);
  });

  it('refuses a saved state that does not fit the network', () => {
    const store = createAppStore();
    store.getState().setOptimizer(ADAM);
    pass(store);
    const work = learnerOf(store.getState());
    const bad = {
      ...work,
      optimizerState: { ...work.optimizerState, m: [{ weights: [[1]], biases: [1] }] },
    };
    expect(parseSaved({ app: 'backstep', version: 2, work: bad })).toMatchObject({
      ok: false,
      error: expect.stringContaining("The optimizer's m does not fit the network") as string,
    });
    const bad2 = { ...work, optimizer: { kind: 'adam', beta1: 2, beta2: 0.9, epsilon: 1e-8 } };
    expect(parseSaved({ app: 'backstep', version: 2, work: bad2 })).toMatchObject({ ok: false });
  });

  it('keeps as many passes as fit the room of 20 networks: 6 with Adam', () => {
    const store = createAppStore();
    store.getState().setLearningRate(0.01);
    store.getState().setOptimizer(ADAM);
    for (let k = 0; k < 10; k++) pass(store);
    expect(store.getState().history).toHaveLength(6);
    expect(store.getState().optimizerHistory).toHaveLength(6);
    expect(store.getState().optimizerState.t).toBe(10);
    expect(store.getState().optimizerHistory.at(-1)?.t).toBe(9);
    store.getState().setOptimizer({ kind: 'sgd' });
    for (let k = 0; k < 25; k++) pass(store);
    expect(store.getState().history).toHaveLength(LIMITS.maxHistory);
  });
});
