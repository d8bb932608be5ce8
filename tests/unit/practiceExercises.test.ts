import { describe, expect, it } from 'vitest';
import { runPass } from '../../src/engine';
import {
  EXERCISE_KINDS,
  EXERCISE_KIND_REGISTRY,
  exercise,
  exerciseTitle,
  type Exercise,
} from '../../src/practice/exercises';
import { createAppStore } from '../../src/store';
import { decodeShare, encodeShare, learnerOf, parseSaved, toSaved } from '../../src/store/persist';
import { workProblem } from '../../src/store/workCheck';

/** Every number a learner types or reads off the exercise: weights, biases, inputs, targets, η. */
function numbersOf(e: Exercise): number[] {
  return [
    ...e.network.layers.flatMap((l) => [...l.weights.flat(), ...l.biases]),
    ...e.samples.flatMap((s) => [...s.x, ...s.y]),
    e.learningRate,
  ];
}

/** At most two decimals, as the double typing that decimal gives (0.15, not 0.15000000000000002). */
const shortDecimal = (x: number) => Number(x.toFixed(2)) === x && String(x).length <= 5;

const SEEDS = [1, 2, 3, 17, 4821, 9999];
const sizes = (e: Exercise) => [
  e.network.inputSize,
  ...e.network.layers.map((l) => l.biases.length),
];

describe('exercise(kind, seed)', () => {
  it('is the same for the same seed and differs for another', () => {
    for (const kind of EXERCISE_KINDS) {
      for (const batch of [false, true]) {
        expect(exercise(kind, 4821, batch)).toEqual(exercise(kind, 4821, batch));
        expect(exercise(kind, 4821, batch)).not.toEqual(exercise(kind, 4822, batch));
      }
    }
  });

  it('pins the numbers of one seed (so a link made today opens the same exercise later)', () => {
    expect(exercise('sigmoid-2-2-1', 4821)).toEqual({
      network: {
        inputSize: 2,
        loss: 'binaryCrossEntropy',
        layers: [
          {
            activation: 'sigmoid',
            weights: [
              [-0.65, -1],
              [0.55, -0.35],
            ],
            biases: [-0.3, -0.4],
          },
          { activation: 'sigmoid', weights: [[-0.1], [0.4]], biases: [0.5] },
        ],
      },
      samples: [{ x: [0.6, -0.3], y: [1] }],
      learningRate: 1,
      trainBiases: true,
    });
  });

  it('writes every number with at most two decimals', () => {
    for (const kind of EXERCISE_KINDS) {
      for (let seed = 1; seed <= 300; seed++) {
        const bad = numbersOf(exercise(kind, seed, seed % 2 === 0)).filter((x) => !shortDecimal(x));
        expect(bad, `${kind}, seed ${seed}`).toEqual([]);
      }
    }
    expect(shortDecimal(3 * 0.05)).toBe(false);
  });

  it('has each kind’s shape, activations, loss and targets', () => {
    const expected = {
      'chain-1-1-1': { sizes: [1, 1, 1], output: 'sigmoid', loss: 'sse' },
      'sigmoid-2-2-1': { sizes: [2, 2, 1], output: 'sigmoid', loss: 'binaryCrossEntropy' },
      'half-squared-2-2-2': { sizes: [2, 2, 2], output: 'sigmoid', loss: 'halfSse' },
      'softmax-2-3-2': { sizes: [2, 3, 2], output: 'softmax', loss: 'crossEntropy' },
    } as const;
    for (const kind of EXERCISE_KINDS) {
      for (const seed of SEEDS) {
        for (const batch of [false, true]) {
          const e = exercise(kind, seed, batch);
          expect(sizes(e)).toEqual(expected[kind].sizes);
          expect(e.network.layers[0]?.activation).toBe('sigmoid');
          expect(e.network.layers[1]?.activation).toBe(expected[kind].output);
          expect(e.network.loss).toBe(expected[kind].loss);
          expect(e.samples).toHaveLength(batch ? 2 : 1);
          if (batch) expect(e.samples[0]?.x).not.toEqual(e.samples[1]?.x);
          for (const { y } of e.samples) {
            if (kind === 'softmax-2-3-2') expect([...y].sort()).toEqual([0, 1]);
            else if (kind === 'sigmoid-2-2-1') expect([[0], [1]]).toContainEqual(y);
            else for (const t of y) expect(t > 0 && t < 1).toBe(true);
          }
          // No weight is 0 (an edge that does nothing is no exercise).
          expect(e.network.layers.flatMap((l) => l.weights.flat())).not.toContain(0);
          expect(e.trainBiases).toBe(true);
          expect([0.1, 0.5, 1]).toContain(e.learningRate);
          expect(Number.isFinite(runPass(e.network, e.samples).loss)).toBe(true);
        }
      }
    }
  });

  it('is titled by its kind and seed', () => {
    expect(exerciseTitle({ kind: 'sigmoid-2-2-1', seed: 4821, batchOfTwo: false })).toBe(
      'Exercise, seed 4821: 2-2-1 sigmoid',
    );
    expect(exerciseTitle({ kind: 'half-squared-2-2-2', seed: 7, batchOfTwo: true })).toBe(
      'Exercise, seed 7: 2-2-2 sigmoid, ½ squared error, batch of two',
    );
    expect(EXERCISE_KIND_REGISTRY['softmax-2-3-2'].label).toBe('2-3-2 softmax, cross-entropy');
  });
});

describe('an exercise in the stepper', () => {
  it('passes the store’s check of a work, for every kind and seed tried', () => {
    for (const kind of EXERCISE_KINDS) {
      for (const seed of SEEDS) {
        for (const batchOfTwo of [false, true]) {
          const store = createAppStore();
          expect(store.getState().newExercise(kind, batchOfTwo, seed)).toBeNull();
          expect(workProblem(store.getState())).toBeNull();
        }
      }
    }
  });

  it('opens at the start of the pass as one undoable edit, the view kept', () => {
    const store = createAppStore();
    store.getState().setNotation('lfd');
    store.getState().goToStep(4);
    expect(store.getState().newExercise('softmax-2-3-2', true, 4821)).toBeNull();
    const s = store.getState();
    const fresh = exercise('softmax-2-3-2', 4821, true);
    expect(s).toMatchObject({
      ...fresh,
      stepIndex: 0,
      sampleIndex: 0,
      selection: null,
      history: [],
      exampleId: null,
      exercise: { kind: 'softmax-2-3-2', seed: 4821, batchOfTwo: true },
      notation: 'lfd',
    });
    s.undo();
    expect(store.getState()).toMatchObject({
      exampleId: 'classic-2-2-2',
      exercise: null,
      stepIndex: 4,
    });
    store.getState().redo();
    expect(store.getState().exercise).toEqual({
      kind: 'softmax-2-3-2',
      seed: 4821,
      batchOfTwo: true,
    });
  });

  it('refuses a seed out of range or an unknown kind, and changes nothing', () => {
    const store = createAppStore();
    expect(store.getState().newExercise('chain-1-1-1', false, 0)).toMatch(/from 1 to 9999/);
    expect(store.getState().newExercise('chain-1-1-1', false, 1.5)).toMatch(/whole number/);
    // @ts-expect-error: a kind no link may carry
    expect(store.getState().newExercise('3-3-3', false, 5)).toMatch(/no exercise kind/);
    expect(store.getState().past).toEqual([]);
  });

  it('a fresh seed each time when none is given', () => {
    const store = createAppStore();
    store.getState().newExercise('chain-1-1-1', false);
    const seed = store.getState().exercise?.seed ?? 0;
    expect(seed >= 1 && seed <= 9999 && Number.isInteger(seed)).toBe(true);
  });

  it('forgets the exercise when the network changes shape, or an example opens', () => {
    const store = createAppStore();
    store.getState().newExercise('half-squared-2-2-2', false, 12);
    store.getState().setParameter({ kind: 'weight', layer: 1, from: 0, to: 0 }, 0.3);
    expect(store.getState().exercise).not.toBeNull();
    store.getState().setUnits(1, 3);
    expect(store.getState().exercise).toBeNull();
    store.getState().newExercise('half-squared-2-2-2', false, 12);
    store.getState().loadExample('xor-2-2-1');
    expect(store.getState().exercise).toBeNull();
  });

  it('travels in the share link and the saved file; an older save without one reads as none', () => {
    const store = createAppStore();
    store.getState().newExercise('sigmoid-2-2-1', true, 4821);
    const work = learnerOf(store.getState());
    expect(decodeShare(encodeShare(work))).toEqual({ ok: true, work });
    const older: Partial<typeof work> = learnerOf(createAppStore().getState());
    delete older.exercise;
    const loaded = parseSaved({ ...toSaved(work), work: older });
    expect(loaded.ok && loaded.work.exercise).toBeNull();
    const bad = { ...work, exercise: { kind: 'sigmoid-2-2-1', seed: 0, batchOfTwo: false } };
    expect(parseSaved(toSaved(bad as typeof work))).toMatchObject({ ok: false });
  });
});
