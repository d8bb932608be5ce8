/** The lists of modes, stop kinds and speeds: one record each, and everything else follows them. */
import { describe, expect, it } from 'vitest';
import {
  APP_MODES,
  DEFAULT_TRAINING,
  idsOf,
  STOP_KINDS,
  TRAINING_SPEEDS,
} from '../../../src/training/choices';
import { loadTrainingChoices, trainingToJson } from '../../../src/training/persist';
import { createTrainingStore } from '../../../src/training/store';

describe('one list each for modes, stop kinds and speeds', () => {
  it('names the members', () => {
    expect(idsOf(APP_MODES)).toEqual(['step', 'train']);
    expect(idsOf(STOP_KINDS)).toEqual(['none', 'epochs', 'loss']);
    expect(idsOf(TRAINING_SPEEDS)).toEqual(['batch', 'epoch', 'max']);
    expect(STOP_KINDS.map((k) => k.label)).toEqual([
      'never (pause by hand)',
      'after a number of epochs',
      'at a training loss',
    ]);
  });

  it('the store takes every member and nothing else', () => {
    const store = createTrainingStore();
    for (const { id } of APP_MODES) {
      store.getState().setMode(id);
      expect(store.getState().mode).toBe(id);
    }
    store.getState().setMode('draw' as never);
    expect(store.getState().mode).toBe('train');
    for (const { id } of STOP_KINDS) {
      expect(store.getState().setStop({ kind: id })).toBeNull();
      expect(store.getState().stop.kind).toBe(id);
    }
    expect(store.getState().setStop({ kind: 'sometimes' as never })).toBe(
      'Unknown stop condition.',
    );
    for (const { id } of TRAINING_SPEEDS) {
      store.getState().setSpeed(id);
      expect(store.getState().speed).toBe(id);
    }
    store.getState().setSpeed('warp' as never);
    expect(store.getState().speed).toBe('max');
  });

  it('a save holds every member, and no other', () => {
    for (const { id } of TRAINING_SPEEDS) {
      const saved = trainingToJson({ ...DEFAULT_TRAINING, speed: id, mode: 'train' });
      expect(loadTrainingChoices(saved)).toEqual({
        choices: { ...DEFAULT_TRAINING, speed: id, mode: 'train' },
        problem: null,
        work: null,
      });
    }
    const odd = trainingToJson({
      ...DEFAULT_TRAINING,
      stop: { ...DEFAULT_TRAINING.stop, kind: 'x' as never },
    });
    expect(loadTrainingChoices(odd).problem).toMatch(/stop\.kind/);
  });
});
