import { FEATURES } from '../data';
import { createGridForward, type GridForward, type Kernel } from '../engine';
import { paintClassThumbnails, paintColumn, paintOutput, paintThumbnails } from './paint';
import type { HiddenLayout, Images, PlotSpec, PlotView } from './protocol';

/**
 * A session's pictures (session.ts): the batched grid pass over the plot's points, painted as the
 * big heatmap (the output, or one unit in focus), every unit's thumbnail, or the 1-D line, with
 * the network's weights and biases flat beside them.
 */
export interface SessionPictures {
  readonly hidden: HiddenLayout;
  /** Grid points: 0 when there is no plane or line to draw (more than two inputs). */
  readonly points: number;
  /** The pictures of the kernel's network now (its weights only, with no plot). */
  paint(view: PlotView | undefined): Images;
  /** How long the last paint took: the grid pass, then the painting (ms; null before one). */
  readonly gridMs: number | null;
  readonly paintMs: number | null;
}

/** Fill the grid's input columns once: features of each grid point's (scaled) raw coordinates. */
function fillGridInputs(grid: GridForward, plot: PlotSpec): void {
  const features = plot.features
    ? plot.features.map((id) => FEATURES.find((f) => f.id === id)?.f ?? (() => 0))
    : null;
  const R = plot.resolution;
  const [x0, x1] = plot.domain[0] ?? [0, 1];
  const [y0, y1] = plot.domain[1] ?? [0, 1];
  for (let p = 0; p < grid.points; p++) {
    const i = p % R;
    const j = Math.floor(p / R);
    const rawU =
      plot.kind === '1d' ? x0 + (i / (R - 1)) * (x1 - x0) : x0 + ((i + 0.5) / R) * (x1 - x0);
    const raw = plot.kind === '1d' ? 0 : y1 - ((j + 0.5) / R) * (y1 - y0);
    const scale = plot.scale;
    const u = scale ? (rawU - (scale.offset[0] as number)) / (scale.factor[0] as number) : rawU;
    const v =
      scale && plot.kind !== '1d'
        ? (raw - (scale.offset[1] as number)) / (scale.factor[1] as number)
        : raw;
    grid.inputs.forEach((column, k) => {
      column[p] = features
        ? (features[k] as (a: number, b: number) => number)(u, v)
        : k === 0
          ? u
          : v;
    });
  }
}

/** The arrays one after the other, in one. */
function flat(arrays: readonly Float64Array[]): Float64Array {
  const all = new Float64Array(arrays.reduce((n, a) => n + a.length, 0));
  let at = 0;
  for (const a of arrays) {
    all.set(a, at);
    at += a.length;
  }
  return all;
}

/** `now` is the session's clock in ms. */
export function createPictures(kernel: Kernel, plot: PlotSpec, now: () => number): SessionPictures {
  const sizes = kernel.sizes;
  const L = sizes.length - 1;
  const hidden: HiddenLayout = {
    units: sizes.slice(1, -1),
    activations: kernel.activations.slice(0, -1),
  };
  const points =
    plot.kind === '2d'
      ? plot.resolution * plot.resolution
      : plot.kind === '1d'
        ? plot.resolution
        : 0;
  // Pictures need no more than a color can show: tanh and σ from a table (see GridOptions).
  const grid = points > 0 ? createGridForward(sizes, points, { exact: false }) : null;
  if (grid) fillGridInputs(grid, plot);
  /** Each input column's largest |value| on the grid: features are drawn on their own scale. */
  const inputScale = grid
    ? grid.inputs.map((column) => column.reduce((m, v) => Math.max(m, Math.abs(v)), 1e-9))
    : [];
  let gridMs: number | null = null;
  let paintMs: number | null = null;

  const [lo, hi] = plot.targetRange;
  const mid = (lo + hi) / 2;
  const half = Math.max((hi - lo) / 2, 1e-9);

  // How each unit's values become colors: (a − shift)·scale on the diverging scale. Sigmoid
  // units (0…1) as 2a − 1, others (tanh, ReLU, …) as they are; inputs on their own range.
  const hiddenShift = hidden.units.flatMap((n, l) =>
    Array<number>(n).fill(hidden.activations[l] === 'sigmoid' ? 0.5 : 0),
  );
  const hiddenScale = hiddenShift.map((shift) => (shift ? 2 : 1));

  function paintPlane(g: GridForward, view: PlotView | undefined): Images {
    const R = plot.resolution;
    const T = plot.thumbnail;
    const out = g.activations[L - 1] as Float64Array[];
    const hiddenColumns = g.activations.slice(0, L - 1).flat();
    const regression = plot.task === 'regression';
    const discretize = view?.discretize ?? false;
    const wanted = view?.hover ?? view?.focus ?? null;
    const units = wanted?.layer === 0 ? g.inputs.length : hidden.units[(wanted?.layer ?? 0) - 1];
    const focus = wanted && wanted.unit < (units ?? 0) ? wanted : null;
    /** Index of unit (layer, unit) among the hidden units, or −1. */
    const hiddenIndex = focus
      ? hidden.units.slice(0, focus.layer - 1).reduce((a, b) => a + b, focus.unit)
      : -1;
    let output: Uint8ClampedArray;
    if (focus && focus.layer === 0 && g.inputs[focus.unit]) {
      const column = g.inputs[focus.unit] as Float64Array;
      const scale = 1 / (inputScale[focus.unit] as number);
      output = paintColumn(
        new Uint8ClampedArray(g.points * 4),
        column,
        g.points,
        0,
        scale,
        discretize,
      );
    } else if (focus && focus.layer >= 1 && hiddenColumns[hiddenIndex]) {
      output = paintColumn(
        new Uint8ClampedArray(g.points * 4),
        hiddenColumns[hiddenIndex] as Float64Array,
        g.points,
        hiddenShift[hiddenIndex] as number,
        hiddenScale[hiddenIndex] as number,
        discretize,
      );
    } else {
      output = paintOutput(out, g.points, plot.task, mid, half, discretize);
    }
    return {
      kind: '2d',
      side: R,
      output,
      thumbnail: T,
      hidden: paintThumbnails(hiddenColumns, R, T, hiddenShift, hiddenScale),
      inputs: paintThumbnails(
        g.inputs,
        R,
        T,
        inputScale.map(() => 0),
        inputScale.map((m) => 1 / m),
      ),
      // A class's probability in that class's color, as the big heatmap paints it.
      outputs:
        plot.task === 'multiclass'
          ? paintClassThumbnails(out, R, T)
          : paintThumbnails(
              out,
              R,
              T,
              out.map(() => (regression ? mid : 0.5)),
              out.map(() => (regression ? 1 / half : 2)),
            ),
      weights: flatWeights(),
      biases: flatBiases(),
    };
  }

  const flatWeights = () => flat(kernel.W);
  const flatBiases = () => flat(kernel.b);

  function paintLine(g: GridForward): Images {
    const xs = Float64Array.from(g.inputs[0] as Float64Array);
    if (plot.features || plot.scale) {
      const [x0, x1] = plot.domain[0] ?? [0, 1];
      for (let p = 0; p < g.points; p++) xs[p] = x0 + (p / (g.points - 1)) * (x1 - x0);
    }
    const output = Float64Array.from(g.activations[L - 1]?.[0] as Float64Array);
    const stacked = (columns: readonly Float64Array[]) => {
      const values = new Float64Array(columns.length * g.points);
      columns.forEach((column, k) => values.set(column, k * g.points));
      return values;
    };
    return {
      kind: '1d',
      xs,
      output,
      hidden: stacked(g.activations.slice(0, L - 1).flat()),
      inputs: stacked(g.inputs),
      outputs: stacked(g.activations[L - 1] as Float64Array[]),
      weights: flatWeights(),
      biases: flatBiases(),
    };
  }

  function paint(view: PlotView | undefined): Images {
    if (!grid) return { kind: 'none', weights: flatWeights(), biases: flatBiases() };
    const start = now();
    grid.run(kernel);
    const ran = now();
    const images = plot.kind === '2d' ? paintPlane(grid, view) : paintLine(grid);
    gridMs = ran - start;
    paintMs = now() - ran;
    return images;
  }

  return {
    hidden,
    points,
    paint,
    get gridMs() {
      return gridMs;
    },
    get paintMs() {
      return paintMs;
    },
  };
}
