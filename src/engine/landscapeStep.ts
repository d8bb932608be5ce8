import { activateColumn, type GridForward } from './grid';
import type { Kernel } from './kernel';

/**
 * The landscape's inner steps by rank-1 updates (for pictures drawn live: tanh from the table).
 * Moving one parameter θ of layer l moves the pre-activation of one unit u, and linearly:
 * z_u(θ) = z_u(θ₀) + (θ − θ₀)·c, with c the unit's input a_i for the weight w_iu and 1 for its
 * bias. Only a_u changes in layer l, so the next layer's z is its z at θ₀ plus W_uj·(a_u − a_u(θ₀)):
 * one product a unit where a full layer costs n_prev. The layers after it still run in full.
 *
 * The sums are not the kernel's sums in the kernel's order, so the numbers differ from a full
 * recompute by rounding (tested within 1e-12 relative), far below the table's 4·10⁻⁷ per unit;
 * with exact activations the landscape recomputes in full instead, to the last bit.
 */
export interface RankOneStep {
  /** Takes the grid as it is now, with θ at the value θ₀ the kernel holds, as the base. */
  rebase(): void;
  /** The grid's forward pass with θ at `value` (the kernel's slot holds it too). */
  step(value: number): void;
}

/** z_j = b_j + Σ_i W_ij a_i over the points, for every unit of weighted layer l. */
function layerZ(
  kernel: Kernel,
  l: number,
  previous: readonly Float64Array[],
  into: Float64Array[],
): void {
  const nPrev = kernel.sizes[l] as number;
  const n = kernel.sizes[l + 1] as number;
  const W = kernel.W[l] as Float64Array;
  const b = kernel.b[l] as Float64Array;
  into.forEach((z, j) => {
    z.fill(b[j] as number);
    for (let i = 0; i < nPrev; i++) {
      const w = W[i * n + j] as number;
      const a = previous[i] as Float64Array;
      for (let p = 0; p < z.length; p++) z[p] = (z[p] as number) + w * (a[p] as number);
    }
  });
}

const columnsOf = (units: number, points: number) =>
  Array.from({ length: units }, () => new Float64Array(points));

/**
 * The rank-1 inner step for the parameter in `slot` (layer l, 0-based, unit u; `from`: the input
 * of a weight, null for a bias), or null where it does not apply: a softmax hidden layer (every
 * a of the layer moves with z_u).
 */
export function rankOneStep(
  kernel: Kernel,
  grid: GridForward,
  slot: { array: Float64Array; index: number },
  l: number,
  u: number,
  from: number | null,
): RankOneStep | null {
  const last = kernel.W.length - 1;
  const activation = kernel.activations[l];
  if (activation === undefined || (activation === 'softmax' && l < last)) return null;
  const points = grid.points;
  const previous = l === 0 ? grid.inputs : (grid.activations[l - 1] as Float64Array[]);
  const z = columnsOf(kernel.sizes[l + 1] as number, points);
  const zNext = l < last ? columnsOf(kernel.sizes[l + 2] as number, points) : [];
  const baseNext = l < last ? columnsOf(kernel.sizes[l + 2] as number, points) : [];
  const baseU = new Float64Array(points);
  const baseA = new Float64Array(points);
  const a = new Float64Array(points);
  let theta0 = 0;
  const n = kernel.sizes[l + 2] ?? 0;
  return {
    rebase() {
      theta0 = slot.array[slot.index] as number;
      layerZ(kernel, l, previous, z);
      baseU.set(z[u] as Float64Array);
      if (l < last) {
        baseA.set((grid.activations[l] as Float64Array[])[u] as Float64Array);
        layerZ(kernel, l + 1, grid.activations[l] as Float64Array[], baseNext);
      }
    },
    step(value) {
      const shift = value - theta0;
      const zu = z[u] as Float64Array;
      if (from === null) for (let p = 0; p < points; p++) zu[p] = (baseU[p] as number) + shift;
      else {
        const c = previous[from] as Float64Array;
        for (let p = 0; p < points; p++) zu[p] = (baseU[p] as number) + shift * (c[p] as number);
      }
      if (l === last) {
        grid.runFromZ(kernel, l, z);
        return;
      }
      a.set(zu);
      activateColumn(activation, a, false);
      const W = kernel.W[l + 1] as Float64Array;
      for (let j = 0; j < n; j++) {
        const w = W[u * n + j] as number;
        const base = baseNext[j] as Float64Array;
        const into = zNext[j] as Float64Array;
        for (let p = 0; p < points; p++) {
          into[p] = (base[p] as number) + w * ((a[p] as number) - (baseA[p] as number));
        }
      }
      grid.runFromZ(kernel, l + 1, zNext);
    },
  };
}
