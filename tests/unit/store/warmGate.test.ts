import { describe, expect, it } from 'vitest';
import { createAppStore, TRAINING_SIZES, warmGate } from '../../../src/store';

describe('warmGate', () => {
  it('checks a work without changing it or its store', () => {
    const store = createAppStore(undefined, TRAINING_SIZES);
    const state = store.getState();
    const before = JSON.stringify(state);
    let calls = 0;
    store.subscribe(() => calls++);
    expect(warmGate(state, TRAINING_SIZES)).toBeUndefined();
    expect(store.getState()).toBe(state);
    expect(JSON.stringify(state)).toBe(before);
    expect(calls).toBe(0);
  });
});
