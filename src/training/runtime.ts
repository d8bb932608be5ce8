import { createStore, type StoreApi } from 'zustand/vanilla';
import type { Network, OptimizerState, Overflow } from '../engine';
import type { StopReason } from './choices';

/**
 * What a training run produced — not the learner's choices, never saved: the curves, the epoch
 * count, why it stopped. Images (heatmaps) never enter a store; they go straight to the canvases.
 */

export interface EpochRecord {
  /** Epochs of training so far (fractional: examples seen ÷ training-set size). */
  epoch: number;
  trainLoss: number;
  testLoss: number;
  trainAccuracy: number | null;
  testAccuracy: number | null;
  /** Mean ‖∂L/∂W^(l)‖ per layer since the previous record. */
  gradientNorms: number[];
  /** λ·ΣR(w) at this point. */
  penalty: number;
}

/** How many misclassified test examples a reply names (the rest are only counted). */
export const MAX_MISCLASSIFIED = 24;

/** The test set's results for classes, from the network as it is after the frame. */
export interface ClassResults {
  /** counts[t][p]: test examples of true class t that the network puts in class p. */
  counts: number[][];
  /** The first misclassified test examples (at most MAX_MISCLASSIFIED), in test-set order. */
  wrong: { index: number; truth: number; predicted: number }[];
  /** All misclassified test examples. */
  wrongCount: number;
  /** Size of the test set they come from. */
  testCount: number;
}

export interface OverflowReport extends Overflow {
  /** η when it happened, to suggest a smaller one. */
  learningRate: number;
}

/**
 * The race's second run as far as it got, beside the first (its optimizer is a choice,
 * TrainingChoices.raceOptimizer): its curves, and its network and optimizer state as of the
 * checkpoint (null: not sent yet, a copy of the first's network with the state at zero).
 */
export interface RaceRun {
  history: EpochRecord[];
  network: Network | null;
  optimizerState: OptimizerState | null;
  /** Why it left the race (it overflowed; its curve ends there), or null. */
  out: Overflow | null;
}

export const NEW_RACE: RaceRun = { history: [], network: null, optimizerState: null, out: null };

/** Where a run's committed network is: its epoch and examples seen. */
export interface Checkpoint {
  epoch: number;
  examplesSeen: number;
}

export interface TrainingRun {
  status: 'idle' | 'running';
  epoch: number;
  examplesSeen: number;
  history: EpochRecord[];
  /** The race's second run, or null when there is no race. */
  race: RaceRun | null;
  /**
   * Where the training network (the bench's) and the optimizer's state were last committed, while
   * the curves run ahead of it in play; null: where the run is. A save is taken there, so a
   * network, its state and its place in the batch order always go together.
   */
  checkpoint: Checkpoint | null;
  overflow: OverflowReport | null;
  stopReason: StopReason | null;
  examplesPerSecond: number;
  /**
   * In a race, each run's examples per second of its own steps' time (both see the same examples;
   * this is what each optimizer costs), or null.
   */
  raceExamplesPerSecond: { first: number; second: number } | null;
  /** Mean time of one forward pass over the heatmap grid, in ms. */
  gridMs: number | null;
  /** Mean time to paint the heatmaps from the grid's numbers, in ms. */
  paintMs: number | null;
  gridPoints: number;
  /** Something training must tell the learner (e.g. the network was fitted to the data). */
  notice: string | null;
  error: string | null;
  /** The latest confusion matrix and misclassified examples (classes), or null. */
  results: ClassResults | null;
}

export type RunStore = StoreApi<TrainingRun>;

export const EMPTY_RUN: TrainingRun = {
  status: 'idle',
  epoch: 0,
  examplesSeen: 0,
  history: [],
  race: null,
  checkpoint: null,
  overflow: null,
  stopReason: null,
  examplesPerSecond: 0,
  raceExamplesPerSecond: null,
  gridMs: null,
  paintMs: null,
  gridPoints: 0,
  notice: null,
  error: null,
  results: null,
};

export function createRunStore(): RunStore {
  return createStore<TrainingRun>()(() => ({ ...EMPTY_RUN }));
}

/** The chart keeps at most this many points; older ones are thinned to every other. */
export const MAX_RECORDS = 2000;

/** Append, thinning the older half when the history grows past max: recent epochs stay dense. */
export function appendRecords(
  history: EpochRecord[],
  records: EpochRecord[],
  max = MAX_RECORDS,
): EpochRecord[] {
  let next = history.concat(records);
  while (next.length > max) {
    const half = next.length >> 1;
    next = next
      .slice(0, half)
      .filter((_, i) => i % 2 === 0)
      .concat(next.slice(half));
  }
  return next;
}
