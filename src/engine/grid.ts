import { LEAKY_RELU_SLOPE, sigmoid } from './activations';
import type { Activation } from './types';

/**
 * The forward pass over many points at once, for heatmaps: the whole grid goes through a layer
 * before the next, one unit at a time, z_j = b_j + Σ_i W_ij a_i with a_i a column of length P. The
 * arrays are laid out unit by unit (unit-major), so each hidden unit's picture is one contiguous
 * slice and nothing is allocated per point. The sums run in the same order as the kernel's
 * forward pass, so every number equals what runPass computes for that point.
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
  run(weights: GridWeights): void;
}

function columns(buffer: Float64Array, units: number, points: number): Float64Array[] {
  return Array.from({ length: units }, (_, j) => buffer.subarray(j * points, (j + 1) * points));
}

function activateColumn(activation: Activation, a: Float64Array): void {
  const P = a.length;
  switch (activation) {
    case 'sigmoid':
      for (let p = 0; p < P; p++) a[p] = sigmoid(a[p] as number);
      return;
    case 'tanh':
      for (let p = 0; p < P; p++) a[p] = Math.tanh(a[p] as number);
      return;
    case 'relu':
      for (let p = 0; p < P; p++) if (!((a[p] as number) > 0)) a[p] = 0;
      return;
    case 'leakyRelu':
      for (let p = 0; p < P; p++) {
        const z = a[p] as number;
        if (!(z > 0)) a[p] = LEAKY_RELU_SLOPE * z;
      }
      return;
    case 'linear':
    case 'softmax':
      return;
  }
}

/** softmax across the units at each point, shifted by the max as softmaxInPlace does. */
function softmaxColumns(cols: Float64Array[], P: number): void {
  const n = cols.length;
  for (let p = 0; p < P; p++) {
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
  points: number,
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
    for (let p = 0; p < points; p++) {
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
    for (let p = 0; p < points; p++) z[p] = (z[p] as number) + wi * (a[p] as number);
  }
}

export function createGridForward(sizes: readonly number[], points: number): GridForward {
  if (!Number.isInteger(points) || points < 1) throw new Error(`A grid of ${points} points.`);
  const inputBuffer = new Float64Array((sizes[0] as number) * points);
  const inputs = columns(inputBuffer, sizes[0] as number, points);
  const activations = sizes.slice(1).map((n) => columns(new Float64Array(n * points), n, points));
  return {
    points,
    sizes,
    inputs,
    activations,
    run(weights) {
      if (weights.sizes.join() !== sizes.join()) {
        throw new Error(
          `The grid was made for a ${sizes.join('-')} network, not ${weights.sizes.join('-')}.`,
        );
      }
      let previous = inputs;
      for (let l = 0; l < weights.W.length; l++) {
        const nPrev = sizes[l] as number;
        const n = sizes[l + 1] as number;
        const w = weights.W[l] as Float64Array;
        const b = weights.b[l] as Float64Array;
        const current = activations[l] as Float64Array[];
        for (let j = 0; j < n; j++) {
          const z = current[j] as Float64Array;
          z.fill(b[j] as number);
          accumulate(z, previous, w, j, n, nPrev, points);
          activateColumn(weights.activations[l] as Activation, z);
        }
        if (weights.activations[l] === 'softmax') softmaxColumns(current, points);
        previous = current;
      }
    },
  };
}
