import type { PreparedData } from '../data';
import type { Network } from '../engine';
import { layerSizes } from '../store/shape';
import { accuracyRule, penaltyOfChoices, preparedOf } from '../store/trainingSelectors';
import type { TrainingChoices } from '../store/trainingTypes';
import type { FrameRequest, PlotSpec, SessionInit } from './protocol';

/** Pure decisions of the live view: what to plot, how to start a session, what a frame does. */

export const PLANE_RESOLUTION = 100;
export const LINE_RESOLUTION = 200;

export function plotOf(data: PreparedData, network: Network): PlotSpec {
  const hiddenUnits = layerSizes(network)
    .slice(1, -1)
    .reduce((a, b) => a + b, 0);
  const targets = data.train.map((s) => s.y[0] as number);
  let lo = Math.min(...targets);
  let hi = Math.max(...targets);
  if (!(hi > lo)) [lo, hi] = [lo - 1, hi + 1];
  return {
    kind: data.rawInputs === 2 ? '2d' : data.rawInputs === 1 ? '1d' : 'none',
    resolution: data.rawInputs === 1 ? LINE_RESOLUTION : PLANE_RESOLUTION,
    thumbnail: hiddenUnits > 48 ? 25 : 50,
    domain: data.domain,
    features: data.features ? data.features.map((f) => f.id) : null,
    task: data.task,
    targetRange: [lo, hi],
  };
}

export function sessionInitOf(
  network: Network,
  choices: TrainingChoices,
  learningRate: number,
): SessionInit {
  const data = preparedOf(choices);
  return {
    network,
    train: data.train,
    test: data.test,
    accuracy: accuracyRule(data.task),
    options: {
      learningRate,
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

/** What one animation frame asks of the session while playing. */
export function playRequest(
  choices: TrainingChoices,
  inWorker: boolean,
  images: boolean,
): FrameRequest {
  const work = choices.speed === 'max' ? 'budget' : choices.speed;
  return {
    work,
    // In a worker the page's frame is never blocked; on the page leave room to draw.
    budgetMs: inWorker ? 12 : 6,
    stop: choices.stop,
    images,
    network: false,
  };
}

/** Heatmaps as often as the grid's cost allows: every frame when cheap, rarer when not. */
export function imagesDue(sinceLastMs: number, gridMs: number | null, reducedMotion: boolean) {
  const interval = reducedMotion ? 500 : gridMs !== null && gridMs > 4 ? 3 * gridMs : 0;
  return sinceLastMs >= interval;
}
