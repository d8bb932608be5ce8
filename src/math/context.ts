import type {
  Layer,
  Network,
  Optimizer,
  OptimizerState,
  PassSnapshot,
  PassStep,
  Sample,
} from '../engine';
import { notationFor, type Notation } from './notations';
import type { NotationId } from './vocabulary';
import { at } from './tex';

/** Everything the equations of one step are built from. */
export interface EquationContext {
  network: Network;
  snapshot: PassSnapshot;
  samples: Sample[];
  /** The sample whose numbers the per-unit equations show (0-based). */
  sampleIndex: number;
  step: PassStep;
  notation: NotationId;
  learningRate: number;
  /** False: the update leaves every bias as it is ("Train biases" off). Default true. */
  trainBiases?: boolean;
  /** How the update moves each parameter; plain SGD when absent. */
  optimizer?: Optimizer;
  /** The optimizer's state before this pass's update; fresh when absent. */
  optimizerState?: OptimizerState;
  /** For the 'update' step: the network after the optimizer's step and its mean loss. */
  updated?: { network: Network; loss: number };
  /** Significant digits of every number (the learner's "Digits"); without it 6, matrices 4. */
  digits?: number;
}

/** A context for what does not depend on the step (the chain rule of a selection). */
export type NetworkContext = Omit<EquationContext, 'step'>;

/** The context's notation, written for its network's shape. */
export function notationIn(ctx: Pick<NetworkContext, 'notation' | 'network'>): Notation {
  return notationFor(ctx.notation, ctx.network);
}

/** One equation: the general form, the same with this step's numbers, and the result. */
export interface EquationBlock {
  /** Plain text (Unicode symbols), never TeX. */
  title: string;
  /** TeX; may be empty. */
  general: string;
  /** TeX, usually starting with '='; may be empty. */
  substituted: string;
  /** TeX, usually '= value'; may be empty. */
  result: string;
}

/**
 * A block not built yet: a step can have thousands (the update of every weight), and the panel
 * shows the first few until the learner asks for all.
 */
export type LazyBlock = () => EquationBlock;

/** One sample's numbers by layer as in the notes (0 = input, 1…L) and 0-based unit. */
export interface SampleValues {
  /** a_j^{(l)}; for layer 0 the input x_j. */
  a(layer: number, unit: number): number;
  z(layer: number, unit: number): number;
  delta(layer: number, unit: number): number;
  y(unit: number): number;
  /** The whole layer: a^{(l)} (x for layer 0), z^{(l)}, δ^{(l)}. */
  aVector(layer: number): number[];
  zVector(layer: number): number[];
  deltaVector(layer: number): number[];
  y_: number[];
  loss: number;
}

export function unitCount(network: Network, layer: number): number {
  return layer === 0 ? network.inputSize : (network.layers[layer - 1]?.biases.length ?? 0);
}

export function layerAt(network: Network, layer: number): Layer | undefined {
  return network.layers[layer - 1];
}

export function weightAt(network: Network, layer: number, from: number, to: number): number {
  return network.layers[layer - 1]?.weights[from]?.[to] ?? NaN;
}

export function biasAt(network: Network, layer: number, unit: number): number {
  return network.layers[layer - 1]?.biases[unit] ?? NaN;
}

/** 0, 1, …, n − 1 */
export function range(n: number): number[] {
  return Array.from({ length: Math.max(0, n) }, (_, i) => i);
}

export function sampleValues(ctx: NetworkContext, s = ctx.sampleIndex): SampleValues {
  const sample = ctx.samples[s];
  const layers = ctx.snapshot.samples[s]?.layers ?? [];
  const n = (l: number) => unitCount(ctx.network, l);
  const a = (l: number, j: number) => (l === 0 ? at(sample?.x, j) : at(layers[l - 1]?.a, j));
  const z = (l: number, j: number) => at(layers[l - 1]?.z, j);
  const delta = (l: number, j: number) => at(layers[l - 1]?.delta, j);
  return {
    a,
    z,
    delta,
    y: (j) => at(sample?.y, j),
    aVector: (l) => range(n(l)).map((j) => a(l, j)),
    zVector: (l) => range(n(l)).map((j) => z(l, j)),
    deltaVector: (l) => range(n(l)).map((j) => delta(l, j)),
    y_: range(n(ctx.network.layers.length)).map((j) => at(sample?.y, j)),
    loss: ctx.snapshot.samples[s]?.loss ?? NaN,
  };
}

/** ' — sample 2' when the batch has several samples, so a title says whose numbers these are. */
export function sampleSuffix(ctx: NetworkContext): string {
  return ctx.samples.length > 1 ? ` — sample ${ctx.sampleIndex + 1}` : '';
}

/** The units a step covers: the one named, or every unit of the layer. */
export function stepUnits(network: Network, layer: number, unit: number | undefined): number[] {
  const n = unitCount(network, layer);
  if (unit === undefined) return range(n);
  return unit >= 0 && unit < n ? [unit] : [];
}
