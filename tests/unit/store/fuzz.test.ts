import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { validateBatch, validateNetwork } from '../../../src/engine';
import {
  createAppStore,
  LIMITS,
  selectionFits,
  selectSnapshot,
  selectSteps,
  type AppStore,
} from '../../../src/store';
import { decodeShare, parseSaved } from '../../../src/store/persist';
import { compatibilityProblem } from '../../../src/store/shape';

/** Every state the store can reach must be one the app can show. */
function expectValid(store: AppStore) {
  const s = store.getState();
  validateNetwork(s.network);
  validateBatch(s.network, s.samples);
  expect(compatibilityProblem(s.network)).toBeNull();
  expect(s.network.inputSize).toBeLessThanOrEqual(LIMITS.maxInputs);
  expect(s.network.layers.length).toBeLessThanOrEqual(LIMITS.maxHiddenLayers + 1);
  for (const layer of s.network.layers)
    expect(layer.biases.length).toBeLessThanOrEqual(LIMITS.maxUnits);
  expect(s.stepIndex).toBeGreaterThanOrEqual(0);
  expect(s.stepIndex).toBeLessThan(selectSteps(s).length);
  expect(s.sampleIndex).toBeLessThan(s.samples.length);
  expect(Number.isFinite(selectSnapshot(s).loss)).toBe(true);
  expect(Number.isFinite(s.learningRate)).toBe(true);
  expect(typeof s.trainBiases).toBe('boolean');
  expect(selectionFits(s.selection, s.network)).toBe(true);
}

const anyNumber = fc.oneof(
  fc.double(),
  fc.double({ min: -2, max: 2, noNaN: true }),
  fc.constantFrom(Number.NaN, Infinity, -Infinity, 1e300, -0),
);
const index = fc.integer({ min: -2, max: 20 });
const name = fc.oneof(
  fc.constantFrom(
    'sigmoid',
    'tanh',
    'relu',
    'leakyRelu',
    'linear',
    'softmax',
    'sse',
    'halfSse',
    'mse',
    'binaryCrossEntropy',
    'crossEntropy',
  ),
  fc.string(),
);

type Command = (store: AppStore) => string | null | void;
const command: fc.Arbitrary<Command> = fc.oneof(
  fc.tuple(index, index, index, anyNumber).map(
    ([layer, from, to, v]): Command =>
      (st) =>
        st.getState().setParameter({ kind: 'weight', layer, from, to }, v),
  ),
  fc.tuple(index, index, anyNumber).map(
    ([layer, unit, v]): Command =>
      (st) =>
        st.getState().setParameter({ kind: 'bias', layer, unit }, v),
  ),
  fc.tuple(index, index, anyNumber, fc.boolean()).map(
    ([sample, i, v, input]): Command =>
      (st) =>
        st.getState().setParameter({ kind: input ? 'input' : 'target', sample, index: i }, v),
  ),
  fc.tuple(index, fc.integer({ min: -1, max: 20 })).map(
    ([layer, n]): Command =>
      (st) =>
        st.getState().setUnits(layer, n),
  ),
  index.map(
    (l): Command =>
      (st) =>
        st.getState().addHiddenLayer(l),
  ),
  index.map(
    (l): Command =>
      (st) =>
        st.getState().removeHiddenLayer(l),
  ),
  fc.tuple(index, name).map(
    ([l, a]): Command =>
      (st) =>
        st.getState().setActivation(l, a as never),
  ),
  name.map(
    (loss): Command =>
      (st) =>
        st.getState().setLoss(loss as never),
  ),
  anyNumber.map(
    (v): Command =>
      (st) =>
        st.getState().setLearningRate(v),
  ),
  fc.oneof(fc.boolean(), fc.constantFrom(0, 'yes', null)).map(
    (on): Command =>
      (st) =>
        st.getState().setTrainBiases(on as boolean),
  ),
  fc.oneof(fc.constantFrom('xor-2-2-1', 'softmax-classifier', 'note-004'), fc.string()).map(
    (id): Command =>
      (st) =>
        st.getState().loadExample(id),
  ),
  fc.constantFrom<Command>(
    (st) => st.getState().stepForward(),
    (st) => st.getState().stepBack(),
    (st) => st.getState().goToEnd(),
    (st) => st.getState().addSample(),
    (st) => st.getState().undo(),
    (st) => st.getState().redo(),
    (st) => st.getState().setGranularity('unit'),
    (st) => st.getState().setGranularity('layer'),
  ),
  index.map(
    (i): Command =>
      (st) =>
        st.getState().goToStep(i),
  ),
  index.map(
    (i): Command =>
      (st) =>
        st.getState().removeSample(i),
  ),
  index.map(
    (i): Command =>
      (st) =>
        st.getState().setSampleIndex(i),
  ),
  fc.jsonValue().map((json): Command => (st) => {
    const loaded = parseSaved(json);
    if (loaded.ok) st.getState().replaceWork(loaded.work);
    return loaded.ok ? null : loaded.error;
  }),
  fc.string().map((link): Command => (st) => {
    const loaded = decodeShare(link);
    if (loaded.ok) st.getState().replaceWork(loaded.work);
    return loaded.ok ? null : loaded.error;
  }),
);

describe('random edits, links and files never break the store', () => {
  it('keeps a valid state, and a refused edit changes nothing', () => {
    fc.assert(
      fc.property(fc.array(command, { maxLength: 40 }), (commands) => {
        const store = createAppStore();
        for (const run of commands) {
          const before = store.getState();
          const outcome = run(store);
          if (typeof outcome === 'string') {
            expect(outcome.length).toBeGreaterThan(0);
            expect(store.getState().network).toBe(before.network);
            expect(store.getState().samples).toBe(before.samples);
          }
          expectValid(store);
        }
      }),
      { numRuns: 300 },
    );
  });
});
