import type { AppStore } from '../store/appStore';
import type { SessionClient } from './client';
import type { TrainingHistory, TrainingProgress } from './history';
import type { HiddenLayout, Images, PlotView } from './protocol';

/**
 * Runs training for the live view: keeps a session (in a worker) in step with the training
 * network (the bench store, the Train tab's own: the stepper's is never touched) and the choices,
 * drives it one animation frame at a time, sends heatmaps straight to the canvases, curves to the
 * run store (a few times a second), and commits the network to the bench whenever training pauses
 * — so saving and "Step through this network" see it.
 */
export interface TrainingController {
  refresh(): void;
  play(): void;
  pause(): Promise<void>;
  oneEpoch(): Promise<void>;
  /**
   * "Step through this network": the stepper gets the training network and the mini-batch it would
   * train on next (one undo step there), and opens.
   */
  stepThrough(stepper: AppStore): Promise<void>;
  /**
   * A change of data that takes a while (a dataset in the box loaded and read, a CSV read, then
   * chosen), in turn with training's own work: training pauses first, and "One epoch" or "Train"
   * asked for meanwhile runs after it, on the new data.
   */
  changeData(task: () => Promise<void>): Promise<void>;
  /** Back to initial weights: of the same seed (false), the next (true), or one typed. */
  reset(seed: boolean | number): Promise<void>;
  /**
   * The race on or off. Turned on after training, both runs start again from the initial weights
   * (one undo step with the choice), so the two curves start from the very same network.
   */
  race(on: boolean): Promise<void>;
  /** Start the session again from this network and progress (a new run, or one brought back). */
  restart(progress: TrainingProgress): Promise<void>;
  /** Discretize the big picture, or show one unit in it instead of the output; redraws. */
  setView(view: Partial<PlotView>): void;
  view(): PlotView;
  onView(listener: () => void): () => void;
  onImages(listener: ImageListener): () => void;
  latestImages(): { images: Images; hidden: HiddenLayout } | null;
  dispose(): void;
}

export type ImageListener = (images: Images, hidden: HiddenLayout) => void;

export interface ControllerOptions {
  makeClient?: () => SessionClient;
  reducedMotion?: () => boolean;
  requestFrame?: (callback: () => void) => number;
  cancelFrame?: (handle: number) => void;
  /** The page's clock in ms (a test passes its own). */
  now?: () => number;
  /** The Train tab's undo: a new seed and its weights are one step; an undo resumes its run. */
  history?: TrainingHistory;
  /** A run brought back (a reload, a link) with the bench's network: it goes on from there. */
  resume?: TrainingProgress;
}
