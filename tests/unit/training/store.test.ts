import { describe, expect, it } from 'vitest';
import { appendRecords, type EpochRecord } from '../../../src/training/runtime';
import { loadTrainingChoices, trainingToJson } from '../../../src/training/persist';
import {
  datasetOf,
  fitProblem,
  fittedNetwork,
  preparedOf,
  reinitialized,
  stepperSamples,
} from '../../../src/training/selectors';
import { choicesOf, createTrainingStore } from '../../../src/training/store';
import { DEFAULT_TRAINING } from '../../../src/training/choices';
import { createAppStore } from '../../../src/store';

describe('training choices', () => {
  it('refuses out-of-range settings with a reason and keeps the old value', () => {
    const store = createTrainingStore();
    expect(store.getState().setNoise(0.7)).toMatch(/between 0 and 0.5/);
    expect(store.getState().setBatchSize(33)).toMatch(/between 1 and 32/);
    expect(store.getState().setBatchSize(2.5)).toBe('A whole number, please.');
    expect(store.getState().setCount(5)).toMatch(/between 10 and 2000/);
    expect(store.getState().setTrainFraction(0.95)).toMatch(/between 0.1 and 0.9/);
    expect(store.getState().setStop({ epochs: 0 })).toMatch(/between 1/);
    expect(choicesOf(store.getState())).toEqual(DEFAULT_TRAINING);
    expect(store.getState().setBatchSize(32)).toBeNull();
    expect(store.getState().batchSize).toBe(32);
  });

  it('changes nothing when a CSV is malformed, and switches to it when it is not', () => {
    const store = createTrainingStore();
    const before = choicesOf(store.getState());
    expect(store.getState().loadCsv('a,b,c\n1,2,0\n3,x,1')).toBe(
      "Line 3: column 2 (b) is 'x', not a number: names can only be a target.",
    );
    expect(choicesOf(store.getState())).toEqual(before);
    expect(store.getState().loadCsv('a,b,c\n1,2,3.5\n4,5,6\n7,8,9', 'mine.csv')).toBeNull();
    expect(store.getState().source).toBe('csv');
    expect(datasetOf(store.getState()).inputNames).toEqual(['a', 'b']);
    const reading = store.getState().reading;
    expect(store.getState().setReading({ targets: [0, 1, 2] })).toBe(
      'Every column is a target: leave at least one as an input.',
    );
    expect(store.getState().reading).toBe(reading);
    expect(store.getState().setReading({ targets: [1, 2] })).toBeNull();
    expect(datasetOf(store.getState()).targetNames).toEqual(['b', 'c']);
    expect(store.getState().setReading({ task: 'classes' })).toBe(
      'b, c cannot be classes: they are not one-hot (exactly one 1 per row, 0 elsewhere).',
    );
  });

  it('keeps at least one input feature', () => {
    const store = createTrainingStore();
    expect(store.getState().setFeature('x1', false)).toBeNull();
    expect(store.getState().setFeature('x2', false)).toBe('The network needs at least one input.');
    expect(store.getState().features).toEqual(['x2']);
    expect(store.getState().setFeature('sinx1', true)).toBeNull();
    expect(store.getState().features).toEqual(['x2', 'sinx1']);
  });

  it('derives the same points from the same choices, memoized', () => {
    const store = createTrainingStore({ dataset: 'xor', count: 100 });
    const a = preparedOf(store.getState());
    expect(preparedOf(store.getState())).toBe(a);
    store.getState().regenerate();
    expect(preparedOf(store.getState())).not.toEqual(a);
    expect(a.train.count).toBe(50);
  });

  it('round-trips through storage and refuses damaged saves', () => {
    const store = createTrainingStore({ dataset: 'spiral', batchSize: 5, mode: 'train' });
    const loaded = loadTrainingChoices(trainingToJson(store.getState()));
    expect(loaded.problem).toBeNull();
    expect(loaded.choices).toEqual(choicesOf(store.getState()));
    expect(loadTrainingChoices(null).choices).toEqual(DEFAULT_TRAINING);
    expect(loadTrainingChoices('{').problem).toMatch(/not JSON/);
    const tampered = JSON.parse(trainingToJson(store.getState()));
    tampered.choices.batchSize = 1000;
    const refused = loadTrainingChoices(JSON.stringify(tampered));
    // Only the part that cannot be read takes its default; the rest loads.
    expect(refused.problem).toMatch(/batchSize/);
    expect(refused.choices).toEqual({
      ...choicesOf(store.getState()),
      batchSize: DEFAULT_TRAINING.batchSize,
    });
  });
});

describe('fitting the network to the data', () => {
  it('keeps the hidden layers and sets inputs, outputs and loss by the task', () => {
    const app = createAppStore();
    const spirals = preparedOf(
      createTrainingStore({ dataset: 'threeSpirals', features: ['x1', 'x2', 'x1x2'] }).getState(),
    );
    const network = app.getState().network;
    expect(fitProblem(network, spirals)).toMatch(/takes 2 inputs; the data has 3/);
    const fitted = fittedNetwork(network, spirals, 4);
    expect(fitProblem(fitted, spirals)).toBeNull();
    expect(fitted.inputSize).toBe(3);
    expect(fitted.layers.map((l) => [l.biases.length, l.activation])).toEqual([
      [2, 'sigmoid'],
      [3, 'softmax'],
    ]);
    expect(fitted.loss).toBe('crossEntropy');
    expect(reinitialized(fitted, 4)).toEqual(fitted);
    expect(stepperSamples(spirals, 50)).toHaveLength(32);
    const curve = preparedOf(createTrainingStore({ dataset: 'curve' }).getState());
    const regression = fittedNetwork(network, curve, 1);
    expect([regression.inputSize, regression.loss, regression.layers.at(-1)?.activation]).toEqual([
      1,
      'mse',
      'linear',
    ]);
  });
});

describe('the run history', () => {
  const record = (epoch: number): EpochRecord => ({
    epoch,
    trainLoss: 1 / (epoch + 1),
    testLoss: 1,
    trainAccuracy: null,
    testAccuracy: null,
    gradientNorms: [1],
    penalty: 0,
  });

  it('thins the older half when it grows too long, keeping the latest dense', () => {
    let history: EpochRecord[] = [];
    for (let e = 1; e <= 30; e++) history = appendRecords(history, [record(e)], 20);
    expect(history.length).toBeLessThanOrEqual(20);
    expect(history.at(-1)?.epoch).toBe(30);
    expect(history.slice(-5).map((r) => r.epoch)).toEqual([26, 27, 28, 29, 30]);
    expect(history[0]?.epoch).toBe(1);
  });
});
