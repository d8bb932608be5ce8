import type { FeatureId, InputScale, Range, Task } from '../data';
import type {
  AccuracyRule,
  Activation,
  Network,
  Optimizer,
  OptimizerState,
  Overflow,
  PackedSet,
  TrainerOptions,
} from '../engine';
import type { ClassResults, EpochRecord } from './runtime';
import type { StopCondition, StopReason } from './choices';

/** What the page and the training worker say to each other (plain, structured-cloneable data). */

/** How to draw the network's output over its input: a plane (2 raw inputs), a line (1), or not. */
export interface PlotSpec {
  kind: '2d' | '1d' | 'none';
  /** Points per side (2-D) or along x (1-D). */
  resolution: number;
  /** Side of each hidden unit's small heatmap (2-D); divides resolution. */
  thumbnail: number;
  domain: Range[];
  /** How the raw coordinates are scaled before the features (as the data was), or null. */
  scale: InputScale | null;
  /** Feature ids to compute from the raw coordinates, or null: the raw inputs are the inputs. */
  features: FeatureId[] | null;
  task: Task;
  /** Target range for regression colors. */
  targetRange: Range;
}

export interface SessionInit {
  network: Network;
  train: PackedSet;
  test: PackedSet;
  accuracy: AccuracyRule;
  options: TrainerOptions;
  /** Seed of the mini-batch order. */
  seed: number;
  plot: PlotSpec;
  /** Examples already trained on (a run brought back): the mini-batch order moves on past them. */
  examplesSeen?: number;
  /** The optimizer's state to go on from (a run brought back); fresh when absent. */
  optimizerState?: OptimizerState | null;
  /** The race's second run, or none. */
  race?: RaceSpec | null;
}

/**
 * The race's second run: the same data, batches and seed as the first, with its own optimizer,
 * stepped in lock with it. Its network and state are given when a run is brought back; without
 * them it starts as a copy of the first's network as it is now, with the optimizer's state at zero.
 */
export interface RaceSpec {
  optimizer: Optimizer;
  network: Network | null;
  optimizerState: OptimizerState | null;
  /** It had already left the race (overflowed): it stays where it was. */
  out: Overflow | null;
}

/** What a frame did to the race's second run. */
export interface RaceReply {
  /** Its point for the curves, taken with the first run's (null: none this frame, or it is out). */
  record: EpochRecord | null;
  /** Its network and state, when the first's are sent. */
  network: Network | null;
  optimizerState: OptimizerState | null;
  /** Why it left the race (it overflowed), from the frame it did on. */
  out: Overflow | null;
  /** The time each run's steps took this frame, in ms: each optimizer's own speed. */
  ms: { first: number; second: number };
}

export interface FrameRequest {
  /** Nothing (just draw), one mini-batch, up to the end of the epoch, or as much as fits budgetMs. */
  work: 'none' | 'batch' | 'epoch' | 'budget';
  budgetMs: number;
  stop: StopCondition;
  /** Recompute the heatmaps. */
  images: boolean;
  /** Send the network back (to commit it to the main store). */
  network: boolean;
  /** How to draw the big picture (optional: the plain output when absent). */
  view?: PlotView;
}

/** What the big picture shows: the output, or one unit the learner points at; shaded or not. */
export interface PlotView {
  /** Two colors only (the class picked, or above/below the middle), as Playground's option. */
  discretize: boolean;
  /** Show this unit instead of the output: layer 0 = an input, 1…L−1 hidden. */
  focus: UnitRef | null;
  /** The unit under the pointer in the diagram, shown while it is there (over focus). */
  hover: UnitRef | null;
}

export interface UnitRef {
  layer: number;
  unit: number;
}

export interface PlaneImages {
  kind: '2d';
  side: number;
  /** RGBA, side × side. */
  output: Uint8ClampedArray;
  thumbnail: number;
  /** RGBA, one thumbnail × thumbnail image per hidden unit, layer by layer. */
  hidden: Uint8ClampedArray;
  /** RGBA thumbnails of each network input (feature) over the plane. */
  inputs: Uint8ClampedArray;
  /** RGBA thumbnails of each output unit. */
  outputs: Uint8ClampedArray;
  /** W^(l) of every layer, row-major n_{l−1} × n_l, one after another (for the diagram's edges). */
  weights: Float64Array;
  /** b^(l) of every layer, one after another (with the weights, the network as it trains). */
  biases: Float64Array;
}

export interface LineImages {
  kind: '1d';
  /** The x of each point. */
  xs: Float64Array;
  /** Output unit 1 at each x. */
  output: Float64Array;
  /** Each hidden unit's activation at each x, unit by unit. */
  hidden: Float64Array;
  /** Each network input (feature) at each x, input by input. */
  inputs: Float64Array;
  /** Every output unit at each x, unit by unit. */
  outputs: Float64Array;
  /** As PlaneImages.weights. */
  weights: Float64Array;
  /** As PlaneImages.biases. */
  biases: Float64Array;
}

/** Data with more than two inputs has no plane to draw on: only the weights, for the diagram. */
export interface WeightsOnly {
  kind: 'none';
  /** As PlaneImages.weights. */
  weights: Float64Array;
  /** As PlaneImages.biases. */
  biases: Float64Array;
}

export type Images = PlaneImages | LineImages | WeightsOnly;

export interface HiddenLayout {
  /** Units of each hidden layer. */
  units: number[];
  activations: Activation[];
}

export interface FrameReply {
  epoch: number;
  completedEpochs: number;
  examplesSeen: number;
  /** Examples trained in this frame. */
  trained: number;
  trainMs: number;
  record: EpochRecord | null;
  images: Images | null;
  hidden: HiddenLayout;
  /** The batched forward pass over the grid, in ms (null: no images this frame). */
  gridMs: number | null;
  /** Turning its numbers into pixels, in ms. */
  paintMs: number | null;
  gridPoints: number;
  network: Network | null;
  /** The optimizer's state, sent with the network. */
  optimizerState: OptimizerState | null;
  /** The race's second run (null: no race). */
  race: RaceReply | null;
  overflow: Overflow | null;
  stopped: StopReason | null;
  /** The confusion matrix and the misclassified examples (classes only; null: unchanged). */
  results: ClassResults | null;
}

export type ToWorker =
  | { id: number; kind: 'init'; init: SessionInit }
  | { id: number; kind: 'frame'; request: FrameRequest }
  | { id: number; kind: 'options'; options: Partial<TrainerOptions> }
  | { id: number; kind: 'network'; network: Network }
  | { id: number; kind: 'race'; race: RaceSpec | null }
  | { id: number; kind: 'raceOptimizer'; optimizer: Optimizer }
  | { id: number; kind: 'nextBatch' };

export type FromWorker =
  { id: number; ok: true; result: unknown } | { id: number; ok: false; error: string };
