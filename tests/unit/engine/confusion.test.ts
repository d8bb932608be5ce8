import { describe, expect, it } from 'vitest';
import {
  classOf,
  classScores,
  confusionMatrix,
  createTrainer,
  initializeNetwork,
  misclassified,
  packSamples,
  runPass,
  targetClasses,
  type Sample,
} from '../../../src/engine';

describe('classOf', () => {
  it('reads one output against ½ (threshold), ½ itself being class 1', () => {
    expect(classOf([0.49], 0, 1, 'threshold')).toBe(0);
    expect(classOf([0.5], 0, 1, 'threshold')).toBe(1);
    expect(classOf([9, 0.2], 1, 1, 'threshold')).toBe(0);
  });

  it('picks the largest of several (argmax), the first on a tie, from an offset', () => {
    expect(classOf([0.1, 0.7, 0.2], 0, 3, 'argmax')).toBe(1);
    expect(classOf([0.4, 0.4, 0.2], 0, 3, 'argmax')).toBe(0);
    expect(classOf([1, 0, 0, 0, 0.3, 0.6], 3, 3, 'argmax')).toBe(2);
  });

  it('reads the true class of every sample of a packed set', () => {
    const oneHot = packSamples(
      [
        { x: [0], y: [0, 0, 1] },
        { x: [0], y: [1, 0, 0] },
        { x: [0], y: [0, 1, 0] },
      ],
      1,
      3,
    );
    expect(Array.from(targetClasses(oneHot, 'argmax'))).toEqual([2, 0, 1]);
    const labels = packSamples(
      [
        { x: [0], y: [1] },
        { x: [0], y: [0] },
      ],
      1,
      1,
    );
    expect(Array.from(targetClasses(labels, 'threshold'))).toEqual([1, 0]);
  });
});

describe('the confusion matrix', () => {
  // Ten samples of three classes, worked by hand: rows true, columns predicted.
  const truth = [0, 0, 0, 0, 1, 1, 1, 2, 2, 2];
  const predicted = [0, 0, 0, 1, 1, 1, 2, 2, 0, 2];

  it('counts each (true, predicted) pair', () => {
    expect(confusionMatrix(truth, predicted, 3)).toEqual([
      [3, 1, 0],
      [0, 2, 1],
      [1, 0, 2],
    ]);
    expect(confusionMatrix([], [], 2)).toEqual([
      [0, 0],
      [0, 0],
    ]);
  });

  it('gives each class its recall and precision, and the totals', () => {
    const scores = classScores(confusionMatrix(truth, predicted, 3));
    expect(scores.recall).toEqual([3 / 4, 2 / 3, 2 / 3]);
    expect(scores.precision).toEqual([3 / 4, 2 / 3, 2 / 3]);
    expect(scores).toMatchObject({ correct: 7, total: 10 });
    // A class never seen has no recall; one never predicted no precision.
    const lopsided = classScores([
      [2, 0, 1],
      [0, 0, 0],
      [0, 0, 1],
    ]);
    expect(lopsided.recall).toEqual([2 / 3, null, 1]);
    expect(lopsided.precision).toEqual([1, null, 1 / 2]);
  });

  it('refuses a class out of range or lists of different lengths', () => {
    expect(() => confusionMatrix([0, 3], [0, 0], 3)).toThrow(
      'Sample 1 has class 3 predicted as 0; there are 3 classes.',
    );
    expect(() => confusionMatrix([0], [-1], 3)).toThrow('Sample 0 has class 0 predicted as -1');
    expect(() => confusionMatrix([0, 1], [0], 2)).toThrow('2 true classes but 1 predictions.');
  });

  it('lists the first misclassified samples and counts them all', () => {
    expect(misclassified(truth, predicted, 2)).toEqual({ indices: [3, 6], count: 3 });
    expect(misclassified(truth, predicted, 24)).toEqual({ indices: [3, 6, 8], count: 3 });
    expect(misclassified([1, 2], [1, 2], 24)).toEqual({ indices: [], count: 0 });
  });
});

describe("the trainer's predictions", () => {
  const samples: Sample[] = Array.from({ length: 12 }, (_, i) => {
    const x = [Math.sin(i * 1.3), Math.cos(i * 0.7)];
    const k = i % 3;
    return { x, y: [0, 1, 2].map((j) => (j === k ? 1 : 0)) };
  });
  const network = initializeNetwork(
    {
      inputSize: 2,
      loss: 'crossEntropy',
      layers: [
        { units: 4, activation: 'tanh' },
        { units: 3, activation: 'softmax' },
      ],
    },
    3,
  );

  it('are the largest output of the forward pass, and the diagonal is the accuracy', () => {
    const set = packSamples(samples, 2, 3);
    const trainer = createTrainer(
      network,
      set,
      { learningRate: 0.5, batchSize: 4, penalty: { kind: 'none', rate: 0 } },
      1,
    );
    for (let i = 0; i < 5; i++) trainer.finishEpoch();
    const predictions = new Int32Array(set.count);
    const { accuracy } = trainer.evaluate(set, 'argmax', predictions);
    const trained = trainer.network();
    const expected = samples.map((sample) => {
      const output = runPass(trained, [sample]).samples[0]?.layers.at(-1)?.a as Float64Array;
      return classOf(output, 0, 3, 'argmax');
    });
    expect(Array.from(predictions)).toEqual(expected);
    const scores = classScores(confusionMatrix(targetClasses(set, 'argmax'), predictions, 3));
    expect(scores.total).toBe(12);
    expect(scores.correct / scores.total).toBe(accuracy);
  });
});
