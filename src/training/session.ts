import {
  confusionMatrix,
  createTrainer,
  misclassified,
  targetClasses,
  type Network,
  type Optimizer,
  type Overflow,
  type TrainerOptions,
} from '../engine';
import { MAX_MISCLASSIFIED, type ClassResults, type EpochRecord } from './runtime';
import type { FrameReply, FrameRequest, RaceSpec, SessionInit } from './protocol';
import { createRival, epochRecord, type Rival } from './rival';
import { createPictures } from './sessionPictures';

/**
 * One training run as the live view needs it: a trainer, the test set, and the batched grid pass
 * that paints the heatmaps (sessionPictures.ts). Pure TypeScript (no DOM), so it runs in a worker or, failing that, on
 * the page; frame() is the only thing that does work.
 */
export interface Session {
  frame(request: FrameRequest): FrameReply;
  setOptions(options: Partial<TrainerOptions>): void;
  setNetwork(network: Network): void;
  nextBatch(): number[];
  /** Start the race's second run here (or again), or end it (null). */
  setRace(race: RaceSpec | null): void;
  /** The second run's optimizer: another kind starts its state afresh, as the first's does. */
  setRaceOptimizer(optimizer: Optimizer): void;
}

/**
 * Playing as fast as possible, the curves get a point at most this often: each point evaluates
 * the whole training and test sets (the digits: 1,797 forward passes), which every frame took a
 * quarter of the worker's time from training.
 */
export const RECORD_INTERVAL_MS = 100;

/** Results for classes while playing: no more often than the run feed writes them (runFeed.ts). */
const RESULTS_EVERY_MS = 100;

/** Examples a resumed run replays (without training) to reach its place in the batch order. */
const MAX_REPLAY = 50_000_000;

/** `now` is the session's clock in ms (a test passes its own). */
export function createSession(
  init: SessionInit,
  now: () => number = () => performance.now(),
): Session {
  const { network, plot } = init;
  const nIn = network.inputSize;
  const nOut = network.layers[network.layers.length - 1]?.biases.length ?? 1;
  const trainSet = init.train;
  const testSet = init.test;
  if (testSet.inputSize !== nIn || testSet.outputSize !== nOut) {
    throw new Error(
      `The test set has ${testSet.inputSize} inputs and ${testSet.outputSize} targets; the network takes ${nIn} and gives ${nOut}.`,
    );
  }
  const trainer = createTrainer(network, trainSet, init.options, init.seed);
  // A run brought back (a reload, a link, an undo) goes on where it was, in the same batch order,
  // with the optimizer's state it had.
  trainer.skipTo(Math.min(init.examplesSeen ?? 0, MAX_REPLAY));
  if (init.optimizerState) trainer.setOptimizerState(init.optimizerState);
  const sets = { train: trainSet, test: testSet, accuracy: init.accuracy };
  let rival: Rival | null = init.race ? createRival(init.race, trainer, sets, init.seed) : null;
  /** A second run that joined where the first had its point already: its own first point is due. */
  let rivalPointDue = init.race?.network === null && (init.examplesSeen ?? 0) > 0;
  /** In a race, the time each run's steps took this frame (ms): each optimizer's own speed. */
  const raceMs = { first: 0, second: 0 };
  /** One step of the first run, then the second's on the same mini-batch. */
  const step = (): Overflow | null => {
    if (!rival) return trainer.step();
    const start = now();
    const problem = trainer.step();
    const between = now();
    if (!problem) rival.step();
    raceMs.first += between - start;
    raceMs.second += now() - between;
    return problem;
  };
  const pictures = createPictures(trainer.kernel, plot, now);
  const { hidden, points } = pictures;
  let startRecorded = trainer.examplesSeen > 0;
  let recordedAt = -Infinity;

  // Classes: each test example's true class, and the network's, written by each evaluation.
  const rule = init.accuracy === 'none' ? null : init.accuracy;
  const classes = rule === 'threshold' ? 2 : nOut;
  const truth = rule ? targetClasses(testSet, rule) : null;
  const predicted = new Int32Array(testSet.count);
  let resultsAt = -Infinity;

  function results(): ClassResults | null {
    if (!truth) return null;
    const wrong = misclassified(truth, predicted, MAX_MISCLASSIFIED);
    return {
      counts: confusionMatrix(truth, predicted, classes),
      wrong: wrong.indices.map((index) => ({
        index,
        truth: truth[index] as number,
        predicted: predicted[index] as number,
      })),
      wrongCount: wrong.count,
      testCount: testSet.count,
    };
  }

  function record(): EpochRecord {
    const sets = { train: trainSet, test: testSet, accuracy: init.accuracy };
    return epochRecord(trainer, trainer.examplesSeen / trainSet.count, sets, predicted);
  }

  return {
    frame(request) {
      const start = now();
      const before = trainer.examplesSeen;
      const { stop } = request;
      const atLimit = () => stop.kind === 'epochs' && trainer.epoch >= stop.epochs;
      let overflow: Overflow | null = null;
      let stopped: FrameReply['stopped'] = null;
      if (request.work !== 'none') {
        if (atLimit()) stopped = 'epochs';
        else if (request.work === 'batch') overflow = step();
        else if (request.work === 'epoch') {
          const end = trainer.epoch + 1;
          do overflow = step();
          while (!overflow && trainer.epoch < end);
        } else {
          do overflow = step();
          while (!overflow && !atLimit() && now() - start < request.budgetMs);
        }
        if (!stopped && !overflow && atLimit()) stopped = 'epochs';
      }
      const trainMs = now() - start;
      const trained = trainer.examplesSeen - before;
      // The curves start at epoch 0, from the untrained network, as Playground's do.
      const due =
        request.work !== 'budget' ||
        atLimit() ||
        overflow !== null ||
        request.network ||
        now() - recordedAt >= RECORD_INTERVAL_MS;
      const rec =
        (trained > 0 && due) || (!startRecorded && trainer.examplesSeen === 0) ? record() : null;
      if (rec) recordedAt = now();
      startRecorded ||= rec !== null;
      if (rec && trained > 0 && !Number.isFinite(rec.trainLoss)) {
        overflow ??= {
          kind: 'loss',
          layer: null,
          value: rec.trainLoss,
          epoch: trainer.epoch,
          batch: trainer.batchInEpoch,
        };
      }
      if (rec && trained > 0 && !overflow && stop.kind === 'loss' && rec.trainLoss <= stop.loss) {
        stopped = 'loss';
      }
      const finished = overflow !== null || stopped !== null;
      const sendNetwork = request.network || finished;
      const raceRecord =
        rival && (rec || rivalPointDue)
          ? rival.record(rec?.epoch ?? trainer.examplesSeen / trainSet.count)
          : null;
      rivalPointDue = false;
      const race = rival ? { ...rival.reply(raceRecord, sendNetwork), ms: { ...raceMs } } : null;
      raceMs.first = raceMs.second = 0;
      const images = request.images || finished ? pictures.paint(request.view) : null;
      // A frame without training (a pause, a redraw after an edit) may show another network.
      if (!rec && truth && request.work === 'none') {
        trainer.evaluate(testSet, init.accuracy, predicted);
      }
      // While playing, as often as the page shows them; when the network is committed or the
      // run stops (one epoch, a pause, a limit), always: they are what the learner reads then.
      // Timed from the evaluation they come from: each point on the curves can bring them.
      const evaluatedAt = rec ? recordedAt : now();
      const resultsDue =
        request.work === 'none' ||
        request.network ||
        finished ||
        evaluatedAt - resultsAt >= RESULTS_EVERY_MS;
      const classResults = (rec || request.work === 'none') && resultsDue ? results() : null;
      if (classResults) resultsAt = evaluatedAt;
      return {
        epoch: trainer.examplesSeen / trainSet.count,
        completedEpochs: trainer.epoch,
        examplesSeen: trainer.examplesSeen,
        trained,
        trainMs,
        record: rec,
        images,
        hidden,
        gridMs: images ? pictures.gridMs : null,
        paintMs: images ? pictures.paintMs : null,
        gridPoints: points,
        network: sendNetwork ? trainer.network() : null,
        optimizerState: sendNetwork ? trainer.optimizerState() : null,
        race,
        overflow,
        stopped,
        results: classResults,
      };
    },
    setOptions(options) {
      trainer.setOptions(options);
      // The second run shares everything but its optimizer.
      rival?.trainer.setOptions({ ...options, optimizer: rival.trainer.options.optimizer });
    },
    setNetwork(next) {
      trainer.setNetwork(next);
    },
    nextBatch: () => trainer.nextBatch(),
    setRace(race) {
      rival = race ? createRival(race, trainer, sets, init.seed) : null;
      rivalPointDue = rival !== null;
    },
    setRaceOptimizer(optimizer) {
      rival?.setOptimizer(optimizer);
    },
  };
}

/** The buffers of a reply that can move to the page without a copy. */
export function transferablesOf(reply: FrameReply): ArrayBuffer[] {
  const images = reply.images;
  if (!images) return [];
  const buffers =
    images.kind === 'none'
      ? [images.weights.buffer, images.biases.buffer]
      : [
          images.output.buffer,
          images.hidden.buffer,
          images.inputs.buffer,
          images.outputs.buffer,
          images.weights.buffer,
          images.biases.buffer,
          ...(images.kind === '1d' ? [images.xs.buffer] : []),
        ];
  return buffers as ArrayBuffer[];
}
