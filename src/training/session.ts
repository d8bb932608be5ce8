import { FEATURES } from '../data';
import {
  confusionMatrix,
  createGridForward,
  createTrainer,
  misclassified,
  targetClasses,
  type GridForward,
  type Network,
  type Optimizer,
  type Overflow,
  type TrainerOptions,
} from '../engine';
import { MAX_MISCLASSIFIED, type ClassResults, type EpochRecord } from './runtime';
import { paintClassThumbnails, paintColumn, paintOutput, paintThumbnails } from './paint';
import type {
  FrameReply,
  FrameRequest,
  HiddenLayout,
  Images,
  PlotSpec,
  PlotView,
  RaceSpec,
  SessionInit,
} from './protocol';
import { createRival, type Rival } from './rival';

/**
 * One training run as the live view needs it: a trainer, the test set, and the batched grid pass
 * that paints the heatmaps. Pure TypeScript (no DOM), so it runs in a worker or, failing that, on
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

/** Fill the grid's input columns once: features of each grid point's (scaled) raw coordinates. */
function fillGridInputs(grid: GridForward, plot: PlotSpec): void {
  const features = plot.features
    ? plot.features.map((id) => FEATURES.find((f) => f.id === id)?.f ?? (() => 0))
    : null;
  const R = plot.resolution;
  const [x0, x1] = plot.domain[0] ?? [0, 1];
  const [y0, y1] = plot.domain[1] ?? [0, 1];
  for (let p = 0; p < grid.points; p++) {
    const i = p % R;
    const j = Math.floor(p / R);
    const rawU =
      plot.kind === '1d' ? x0 + (i / (R - 1)) * (x1 - x0) : x0 + ((i + 0.5) / R) * (x1 - x0);
    const raw = plot.kind === '1d' ? 0 : y1 - ((j + 0.5) / R) * (y1 - y0);
    const scale = plot.scale;
    const u = scale ? (rawU - (scale.offset[0] as number)) / (scale.factor[0] as number) : rawU;
    const v =
      scale && plot.kind !== '1d'
        ? (raw - (scale.offset[1] as number)) / (scale.factor[1] as number)
        : raw;
    grid.inputs.forEach((column, k) => {
      column[p] = features
        ? (features[k] as (a: number, b: number) => number)(u, v)
        : k === 0
          ? u
          : v;
    });
  }
}

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
  const sizes = trainer.kernel.sizes;
  const L = sizes.length - 1;
  const hidden: HiddenLayout = {
    units: sizes.slice(1, -1),
    activations: trainer.kernel.activations.slice(0, -1),
  };
  const points =
    plot.kind === '2d'
      ? plot.resolution * plot.resolution
      : plot.kind === '1d'
        ? plot.resolution
        : 0;
  // Pictures need no more than a color can show: tanh and σ from a table (see GridOptions).
  const grid = points > 0 ? createGridForward(sizes, points, { exact: false }) : null;
  if (grid) fillGridInputs(grid, plot);
  /** Each input column's largest |value| on the grid: features are drawn on their own scale. */
  const inputScale = grid
    ? grid.inputs.map((column) => column.reduce((m, v) => Math.max(m, Math.abs(v)), 1e-9))
    : [];
  let gridMs: number | null = null;
  let paintMs: number | null = null;
  let startRecorded = trainer.examplesSeen > 0;
  let recordedAt = -Infinity;

  const [lo, hi] = plot.targetRange;
  const mid = (lo + hi) / 2;
  const half = Math.max((hi - lo) / 2, 1e-9);

  // How each unit's values become colors: (a − shift)·scale on the diverging scale. Sigmoid
  // units (0…1) as 2a − 1, others (tanh, ReLU, …) as they are; inputs on their own range.
  const hiddenShift = hidden.units.flatMap((n, l) =>
    Array<number>(n).fill(hidden.activations[l] === 'sigmoid' ? 0.5 : 0),
  );
  const hiddenScale = hiddenShift.map((shift) => (shift ? 2 : 1));

  function paintPlane(g: GridForward, view: PlotView | undefined): Images {
    const R = plot.resolution;
    const T = plot.thumbnail;
    const out = g.activations[L - 1] as Float64Array[];
    const hiddenColumns = g.activations.slice(0, L - 1).flat();
    const regression = plot.task === 'regression';
    const discretize = view?.discretize ?? false;
    const wanted = view?.hover ?? view?.focus ?? null;
    const units = wanted?.layer === 0 ? g.inputs.length : hidden.units[(wanted?.layer ?? 0) - 1];
    const focus = wanted && wanted.unit < (units ?? 0) ? wanted : null;
    /** Index of unit (layer, unit) among the hidden units, or −1. */
    const hiddenIndex = focus
      ? hidden.units.slice(0, focus.layer - 1).reduce((a, b) => a + b, focus.unit)
      : -1;
    let output: Uint8ClampedArray;
    if (focus && focus.layer === 0 && g.inputs[focus.unit]) {
      const column = g.inputs[focus.unit] as Float64Array;
      const scale = 1 / (inputScale[focus.unit] as number);
      output = paintColumn(
        new Uint8ClampedArray(g.points * 4),
        column,
        g.points,
        0,
        scale,
        discretize,
      );
    } else if (focus && focus.layer >= 1 && hiddenColumns[hiddenIndex]) {
      output = paintColumn(
        new Uint8ClampedArray(g.points * 4),
        hiddenColumns[hiddenIndex] as Float64Array,
        g.points,
        hiddenShift[hiddenIndex] as number,
        hiddenScale[hiddenIndex] as number,
        discretize,
      );
    } else {
      output = paintOutput(out, g.points, plot.task, mid, half, discretize);
    }
    return {
      kind: '2d',
      side: R,
      output,
      thumbnail: T,
      hidden: paintThumbnails(hiddenColumns, R, T, hiddenShift, hiddenScale),
      inputs: paintThumbnails(
        g.inputs,
        R,
        T,
        inputScale.map(() => 0),
        inputScale.map((m) => 1 / m),
      ),
      // A class's probability in that class's color, as the big heatmap paints it.
      outputs:
        plot.task === 'multiclass'
          ? paintClassThumbnails(out, R, T)
          : paintThumbnails(
              out,
              R,
              T,
              out.map(() => (regression ? mid : 0.5)),
              out.map(() => (regression ? 1 / half : 2)),
            ),
      weights: flatWeights(),
      biases: flatBiases(),
    };
  }

  function flatWeights(): Float64Array {
    const all = new Float64Array(trainer.kernel.W.reduce((n, w) => n + w.length, 0));
    let at = 0;
    for (const w of trainer.kernel.W) {
      all.set(w, at);
      at += w.length;
    }
    return all;
  }

  function flatBiases(): Float64Array {
    const all = new Float64Array(trainer.kernel.b.reduce((n, b) => n + b.length, 0));
    let at = 0;
    for (const b of trainer.kernel.b) {
      all.set(b, at);
      at += b.length;
    }
    return all;
  }

  function paintLine(g: GridForward): Images {
    const xs = Float64Array.from(g.inputs[0] as Float64Array);
    if (plot.features || plot.scale) {
      const [x0, x1] = plot.domain[0] ?? [0, 1];
      for (let p = 0; p < g.points; p++) xs[p] = x0 + (p / (g.points - 1)) * (x1 - x0);
    }
    const output = Float64Array.from(g.activations[L - 1]?.[0] as Float64Array);
    const stacked = (columns: readonly Float64Array[]) => {
      const values = new Float64Array(columns.length * g.points);
      columns.forEach((column, k) => values.set(column, k * g.points));
      return values;
    };
    return {
      kind: '1d',
      xs,
      output,
      hidden: stacked(g.activations.slice(0, L - 1).flat()),
      inputs: stacked(g.inputs),
      outputs: stacked(g.activations[L - 1] as Float64Array[]),
      weights: flatWeights(),
      biases: flatBiases(),
    };
  }

  function paint(view: PlotView | undefined): Images | null {
    if (!grid) return { kind: 'none', weights: flatWeights(), biases: flatBiases() };
    const start = now();
    grid.run(trainer.kernel);
    const ran = now();
    const images = plot.kind === '2d' ? paintPlane(grid, view) : paintLine(grid);
    gridMs = ran - start;
    paintMs = now() - ran;
    return images;
  }

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
    const train = trainer.evaluate(trainSet, init.accuracy);
    const test = trainer.evaluate(testSet, init.accuracy, predicted);
    return {
      epoch: trainer.examplesSeen / trainSet.count,
      trainLoss: train.loss,
      testLoss: test.loss,
      trainAccuracy: train.accuracy,
      testAccuracy: test.accuracy,
      gradientNorms: trainer.takeGradientNorms() ?? [],
      penalty: trainer.penalty(),
    };
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
      const images = request.images || finished ? paint(request.view) : null;
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
        gridMs: images ? gridMs : null,
        paintMs: images ? paintMs : null,
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
