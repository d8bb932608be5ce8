import { beforeAll, describe, expect, it, vi } from 'vitest';
import { loadRealText } from '../../../src/data/realDatasets';
import { classScores, sampleAt, samplesOf, type Network } from '../../../src/engine';
import { createTrainingStore } from '../../../src/training/store';
import {
  classNamesOf,
  datasetOf,
  defaultTrainingNetwork,
  pointPlace,
} from '../../../src/training/selectors';
import type { FrameReply } from '../../../src/training/protocol';
import { createRunFeed } from '../../../src/training/runFeed';
import {
  createRunStore,
  MAX_MISCLASSIFIED,
  type ClassResults,
} from '../../../src/training/runtime';
import type { TrainingChoices } from '../../../src/training/choices';
import { request, trainingSession } from './sessionFixtures';

/** A session on these choices with the Train tab's default network. */
const session = (init: Partial<TrainingChoices>) =>
  trainingSession(init, (data) => defaultTrainingNetwork(data, 1));

// The datasets in the box are loaded before they are chosen (each is a chunk of its own).
beforeAll(async () => {
  await Promise.all([loadRealText('iris'), loadRealText('digits')]);
});

const sum = (counts: number[][]) => counts.flat().reduce((a, b) => a + b, 0);

/** The results' own consistency: the wrong list and count agree with the matrix. */
function expectConsistent(results: ClassResults) {
  const { correct, total } = classScores(results.counts);
  expect(total).toBe(results.testCount);
  expect(results.wrongCount).toBe(total - correct);
  expect(results.wrong).toHaveLength(Math.min(results.wrongCount, MAX_MISCLASSIFIED));
  for (const w of results.wrong) expect(w.truth).not.toBe(w.predicted);
  const indices = results.wrong.map((w) => w.index);
  expect(indices).toEqual([...indices].sort((a, b) => a - b));
}

describe('results for classes from the training session', () => {
  it('Iris: a 3 × 3 matrix of the 75 test examples whose diagonal is the test accuracy', () => {
    const { s, data } = session({ source: 'real', real: 'iris' });
    const first = s.frame(request({}));
    expect(first.results?.counts).toHaveLength(3);
    expect(first.results?.testCount).toBe(75);
    // One epoch, as the button asks: the network comes back, and the results with it.
    const reply = s.frame(request({ work: 'epoch', network: true }));
    const results = reply.results as ClassResults;
    expect(sum(results.counts)).toBe(75);
    expectConsistent(results);
    const { correct, total } = classScores(results.counts);
    expect(correct / total).toBe(reply.record?.testAccuracy);
    // Each row holds exactly the test examples of that class.
    const test = samplesOf(data.test);
    const perClass = [0, 1, 2].map((k) => test.filter((t) => t.y[k] === 1).length);
    expect(results.counts.map((row) => row.reduce((a, b) => a + b, 0))).toEqual(perClass);
    for (const w of results.wrong) expect(sampleAt(data.test, w.index).y[w.truth]).toBe(1);
  });

  it('while playing, at most every 100 ms; always on a frame that commits the network', () => {
    let clock = 1000;
    const spy = vi.spyOn(performance, 'now').mockImplementation(() => clock);
    try {
      const { s } = session({ source: 'real', real: 'iris' });
      expect(s.frame(request({})).results).not.toBeNull();
      const play = request({ work: 'batch' });
      clock += 99;
      expect(s.frame(play).record).not.toBeNull();
      expect(s.frame(play).results).toBeNull();
      clock += 1;
      expect(s.frame(play).results).not.toBeNull();
      expect(s.frame(play).results).toBeNull();
      expect(s.frame(request({ work: 'batch', network: true })).results).not.toBeNull();
      expect(s.frame(request({})).results).not.toBeNull();
    } finally {
      spy.mockRestore();
    }
  });

  it('a frame without training recounts with the network it was given', () => {
    const { s, network } = session({ source: 'real', real: 'iris' });
    s.frame(request({ work: 'epoch', network: true }));
    // Every weight 0 and the output's bias largest for class 2: every example is "virginica".
    const zero = (n: Network): Network => ({
      ...n,
      layers: n.layers.map((layer, l) => ({
        ...layer,
        weights: layer.weights.map((row) => row.map(() => 0)),
        biases: layer.biases.map((_, j) => (l === n.layers.length - 1 && j === 2 ? 1 : 0)),
      })),
    });
    s.setNetwork(zero(network));
    const results = s.frame(request({})).results as ClassResults;
    const rows = results.counts.map((row) => row.reduce((a, b) => a + b, 0));
    expect(results.counts).toEqual(rows.map((n) => [0, 0, n]));
    expect(results.wrongCount).toBe(75 - (rows[2] as number));
    // A drawing frame that trains nothing and is not still (a mini-batch past the limit) sends none.
    expect(
      s.frame(request({ work: 'batch', stop: { kind: 'epochs', epochs: 1, loss: 0 } })).results,
    ).toBeNull();
  });

  it('two classes (the circle) are a 2 × 2 matrix; regression has none', () => {
    const circle = session({ count: 100 }).s.frame(
      request({ work: 'epoch', network: true }),
    ).results;
    expect(circle?.counts).toHaveLength(2);
    expect(sum(circle?.counts ?? [])).toBe(50);
    expectConsistent(circle as ClassResults);
    const plane = session({ dataset: 'plane' }).s;
    expect(plane.frame(request({ work: 'epoch', network: true })).results).toBeNull();
  });

  it('the digits: at most 24 misclassified examples named, all counted', () => {
    const { s, data } = session({ source: 'real', real: 'digits' });
    const results = s.frame(request({})).results as ClassResults;
    expect(results.counts).toHaveLength(10);
    expect(results.testCount).toBe(data.test.count);
    // The untrained network gets most of the 898 wrong.
    expect(results.wrongCount).toBeGreaterThan(MAX_MISCLASSIFIED);
    expectConsistent(results);
  });
});

describe('the run feed', () => {
  it('writes the latest results when it flushes, keeps them across replies without, and forgets them on reset', () => {
    const run = createRunStore();
    const feed = createRunFeed(run, () => false);
    const results = (wrongCount: number): ClassResults => ({
      counts: [[1]],
      wrong: [],
      wrongCount,
      testCount: 1,
    });
    const reply = (r: ClassResults | null) =>
      ({
        record: null,
        trained: 0,
        gridMs: null,
        paintMs: null,
        results: r,
      }) as unknown as FrameReply;
    feed.add(reply(results(1)));
    feed.add(reply(results(2)));
    expect(run.getState().results).toBeNull();
    feed.flush(true);
    expect(run.getState().results?.wrongCount).toBe(2);
    feed.add(reply(null));
    feed.flush(true);
    expect(run.getState().results?.wrongCount).toBe(2);
    feed.add(reply(results(3)));
    feed.reset();
    feed.flush(true);
    expect(run.getState().results?.wrongCount).toBe(2);
  });
});

describe('class names and places', () => {
  it('name the classes as the data does, and 0 and 1 for generated two-class points', () => {
    const iris = createTrainingStore({ source: 'real', real: 'iris' }).getState();
    expect(classNamesOf(iris)).toEqual(['setosa', 'versicolor', 'virginica']);
    const digits = createTrainingStore({ source: 'real', real: 'digits' }).getState();
    expect(classNamesOf(digits)).toEqual(['0', '1', '2', '3', '4', '5', '6', '7', '8', '9']);
    const csv = createTrainingStore();
    expect(csv.getState().loadCsv('a,b,answer\n1,2,yes\n3,4,no\n5,6,yes\n7,8,no\n')).toBeNull();
    expect(classNamesOf(csv.getState())).toEqual(['no', 'yes']);
    const circle = createTrainingStore().getState();
    expect(classNamesOf(circle)).toEqual(['0', '1']);
    // The same array each time: a component selecting it does not render again for nothing.
    expect(classNamesOf(circle)).toBe(classNamesOf(circle));
    expect(classNamesOf(createTrainingStore({ dataset: 'threeSpirals' }).getState())).toEqual([
      'class 1',
      'class 2',
      'class 3',
    ]);
    expect(classNamesOf(createTrainingStore({ dataset: 'plane' }).getState())).toBeNull();
  });

  it('place a point by its line in the file, or by its number among generated points', () => {
    const csv = createTrainingStore();
    expect(csv.getState().loadCsv('# a comment\na,b,c\n1,2,x\n\n3,4,y\n5,6,x\n')).toBeNull();
    const table = datasetOf(csv.getState());
    expect(Array.from(table.lines ?? [])).toEqual([3, 5, 6]);
    expect(pointPlace(table, 1)).toBe('line 5');
    const circle = datasetOf(createTrainingStore().getState());
    expect(pointPlace(circle, 0)).toBe('point 1');
  });
});
