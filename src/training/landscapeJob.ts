import {
  landscapeGradient,
  landscapeWorkPerPoint,
  lossLandscape,
  parameterValue,
  type LandscapeAxis,
  type LandscapeParameter,
  type Network,
  type PackedSet,
  type Penalty,
} from '../engine';
import { LANDSCAPE_SIDES } from '../store/types';

/**
 * One loss landscape to compute (issue 16): the grid over two parameters and the 1-D slice along
 * the first, on a batch or a training set. Plain, structured-cloneable data: the landscape worker
 * gets it as is.
 */
export interface LandscapeJob {
  network: Network;
  /** The data, or null: the data of the job before (a training set is sent once, not per job). */
  data: PackedSet | null;
  x: LandscapeAxis;
  y: LandscapeAxis;
  /** The slice along one parameter (its values), or null. */
  slice: LandscapeAxis | null;
  penalty: Penalty;
  /** Math.tanh as the pass computes it, or the table (live pictures while training). */
  exact: boolean;
}

export interface LandscapeResult {
  /** losses[yk · nx + xk]. */
  losses: Float64Array;
  slice: Float64Array | null;
  /** L at the current values of the two parameters, and (∂L/∂θ₁, ∂L/∂θ₂) there, penalty included. */
  centre: number;
  gradient: [number, number];
  /** How long the grid and the slice took, in ms. */
  ms: number;
}

export type LandscapeReply =
  { id: number; ok: true; result: LandscapeResult } | { id: number; ok: false; error: string };

/**
 * The most multiply-adds (landscapeWorkPerPoint × points × samples) a landscape drawn while
 * training may take: on this project's 2-core machine about 1.4 ns each in the worker, so about
 * 0.4 s, two refreshes a second (README, Benchmarks).
 */
export const LIVE_WORK = 3e8;

/**
 * The grid's side while training runs: the learner's, halved (not below 16) until the grid fits
 * LIVE_WORK. Two of 2-16⁴-1's first layer on 500 points: 32 (64 × 64 would take about 1.6 s).
 */
export function liveSide(
  side: number,
  sizes: readonly number[],
  x: LandscapeParameter,
  y: LandscapeParameter,
  samples: number,
): number {
  const work = landscapeWorkPerPoint(sizes, x, y) * samples;
  let live = side;
  while (live > LANDSCAPE_SIDES[0] && live * live * work > LIVE_WORK) live /= 2;
  return live;
}

/** Runs a job on the data it names (or the last data, when it names none). */
export function createLandscapeWorkshop(now: () => number = () => performance.now()) {
  let lastData: PackedSet | null = null;
  return (job: LandscapeJob): LandscapeResult => {
    const data = job.data ?? lastData;
    if (!data) throw new Error('The landscape has no data to compute the loss on.');
    lastData = data;
    const start = now();
    const options = { penalty: job.penalty, exact: job.exact };
    const losses = lossLandscape(job.network, data, job.x, job.y, options);
    const slice = job.slice ? lossLandscape(job.network, data, job.slice, null, options) : null;
    const at = (axis: LandscapeAxis) => ({
      parameter: axis.parameter,
      values: [parameterValue(job.network, axis.parameter)],
    });
    const [centre] = lossLandscape(job.network, data, at(job.x), at(job.y), {
      penalty: job.penalty,
    });
    const [gx, gy] = landscapeGradient(
      job.network,
      data,
      [job.x.parameter, job.y.parameter],
      job.penalty,
    );
    return {
      losses,
      slice,
      centre: centre as number,
      gradient: [gx as number, gy as number],
      ms: now() - start,
    };
  };
}
