import { createGridForward } from './grid';
import {
  allocateBuffers,
  allocateGradients,
  backward,
  compile,
  forward,
  type Kernel,
} from './kernel';
import { rankOneStep } from './landscapeStep';
import { outputLossAndDelta } from './losses';
import type { PackedSet } from './packed';
import {
  flatPenalty,
  NO_PENALTY,
  penaltyDerivative,
  validatePenalty,
  type Penalty,
} from './regularization';
import type { Network } from './types';
import { validateNetwork } from './validate';

/**
 * The loss landscape: the batch-mean loss L(θ₁, θ₂) over a grid of values of two parameters, every
 * other parameter held where it is (issue 16). Each point is the engine's own forward pass and loss
 * (grid.ts's batched forward, the kernel's sums in the kernel's order, losses.ts's loss), so the
 * point at the current values is the pass's loss to the last bit when `exact` is on. Only the
 * layers from a parameter's own layer on are recomputed when it moves.
 */

/** A weight or a bias, numbered as the notes do: layer 1…L, units from 0. */
export type LandscapeParameter =
  | { kind: 'weight'; layer: number; from: number; to: number }
  | { kind: 'bias'; layer: number; unit: number };

/** One axis of the landscape: a parameter and the values it takes, in order. */
export interface LandscapeAxis {
  parameter: LandscapeParameter;
  values: ArrayLike<number>;
}

export interface LandscapeOptions {
  /** Added to every point's loss, λ·ΣR(w) at that point's weights (the Train tab's L1/L2). */
  penalty?: Penalty;
  /**
   * Math.tanh and σ as the kernel computes them (the default: every point equals runPass's loss);
   * off, tanh and σ from grid.ts's table (within 4·10⁻⁷ per unit), for pictures drawn live, and
   * the inner parameter's moves by rank-1 updates (landscapeStep.ts: within 1e-12 of recomputing).
   */
  exact?: boolean;
  /** Off: every point recomputed from the parameter's layer on even when not exact (for tests). */
  rankOne?: boolean;
}

/** The most values along one axis (a 256 × 256 grid is 65,536 passes over the data). */
export const MAX_LANDSCAPE_SIDE = 256;

/** The span either side of a parameter's value a landscape shows by default: max(1, 2·|θ|). */
export function defaultSpan(value: number): number {
  return Math.max(1, 2 * Math.abs(value));
}

/** `count` values from `lo` to `hi`, evenly spaced, both ends included. */
export function axisValues(lo: number, hi: number, count: number): Float64Array {
  if (!Number.isFinite(lo) || !Number.isFinite(hi) || !(lo < hi)) {
    throw new Error(`The range ${lo} to ${hi} must be two finite numbers, the first the smaller.`);
  }
  if (!Number.isInteger(count) || count < 2 || count > MAX_LANDSCAPE_SIDE) {
    throw new Error(`A landscape axis has ${count} values; it needs 2 to ${MAX_LANDSCAPE_SIDE}.`);
  }
  return Float64Array.from({ length: count }, (_, k) =>
    k === count - 1 ? hi : lo + ((hi - lo) * k) / (count - 1),
  );
}

/** The parameter's current value in the network, or an Error saying it is not there. */
export function parameterValue(network: Network, p: LandscapeParameter): number {
  const layer = network.layers[p.layer - 1];
  const value =
    p.kind === 'weight'
      ? layer?.weights[p.from]?.[p.to]
      : p.kind === 'bias'
        ? layer?.biases[p.unit]
        : undefined;
  if (typeof value !== 'number') throw new Error(`The network has no ${describe(p)}.`);
  return value;
}

function describe(p: LandscapeParameter): string {
  return p.kind === 'weight'
    ? `weight from unit ${p.from + 1} to unit ${p.to + 1} of layer ${p.layer}`
    : `bias of unit ${p.unit + 1} of layer ${p.layer}`;
}

const sameParameter = (a: LandscapeParameter, b: LandscapeParameter) =>
  a.kind === b.kind &&
  a.layer === b.layer &&
  (a.kind === 'weight' && b.kind === 'weight'
    ? a.from === b.from && a.to === b.to
    : a.kind === 'bias' && b.kind === 'bias' && a.unit === b.unit);

/** Where a parameter lives in the kernel's flat arrays. */
function slotOf(kernel: Kernel, p: LandscapeParameter): { array: Float64Array; index: number } {
  const l = p.layer - 1;
  const n = kernel.sizes[p.layer] as number;
  return p.kind === 'weight'
    ? { array: kernel.W[l] as Float64Array, index: p.from * n + p.to }
    : { array: kernel.b[l] as Float64Array, index: p.unit };
}

function validateAxis(network: Network, axis: LandscapeAxis, name: string): void {
  parameterValue(network, axis.parameter);
  const count = axis.values?.length ?? 0;
  if (count < 1 || count > MAX_LANDSCAPE_SIDE) {
    throw new Error(`The ${name} axis has ${count} values; it needs 1 to ${MAX_LANDSCAPE_SIDE}.`);
  }
  for (let k = 0; k < count; k++) {
    if (!Number.isFinite(axis.values[k])) {
      throw new Error(`The ${name} axis's value ${k + 1} is ${axis.values[k]}; it must be finite.`);
    }
  }
}

/**
 * L at every (x, y) of the grid: losses[yk · nx + xk] with the x parameter at x.values[xk] and the
 * y parameter at y.values[yk] (one row when y is null: a 1-D slice). Each L is the mean loss over
 * the data plus the penalty, if any. A point whose numbers overflow is ±Infinity or NaN, not an
 * error: the rest of the landscape is still worth drawing.
 */
export function lossLandscape(
  network: Network,
  data: PackedSet,
  x: LandscapeAxis,
  y: LandscapeAxis | null,
  { penalty = NO_PENALTY, exact = true, rankOne = true }: LandscapeOptions = {},
): Float64Array {
  validateNetwork(network);
  validatePenalty(penalty);
  validateAxis(network, x, 'first');
  if (y) {
    validateAxis(network, y, 'second');
    if (sameParameter(x.parameter, y.parameter)) {
      throw new Error('The landscape needs two different parameters.');
    }
  }
  const kernel = compile(network);
  const sizes = kernel.sizes;
  const nIn = sizes[0] as number;
  const nOut = sizes[sizes.length - 1] as number;
  if (data.count < 1) throw new Error('The landscape needs at least one sample.');
  if (data.inputSize !== nIn || data.outputSize !== nOut) {
    throw new Error(
      `The data has ${data.inputSize} inputs and ${data.outputSize} targets; the network takes ${nIn} and gives ${nOut}.`,
    );
  }
  const count = data.count;
  const grid = createGridForward(sizes, count, { exact });
  grid.inputs.forEach((column, i) => {
    for (let s = 0; s < count; s++) column[s] = data.inputs[s * nIn + i] as number;
  });
  // Every layer once: the runs below start at a parameter's layer and read the ones before it.
  grid.run(kernel, 0);
  const L = sizes.length - 2;
  const outputA = grid.activations[L] as Float64Array[];
  const buf = allocateBuffers(sizes);
  const z = buf.zs[L] as Float64Array;
  const a = buf.as[L + 1] as Float64Array;
  const target = new Float64Array(nOut);
  // Summed in sample order and divided by the count, as runPass takes its mean.
  const meanLoss = () => {
    let total = 0;
    for (let s = 0; s < count; s++) {
      for (let k = 0; k < nOut; k++) {
        z[k] = (grid.outputZ[k] as Float64Array)[s] as number;
        a[k] = (outputA[k] as Float64Array)[s] as number;
        target[k] = data.targets[s * nOut + k] as number;
      }
      total += outputLossAndDelta(kernel, target, buf);
    }
    return total / count + flatPenalty(kernel.W, penalty);
  };

  const nx = x.values.length;
  const ny = y ? y.values.length : 1;
  const losses = new Float64Array(nx * ny);
  // The earlier layer's parameter outside: the inner one's moves recompute only from its layer on.
  // A slice (no y) is one row: x inside.
  const xOutside = y !== null && x.parameter.layer <= y.parameter.layer;
  const [outer, inner] = !y ? [null, x] : xOutside ? [x, y] : [y, x];
  const innerSlot = slotOf(kernel, inner.parameter);
  const l = inner.parameter.layer - 1;
  const p = inner.parameter;
  const fast =
    exact || !rankOne
      ? null
      : p.kind === 'weight'
        ? rankOneStep(kernel, grid, innerSlot, l, p.to, p.from)
        : rankOneStep(kernel, grid, innerSlot, l, p.unit, null);
  const sweep = (ok: number) => {
    fast?.rebase();
    for (let ik = 0; ik < inner.values.length; ik++) {
      const value = inner.values[ik] as number;
      innerSlot.array[innerSlot.index] = value;
      if (fast) fast.step(value);
      else grid.run(kernel, l);
      const [xk, yk] = xOutside ? [ok, ik] : [ik, ok];
      losses[yk * nx + xk] = meanLoss();
    }
  };
  if (!outer) {
    sweep(0);
    return losses;
  }
  const outerSlot = slotOf(kernel, outer.parameter);
  for (let ok = 0; ok < outer.values.length; ok++) {
    outerSlot.array[outerSlot.index] = outer.values[ok] as number;
    grid.run(kernel, outer.parameter.layer - 1);
    sweep(ok);
  }
  return losses;
}

/**
 * The multiply-adds of one landscape point over one sample, as lossLandscape computes it live (not
 * exact): the inner parameter's rank-1 updates (its unit, the next layer's units) and the layers
 * after them in full, plus the loss's few. The outer parameter's recomputes are once a row, left out.
 * For choosing a grid that fits a time budget (training/landscapeJob.ts).
 */
export function landscapeWorkPerPoint(
  sizes: readonly number[],
  x: LandscapeParameter,
  y: LandscapeParameter,
): number {
  const inner = Math.max(x.layer, y.layer) - 1;
  let work = 1 + (sizes[inner + 2] ?? 0) + (sizes[sizes.length - 1] as number);
  for (let l = inner + 2; l < sizes.length - 1; l++) {
    work += (sizes[l] as number) * (sizes[l + 1] as number);
  }
  return work;
}

/**
 * ∂L/∂θ of each parameter over the whole data: the kernel's forward and backward pass sample by
 * sample, summed in order and divided by the count as runPass does (so the same numbers), plus
 * λ·R'(w) for a weight when there is a penalty.
 */
export function landscapeGradient(
  network: Network,
  data: PackedSet,
  parameters: readonly LandscapeParameter[],
  penalty: Penalty = NO_PENALTY,
): number[] {
  validateNetwork(network);
  validatePenalty(penalty);
  parameters.forEach((p) => parameterValue(network, p));
  const kernel = compile(network);
  const nIn = kernel.sizes[0] as number;
  const nOut = kernel.sizes[kernel.sizes.length - 1] as number;
  if (data.count < 1 || data.inputSize !== nIn || data.outputSize !== nOut) {
    throw new Error('The data does not fit the network.');
  }
  const buf = allocateBuffers(kernel.sizes);
  const { gW, gb } = allocateGradients(kernel);
  const x = new Float64Array(nIn);
  const y = new Float64Array(nOut);
  for (let s = 0; s < data.count; s++) {
    for (let i = 0; i < nIn; i++) x[i] = data.inputs[s * nIn + i] as number;
    for (let k = 0; k < nOut; k++) y[k] = data.targets[s * nOut + k] as number;
    forward(kernel, x, buf);
    outputLossAndDelta(kernel, y, buf);
    backward(kernel, buf, gW, gb);
  }
  return parameters.map((p) => {
    const n = kernel.sizes[p.layer] as number;
    if (p.kind === 'bias')
      return ((gb[p.layer - 1] as Float64Array)[p.unit] as number) / data.count;
    const k = p.from * n + p.to;
    const w = (kernel.W[p.layer - 1] as Float64Array)[k] as number;
    const g = ((gW[p.layer - 1] as Float64Array)[k] as number) / data.count;
    return penalty.rate > 0 ? g + penalty.rate * penaltyDerivative(penalty.kind, w) : g;
  });
}
