import { targetExtent, type PreparedData } from '../data';
import { SGD, type Network, type Optimizer } from '../engine';
import { layerSizes } from '../store/shape';
import { accuracyRule, penaltyOfChoices, preparedOf } from './selectors';
import type { TrainingChoices, TrainingSpeed } from './choices';
import type { FrameRequest, PlotSpec, SessionInit } from './protocol';

/** Pure decisions of the live view: what to plot, how to start a session, what a frame does. */

export const PLANE_RESOLUTION = 100;
export const LINE_RESOLUTION = 200;

export function plotOf(data: PreparedData, network: Network): PlotSpec {
  const hiddenUnits = layerSizes(network)
    .slice(1, -1)
    .reduce((a, b) => a + b, 0);
  let [lo, hi] = targetExtent(data.train);
  if (!(hi > lo)) [lo, hi] = [lo - 1, hi + 1];
  return {
    kind: data.rawInputs === 2 ? '2d' : data.rawInputs === 1 ? '1d' : 'none',
    resolution: data.rawInputs === 1 ? LINE_RESOLUTION : PLANE_RESOLUTION,
    thumbnail: hiddenUnits > 48 ? 25 : 50,
    domain: data.domain,
    scale: data.scale,
    features: data.features ? data.features.map((f) => f.id) : null,
    task: data.task,
    targetRange: [lo, hi],
  };
}

export function sessionInitOf(
  network: Network,
  choices: TrainingChoices,
  learningRate: number,
  trainBiases = true,
  optimizer: Optimizer = SGD,
): SessionInit {
  const data = preparedOf(choices);
  return {
    network,
    train: data.train,
    test: data.test,
    accuracy: accuracyRule(data.task),
    options: {
      learningRate,
      trainBiases,
      optimizer,
      batchSize: choices.batchSize,
      penalty: penaltyOfChoices(choices),
    },
    seed: choices.dataSeed,
    plot: plotOf(data, network),
  };
}

/** The network's shape: when it (or the data) changes, a new session; otherwise new weights do. */
export function shapeKeyOf(network: Network): string {
  return [
    layerSizes(network).join('-'),
    network.layers.map((l) => l.activation).join(),
    network.loss,
  ].join('|');
}

/** Training time per animation frame when playing as fast as possible, in a worker. */
export const MAX_BUDGET_MS = 12;
/** On the page itself: leave room in each 16.7 ms frame to draw. */
export const PAGE_BUDGET_MS = 6;
/** Half a frame: under a machine's other load, less starved training without sparing the page. */
export const MIN_BUDGET_MS = 6;

/**
 * The worker never blocks the page, but on a machine with few cores it competes with it for
 * time: after a dropped frame (an interval well over 16.7 ms) train less per frame, and creep back
 * up while frames come on time — as fast as the page's 60 fps allows.
 */
export function nextBudget(budgetMs: number, frameIntervalMs: number, maxMs = MAX_BUDGET_MS) {
  if (frameIntervalMs > 25) return Math.max(MIN_BUDGET_MS, budgetMs * 0.75);
  return Math.min(maxMs, budgetMs + 0.25);
}

/** Frames later than this: the page is hidden or stalled, and training waits for its next one. */
export const BUSY_UNTIL_MS = 100;

/**
 * Whether a reply while playing as fast as possible asks for the next at once, not at the page's
 * next frame: in a worker only (on the page, the page's frames come first), and while the page's
 * frames come (a hidden tab stops training, as it did).
 */
export function keepsWorkerBusy(inWorker: boolean, speed: TrainingSpeed, sinceFrameMs: number) {
  return inWorker && speed === 'max' && sinceFrameMs < BUSY_UNTIL_MS;
}

/** What one animation frame asks of the session while playing. */
export function playRequest(
  choices: TrainingChoices,
  inWorker: boolean,
  images: boolean,
  budgetMs = inWorker ? MAX_BUDGET_MS : PAGE_BUDGET_MS,
): FrameRequest {
  const work = choices.speed === 'max' ? 'budget' : choices.speed;
  return {
    work,
    budgetMs: Math.min(budgetMs, inWorker ? MAX_BUDGET_MS : PAGE_BUDGET_MS),
    stop: choices.stop,
    images,
    network: false,
  };
}

/**
 * Heatmaps as often as the grid's cost allows: every frame when cheap; when not, so that the grid
 * takes at most half of the worker's time and training the other half.
 */
export function imagesDue(sinceLastMs: number, gridMs: number | null, reducedMotion: boolean) {
  const interval = reducedMotion ? 500 : gridMs !== null && gridMs > 4 ? 2 * gridMs : 0;
  return sinceLastMs >= interval;
}
