import { activate } from './activationLoops';
import type { Activation } from './types';

/**
 * The forward pass over many points at once, for heatmaps: the whole grid goes through a layer
 * before the next, one unit at a time, z_j = b_j + Σ_i W_ij a_i with a_i a column of length P. The
 * arrays are laid out unit by unit (unit-major), so each hidden unit's picture is one contiguous
 * slice and nothing is allocated per point. The sums run in the same order as the kernel's
 * forward pass, so (with exact activations) every number equals what runPass computes there.
 */

/** What the grid reads of a network: the kernel's shape and flat weights (see kernel.ts). */
export interface GridWeights {
  sizes: readonly number[];
  activations: readonly Activation[];
  /** W[l][i·n + j], row-major n_prev × n. */
  W: readonly Float64Array[];
  b: readonly Float64Array[];
}

export interface GridForward {
  /** Number of points. */
  readonly points: number;
  readonly sizes: readonly number[];
  /** The inputs a^(0): column i (length P) is input i at every point. Fill once per grid. */
  readonly inputs: Float64Array[];
  /** activations[l][j]: a_j of layer l + 1 at every point, after run(). */
  readonly activations: Float64Array[][];
  /** z of the output layer at every point, unit by unit, after run() (the losses read logits). */
  readonly outputZ: Float64Array[];
  /**
   * The forward pass from weighted layer `from` (0-based) on; the layers before it keep what the
   * last run left (the loss landscape changes one parameter and recomputes only what follows it).
   */
  run(weights: GridWeights, from?: number): void;
  /**
   * Weighted layer `layer`'s z given (its columns, unit by unit), activated, and the layers after
   * it run as run() runs them: for a caller that worked out that layer's z itself (the landscape's
   * rank-1 updates, landscapeStep.ts).
   */
  runFromZ(weights: GridWeights, layer: number, z: readonly Float64Array[]): void;
}

function columns(buffer: Float64Array, units: number, points: number): Float64Array[] {
  return Array.from({ length: units }, (_, j) => buffer.subarray(j * points, (j + 1) * points));
}

/**
 * tanh on [−8, 8] every 1/512, for pictures: linear interpolation between entries is within
 * h²/8 · max|tanh″| ≈ 4·10⁻⁷ of Math.tanh (and 1 − tanh 8 ≈ 2·10⁻⁷ beyond), far below what a
 * color can show, and much cheaper than Math.tanh, which was most of a grid pass's time (README,
 * Benchmarks). The table spans both signs so the loop has no branch on the sign (64 KB).
 */
const TANH_STEPS_PER_UNIT = 512;
const TANH_LIMIT = 8;
const TANH_TOP = 2 * TANH_LIMIT * TANH_STEPS_PER_UNIT;
const TANH_TABLE = Float64Array.from({ length: TANH_TOP + 2 }, (_, i) =>
  Math.tanh(i / TANH_STEPS_PER_UNIT - TANH_LIMIT),
);

/** tanh(z) from the table; ±1 beyond ±8; NaN stays NaN. */
export function tableTanh(z: number): number {
  let t = z * TANH_STEPS_PER_UNIT + TANH_LIMIT * TANH_STEPS_PER_UNIT;
  t = t < 0 ? 0 : t > TANH_TOP ? TANH_TOP : t;
  const i = t | 0;
  const lo = TANH_TABLE[i] as number;
  return lo + (t - i) * ((TANH_TABLE[i + 1] as number) - lo);
}

/**
 * a = f(z) in place over one unit's column: the kernel's own loop (so the numbers are its numbers),
 * or with `exact` off, tanh and σ from the table. Softmax waits for the whole layer (softmaxColumns).
 */
export function activateColumn(activation: Activation, a: Float64Array, exact: boolean): void {
  const points = a.length;
  if (activation === 'softmax') return;
  if (!exact && activation === 'tanh') {
    for (let p = 0; p < points; p++) a[p] = tableTanh(a[p] as number);
  } else if (!exact && activation === 'sigmoid') {
    // σ(z) = ½ + ½·tanh(z/2)
    for (let p = 0; p < points; p++) a[p] = 0.5 + 0.5 * tableTanh(0.5 * (a[p] as number));
  } else activate(activation, a, a, points);
}

/** softmax across the units at each point, shifted by the max as softmaxInPlace does. */
function softmaxColumns(cols: Float64Array[], start: number, end: number): void {
  const n = cols.length;
  for (let p = start; p < end; p++) {
    let max = -Infinity;
    for (let j = 0; j < n; j++) max = Math.max(max, (cols[j] as Float64Array)[p] as number);
    let sum = 0;
    for (let j = 0; j < n; j++) {
      const col = cols[j] as Float64Array;
      const e = Math.exp((col[p] as number) - max);
      col[p] = e;
      sum += e;
    }
    for (let j = 0; j < n; j++) {
      const col = cols[j] as Float64Array;
      col[p] = (col[p] as number) / sum;
    }
  }
}

/**
 * z += Σ_i W_ij a_i, four inputs per sweep over the points so z is loaded and stored a quarter as
 * often. The additions stay in the kernel's order, ((z + w₀a₀) + w₁a₁) + …, so the sums are the
 * same to the last bit.
 */
function accumulate(
  z: Float64Array,
  previous: readonly Float64Array[],
  w: Float64Array,
  j: number,
  n: number,
  nPrev: number,
  start: number,
  end: number,
): void {
  let i = 0;
  for (; i + 4 <= nPrev; i += 4) {
    const w0 = w[i * n + j] as number;
    const w1 = w[(i + 1) * n + j] as number;
    const w2 = w[(i + 2) * n + j] as number;
    const w3 = w[(i + 3) * n + j] as number;
    const a0 = previous[i] as Float64Array;
    const a1 = previous[i + 1] as Float64Array;
    const a2 = previous[i + 2] as Float64Array;
    const a3 = previous[i + 3] as Float64Array;
    for (let p = start; p < end; p++) {
      z[p] =
        (z[p] as number) +
        w0 * (a0[p] as number) +
        w1 * (a1[p] as number) +
        w2 * (a2[p] as number) +
        w3 * (a3[p] as number);
    }
  }
  for (; i < nPrev; i++) {
    const wi = w[i * n + j] as number;
    const a = previous[i] as Float64Array;
    for (let p = start; p < end; p++) z[p] = (z[p] as number) + wi * (a[p] as number);
  }
}

export interface GridOptions {
  /**
   * Math.tanh and σ exactly as the kernel computes them, so every number equals runPass's; else
   * tanh and σ from a table, within 4·10⁻⁷ per unit, for heatmaps, where speed counts more.
   */
  exact?: boolean;
}

export function createGridForward(
  sizes: readonly number[],
  points: number,
  { exact = true }: GridOptions = {},
): GridForward {
  if (!Number.isInteger(points) || points < 1) throw new Error(`A grid of ${points} points.`);
  const inputBuffer = new Float64Array((sizes[0] as number) * points);
  const inputs = columns(inputBuffer, sizes[0] as number, points);
  const activations = sizes.slice(1).map((n) => columns(new Float64Array(n * points), n, points));
  const outputUnits = sizes[sizes.length - 1] as number;
  const outputZ = columns(new Float64Array(outputUnits * points), outputUnits, points);
  const last = sizes.length - 2;
  const checkShape = (weights: GridWeights) => {
    if (weights.sizes.join() !== sizes.join()) {
      throw new Error(
        `The grid was made for a ${sizes.join('-')} network, not ${weights.sizes.join('-')}.`,
      );
    }
  };
  const checkLayer = (l: number) => {
    if (!Number.isInteger(l) || l < 0 || l > last) {
      throw new Error(`The grid has no weighted layer ${l + 1}.`);
    }
  };
  /** Layer l's a from its z (in place), the output's z kept for the loss. */
  const finishLayer = (l: number, activation: Activation) => {
    const current = activations[l] as Float64Array[];
    for (let j = 0; j < current.length; j++) {
      const z = current[j] as Float64Array;
      if (l === last) (outputZ[j] as Float64Array).set(z);
      activateColumn(activation, z, exact);
    }
    if (activation === 'softmax') softmaxColumns(current, 0, points);
  };
  const runLayers = (weights: GridWeights, from: number) => {
    let previous = from === 0 ? inputs : (activations[from - 1] as Float64Array[]);
    for (let l = from; l < weights.W.length; l++) {
      const nPrev = sizes[l] as number;
      const n = sizes[l + 1] as number;
      const w = weights.W[l] as Float64Array;
      const b = weights.b[l] as Float64Array;
      const current = activations[l] as Float64Array[];
      for (let j = 0; j < n; j++) {
        const z = current[j] as Float64Array;
        z.fill(b[j] as number);
        accumulate(z, previous, w, j, n, nPrev, 0, points);
      }
      finishLayer(l, weights.activations[l] as Activation);
      previous = current;
    }
  };
  return {
    points,
    sizes,
    inputs,
    activations,
    outputZ,
    run(weights, from = 0) {
      checkShape(weights);
      checkLayer(from);
      runLayers(weights, from);
    },
    runFromZ(weights, layer, z) {
      checkShape(weights);
      checkLayer(layer);
      const current = activations[layer] as Float64Array[];
      if (z.length !== current.length) {
        throw new Error(`Layer ${layer + 1} has ${current.length} units, not ${z.length}.`);
      }
      current.forEach((column, j) => column.set(z[j] as Float64Array));
      finishLayer(layer, weights.activations[layer] as Activation);
      if (layer < last) runLayers(weights, layer + 1);
    },
  };
}
