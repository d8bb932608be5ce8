import { describe, expect, it } from 'vitest';
import { createTrainer, initializeNetwork, lossOf, samplesOf } from '../../../src/engine';
import { createTrainingStore } from '../../../src/training/store';
import { fittedNetwork } from '../../../src/training/selectors';
import { gradientHealth } from '../../../src/training/health';
import {
  imagesDue,
  MAX_BUDGET_MS,
  MIN_BUDGET_MS,
  nextBudget,
  playRequest,
  sessionInitOf,
} from '../../../src/training/plan';
import { DIVERGING, putDiverging } from '../../../src/training/palette';
import { createSession, RECORD_INTERVAL_MS } from '../../../src/training/session';
import { request, trainingSession } from './sessionFixtures';

const BASE = initializeNetwork(
  {
    inputSize: 2,
    loss: 'mse',
    layers: [
      { units: 3, activation: 'tanh' },
      { units: 2, activation: 'tanh' },
      { units: 1, activation: 'linear' },
    ],
  },
  1,
);

/** A session on 100 points of these choices, with a 2-3-2-1 network fitted to the data. */
const session = (init: Parameters<typeof createTrainingStore>[0] = {}) =>
  trainingSession({ count: 100, ...init }, (data) => fittedNetwork(BASE, data, 1));

describe('the training session', () => {
  it('paints the plane and one thumbnail per hidden unit without training', () => {
    const { s, network, data } = session();
    const reply = s.frame(request({ images: true, network: true }));
    expect(reply.trained).toBe(0);
    // The curves start at epoch 0 with the untrained network's losses, once.
    expect(reply.record).toMatchObject({ epoch: 0, gradientNorms: [] });
    expect(reply.record?.trainLoss).toBeCloseTo(lossOf(network, samplesOf(data.train)), 12);
    expect(s.frame(request({ images: true })).record).toBeNull();
    expect(reply.network).toEqual(network);
    expect(reply.hidden.units).toEqual([3, 2]);
    const images = reply.images;
    expect(images?.kind).toBe('2d');
    if (images?.kind !== '2d') return;
    expect(images.output).toHaveLength(100 * 100 * 4);
    expect(images.hidden).toHaveLength(5 * 50 * 50 * 4);
    expect(reply.gridPoints).toBe(10_000);
    expect(data.task).toBe('binary');
  });

  it('shows a unit instead of the output, or two colors only, when the view asks', () => {
    const { s } = session();
    const view = { discretize: false, focus: null, hover: null };
    const plain = s.frame(request({ images: true, view })).images;
    const input = s.frame(
      request({ images: true, view: { ...view, focus: { layer: 0, unit: 0 } } }),
    ).images;
    if (plain?.kind !== '2d' || input?.kind !== '2d') throw new Error('no plane');
    const pixel = (image: Uint8ClampedArray, i: number, j: number) =>
      Array.from(image.slice((j * 100 + i) * 4, (j * 100 + i) * 4 + 3));
    // x₁ runs from −6 (left, orange) to 6 (right, blue), the same down every row.
    expect(pixel(input.output, 0, 50)).toEqual(pixel(input.output, 0, 10));
    const [r0, , b0] = pixel(input.output, 0, 50) as number[];
    const [r1, , b1] = pixel(input.output, 99, 50) as number[];
    expect(r0).toBeGreaterThan(b0 as number);
    expect(b1).toBeGreaterThan(r1 as number);
    expect(Array.from(input.hidden)).toEqual(Array.from(plain.hidden));
    // Hovering wins over the kept focus; a unit that does not exist (layer 1 has 3) shows the output.
    const hovered = s.frame(
      request({
        images: true,
        view: { ...view, focus: { layer: 0, unit: 0 }, hover: { layer: 9, unit: 0 } },
      }),
    ).images;
    if (hovered?.kind !== '2d') throw new Error('no plane');
    expect(Array.from(hovered.output)).toEqual(Array.from(plain.output));
    const two = s.frame(request({ images: true, view: { ...view, discretize: true } })).images;
    if (two?.kind !== '2d') throw new Error('no plane');
    const colors = new Set<string>();
    for (let p = 0; p < 100 * 100; p++) colors.add(two.output.slice(p * 4, p * 4 + 3).join());
    expect(colors.size).toBeLessThanOrEqual(2);
  });

  it('sends only the weights, for the diagram, when the data has no plane to draw on', () => {
    const rows = Array.from({ length: 20 }, (_, i) => `${i % 3},${i % 5},${i % 7},${i % 2}`);
    const csv = { name: 'wide.csv', text: rows.join('\n') };
    const { s, network } = session({ source: 'csv', csv });
    expect(network.inputSize).toBe(3);
    const reply = s.frame(request({ images: true }));
    expect(reply.images?.kind).toBe('none');
    expect(reply.images?.weights).toHaveLength(3 * 3 + 3 * 2 + 2 * 1);
    expect(reply.gridMs).toBeNull();
  });

  it('records an epoch with losses equal to lossOf', () => {
    const { s, data } = session();
    const reply = s.frame(request({ work: 'epoch', network: true }));
    expect(reply.completedEpochs).toBe(1);
    expect(reply.record?.epoch).toBe(1);
    const trained = reply.network;
    if (!trained) throw new Error('no network');
    expect(reply.record?.trainLoss).toBeCloseTo(lossOf(trained, samplesOf(data.train)), 12);
    expect(reply.record?.testLoss).toBeCloseTo(lossOf(trained, samplesOf(data.test)), 12);
    expect(reply.record?.trainAccuracy).toBeGreaterThanOrEqual(0);
  });

  it("trains with the optimizer it was given: an epoch of Adam is the trainer's own", () => {
    const { network, choices, data } = session();
    const adam = { kind: 'adam', beta1: 0.9, beta2: 0.999, epsilon: 1e-8 } as const;
    const s = createSession(sessionInitOf(network, choices, 0.1, true, adam));
    const trained = s.frame(request({ work: 'epoch', network: true })).network;
    const sgd = session().s.frame(request({ work: 'epoch', network: true })).network;
    const init = sessionInitOf(network, choices, 0.1, true, adam);
    const trainer = createTrainer(network, data.train, init.options, init.seed);
    trainer.finishEpoch();
    expect(trained).toEqual(trainer.network());
    expect(trained).not.toEqual(sgd);
  });

  it('stops at the epoch limit and at the target loss, and says so', () => {
    const { s } = session();
    const limit = { kind: 'epochs' as const, epochs: 2, loss: 0 };
    let reply = s.frame(request({ work: 'budget', budgetMs: 1000, stop: limit }));
    expect(reply.stopped).toBe('epochs');
    expect(reply.completedEpochs).toBe(2);
    expect(reply.network).not.toBeNull();
    reply = s.frame(request({ work: 'batch', stop: limit }));
    expect(reply.stopped).toBe('epochs');
    expect(reply.trained).toBe(0);
    reply = s.frame(request({ work: 'batch', stop: { kind: 'loss', epochs: 1, loss: 100 } }));
    expect(reply.stopped).toBe('loss');
  });

  it('playing as fast as possible, evaluates the sets for the curves at most every 100 ms', () => {
    const { choices, network } = session();
    // A clock that moves 1 ms each time it is read: a 5 ms budget is a few mini-batches.
    let t = 0;
    const s = createSession(sessionInitOf(network, choices, 0.1), () => t++);
    const play = request({ work: 'budget', budgetMs: 5 });
    expect(s.frame(request({})).record?.epoch).toBe(0);
    t += RECORD_INTERVAL_MS;
    const first = s.frame(play);
    expect(first.trained).toBeGreaterThan(0);
    expect(first.record).not.toBeNull();
    // The next frames, within 100 ms: trained, no point on the curves; then one.
    const next = s.frame(play);
    expect(next.trained).toBeGreaterThan(0);
    expect(next.record).toBeNull();
    t += RECORD_INTERVAL_MS;
    expect(s.frame(play).record?.epoch).toBeGreaterThan(first.record?.epoch ?? Infinity);
    // A pause (the network asked for) or a mini-batch by hand always gets its point.
    expect(s.frame({ ...play, network: true }).record).not.toBeNull();
    expect(s.frame(request({ work: 'batch' })).record).not.toBeNull();
  });

  it('draws a line for 1-D data', () => {
    const { s } = session({ dataset: 'curve' });
    const images = s.frame(request({ images: true })).images;
    expect(images?.kind).toBe('1d');
    if (images?.kind === '1d') {
      expect(images.xs[0]).toBe(-6);
      expect(images.xs[images.xs.length - 1]).toBe(6);
      expect(images.hidden).toHaveLength(5 * images.xs.length);
    }
  });
});

describe('live-view decisions', () => {
  it('asks for a time budget only when playing as fast as possible', () => {
    const choices = createTrainingStore({ speed: 'max' }).getState();
    expect(playRequest(choices, true, true)).toMatchObject({ work: 'budget', budgetMs: 12 });
    expect(playRequest(choices, false, true).budgetMs).toBe(6);
    expect(playRequest({ ...choices, speed: 'epoch' }, true, false).work).toBe('epoch');
    expect(playRequest(choices, true, true, 5).budgetMs).toBe(5);
    expect(playRequest(choices, false, true, 12).budgetMs).toBe(6);
  });

  it('trains less per frame after a dropped frame and creeps back while frames are on time', () => {
    expect(nextBudget(12, 16.7)).toBe(12);
    expect(nextBudget(12, 50)).toBe(9);
    expect(nextBudget(2.5, 100)).toBe(MIN_BUDGET_MS);
    let budget = MIN_BUDGET_MS;
    for (let frame = 0; frame < 60; frame++) budget = nextBudget(budget, 16.7);
    expect(budget).toBe(MAX_BUDGET_MS);
  });

  it('repaints every frame when the grid is cheap, less often when not or when motion is reduced', () => {
    expect(imagesDue(0, 1, false)).toBe(true);
    expect(imagesDue(15, 10, false)).toBe(false);
    expect(imagesDue(21, 10, false)).toBe(true);
    expect(imagesDue(100, 1, true)).toBe(false);
    expect(imagesDue(500, 1, true)).toBe(true);
  });

  it('reads the gradient norms', () => {
    expect(gradientHealth([]).level).toBe('none');
    expect(gradientHealth([0.1, 0.2, 0.3]).level).toBe('ok');
    expect(gradientHealth([1e-5, 1e-3, 0.1]).level).toBe('vanishing');
    expect(gradientHealth([1e-5, 1e-3, 0.1]).message).toMatch(/layer 1/);
    expect(gradientHealth([5e3, 1]).level).toBe('exploding');
    expect(gradientHealth([NaN, 1]).level).toBe('exploding');
    expect(gradientHealth([1e-9, 1e-8]).level).toBe('stalled');
  });

  it('colors −1 orange, 0 white, +1 blue', () => {
    const image = new Uint8ClampedArray(12);
    putDiverging(image, 0, -1);
    putDiverging(image, 1, 0);
    putDiverging(image, 2, 5);
    expect(Array.from(image.subarray(4, 8))).toEqual([255, 255, 255, 255]);
    expect(image[0]).toBeGreaterThan(image[2] as number);
    expect(image[10]).toBeGreaterThan(image[8] as number);
    expect(DIVERGING).toHaveLength(257 * 3);
  });
});
