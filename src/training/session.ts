import { FEATURES } from '../data';
import {
  createGridForward,
  createTrainer,
  packSamples,
  type GridForward,
  type Network,
  type Overflow,
  type TrainerOptions,
} from '../engine';
import type { EpochRecord } from '../store/trainingRuntime';
import { putClass, putDiverging } from './palette';
import type {
  FrameReply,
  FrameRequest,
  HiddenLayout,
  Images,
  PlotSpec,
  SessionInit,
} from './protocol';

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
  skipBatch(): void;
}

const now = () => performance.now();

/** Fill the grid's input columns once: features of each grid point's raw coordinates. */
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
    const u =
      plot.kind === '1d' ? x0 + (i / (R - 1)) * (x1 - x0) : x0 + ((i + 0.5) / R) * (x1 - x0);
    const v = plot.kind === '1d' ? 0 : y1 - ((j + 0.5) / R) * (y1 - y0);
    grid.inputs.forEach((column, k) => {
      column[p] = features
        ? (features[k] as (a: number, b: number) => number)(u, v)
        : k === 0
          ? u
          : v;
    });
  }
}

export function createSession(init: SessionInit): Session {
  const { network, plot } = init;
  const nIn = network.inputSize;
  const nOut = network.layers[network.layers.length - 1]?.biases.length ?? 1;
  const trainSet = packSamples(init.train, nIn, nOut);
  const testSet = packSamples(init.test, nIn, nOut);
  const trainer = createTrainer(network, trainSet, init.options, init.seed);
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
  const grid = points > 0 ? createGridForward(sizes, points) : null;
  if (grid) fillGridInputs(grid, plot);
  /** Each input column's largest |value| on the grid: features are drawn on their own scale. */
  const inputScale = grid
    ? grid.inputs.map((column) => column.reduce((m, v) => Math.max(m, Math.abs(v)), 1e-9))
    : [];
  let gridMs: number | null = null;
  let paintMs: number | null = null;
  let startRecorded = false;

  const [lo, hi] = plot.targetRange;
  const mid = (lo + hi) / 2;
  const half = Math.max((hi - lo) / 2, 1e-9);

  function paintPlane(g: GridForward): Images {
    const R = plot.resolution;
    const T = plot.thumbnail;
    const out = g.activations[L - 1] as Float64Array[];
    const output = new Uint8ClampedArray(g.points * 4);
    const K = out.length;
    for (let p = 0; p < g.points; p++) {
      if (plot.task === 'multiclass') {
        let best = 0;
        for (let k = 1; k < K; k++)
          if ((out[k]?.[p] as number) > (out[best]?.[p] as number)) best = k;
        const confidence = ((out[best]?.[p] as number) - 1 / K) / (1 - 1 / K);
        putClass(output, p, best, confidence, K);
      } else if (plot.task === 'binary') {
        putDiverging(output, p, 2 * (out[0]?.[p] as number) - 1);
      } else {
        putDiverging(output, p, ((out[0]?.[p] as number) - mid) / half);
      }
    }
    const stride = R / T;
    const offset = Math.floor(stride / 2);
    type Painter = (image: Uint8ClampedArray, pixel: number, a: number, k: number) => void;
    /** Thumbnails of these columns, each value mapped to [−1, 1] by `scale` (or painted). */
    const thumbnails = (columns: Float64Array[], scale: (a: number, k: number) => number) =>
      paintThumbnails(columns, (image, pixel, a, k) => putDiverging(image, pixel, scale(a, k)));
    const paintThumbnails = (columns: Float64Array[], paintPixel: Painter) => {
      const images = new Uint8ClampedArray(columns.length * T * T * 4);
      columns.forEach((column, k) => {
        const base = k * T * T;
        for (let tj = 0; tj < T; tj++) {
          const row = (tj * stride + offset) * R + offset;
          for (let ti = 0; ti < T; ti++) {
            paintPixel(images, base + tj * T + ti, column[row + ti * stride] as number, k);
          }
        }
      });
      return images;
    };
    const hiddenColumns: Float64Array[] = [];
    const probability: boolean[] = [];
    for (let l = 0; l < L - 1; l++) {
      for (const column of g.activations[l] as Float64Array[]) {
        hiddenColumns.push(column);
        probability.push(hidden.activations[l] === 'sigmoid');
      }
    }
    const outputScale =
      plot.task === 'regression' ? (a: number) => (a - mid) / half : (a: number) => 2 * a - 1;
    return {
      kind: '2d',
      side: R,
      output,
      thumbnail: T,
      hidden: thumbnails(hiddenColumns, (a, k) => (probability[k] ? 2 * a - 1 : a)),
      inputs: thumbnails(g.inputs, (a, k) => a / (inputScale[k] as number)),
      // A class's probability in that class's color, as the big heatmap paints it.
      outputs:
        plot.task === 'multiclass'
          ? paintThumbnails(out, (image, pixel, a, k) => putClass(image, pixel, k, a, K))
          : thumbnails(out, outputScale),
      weights: flatWeights(),
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

  function paintLine(g: GridForward): Images {
    const xs = Float64Array.from(g.inputs[0] as Float64Array);
    if (plot.features) {
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
    };
  }

  function paint(): Images | null {
    if (!grid) return null;
    const start = now();
    grid.run(trainer.kernel);
    const ran = now();
    const images = plot.kind === '2d' ? paintPlane(grid) : paintLine(grid);
    gridMs = ran - start;
    paintMs = now() - ran;
    return images;
  }

  function record(): EpochRecord {
    const train = trainer.evaluate(trainSet, init.accuracy);
    const test = trainer.evaluate(testSet, init.accuracy);
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
        else if (request.work === 'batch') overflow = trainer.step();
        else if (request.work === 'epoch') overflow = trainer.finishEpoch();
        else {
          do overflow = trainer.step();
          while (!overflow && !atLimit() && now() - start < request.budgetMs);
        }
        if (!stopped && !overflow && atLimit()) stopped = 'epochs';
      }
      const trainMs = now() - start;
      const trained = trainer.examplesSeen - before;
      // The curves start at epoch 0, from the untrained network, as Playground's do.
      const rec = trained > 0 || (!startRecorded && trainer.examplesSeen === 0) ? record() : null;
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
      const images = request.images || finished ? paint() : null;
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
        network: request.network || finished ? trainer.network() : null,
        overflow,
        stopped,
      };
    },
    setOptions(options) {
      trainer.setOptions(options);
    },
    setNetwork(next) {
      trainer.setNetwork(next);
    },
    nextBatch: () => trainer.nextBatch(),
    skipBatch: () => trainer.skipBatch(),
  };
}

/** The buffers of a reply that can move to the page without a copy. */
export function transferablesOf(reply: FrameReply): ArrayBuffer[] {
  const images = reply.images;
  if (!images) return [];
  const buffers = [
    images.output.buffer,
    images.hidden.buffer,
    images.inputs.buffer,
    images.outputs.buffer,
    images.weights.buffer,
    ...(images.kind === '1d' ? [images.xs.buffer] : []),
  ];
  return buffers as ArrayBuffer[];
}
