import { BLUE, ORANGE, type Rgb } from '../../training/palette';

/**
 * Where the training diagram puts each unit and how it draws each weight, as Playground's network
 * picture does: one column per layer, a small heatmap per unit, an edge per weight colored by its
 * sign (blue +, orange −) and as thick as it is large. Pure: sizes and weights in, numbers out.
 */

export interface DiagramNode {
  /** Top-left corner of the unit's picture. */
  x: number;
  y: number;
}

export interface DiagramGeometry {
  width: number;
  height: number;
  /** Side of each unit's picture. */
  thumb: number;
  /** Left edge of each column (layer 0 = the inputs). */
  columns: number[];
  /** nodes[l][j]: unit j of layer l. */
  nodes: DiagramNode[][];
  /** Room on the left for the input names, and on top for the layer names. */
  labelWidth: number;
  labelHeight: number;
}

/** The width the diagram tries to fit in (the middle column of the training view). */
export const DIAGRAM_WIDTH = 530;

/**
 * Room for input names of this many characters (at the names' 0.75rem): at least 46 px, at most
 * 130 px, so "sepal length (cm)" is read whole and a long name does not squeeze the network.
 */
export function inputLabelWidth(longestName: number): number {
  return Math.min(130, Math.max(46, Math.round(longestName * 6.5) + 10));
}

export function diagramGeometry(
  sizes: readonly number[],
  maxWidth = DIAGRAM_WIDTH,
  labelWidth = 46,
): DiagramGeometry {
  const most = Math.max(1, ...sizes);
  const columnCount = sizes.length;
  // A wide input (the digits' 64 pixels) gets small boxes, so the diagram stays a screen tall.
  const thumb =
    most <= 4 && columnCount <= 6 ? 40 : most <= 8 && columnCount <= 8 ? 34 : most <= 16 ? 26 : 10;
  const rowGap = most <= 8 ? 10 : most <= 16 ? 5 : 2;
  // Wide gaps show the edges best; narrow them (down to 20 px) to fit deep networks.
  const room = (maxWidth - labelWidth - 4 - columnCount * thumb) / Math.max(1, columnCount - 1);
  const columnGap = Math.round(Math.max(20, Math.min(84, room)));
  const labelHeight = 30;
  const inner = most * thumb + (most - 1) * rowGap;
  const columns = sizes.map((_, l) => labelWidth + l * (thumb + columnGap));
  const nodes = sizes.map((n, l) => {
    const top = labelHeight + (inner - (n * thumb + (n - 1) * rowGap)) / 2;
    return Array.from({ length: n }, (_, j) => ({
      x: columns[l] as number,
      y: top + j * (thumb + rowGap),
    }));
  });
  return {
    width: labelWidth + columnCount * thumb + (columnCount - 1) * columnGap + 4,
    height: labelHeight + inner + 4,
    thumb,
    columns,
    nodes,
    labelWidth,
    labelHeight,
  };
}

/** Edges of one look: drawn as a single path, segments as x₁, y₁, x₂, y₂ quadruples. */
export interface EdgeBucket {
  color: string;
  width: number;
  segments: number[];
}

/** |w| thresholds of the stroke widths: weights are drawn in five thicknesses. */
const MAGNITUDES = [0.1, 0.3, 0.7, 1.5, Infinity];
const WIDTHS = [0.5, 1, 1.8, 2.7, 3.6];
const ALPHAS = [0.25, 0.4, 0.6, 0.8, 0.9];

const rgba = ([r, g, b]: Rgb, a: number) => `rgba(${r}, ${g}, ${b}, ${a})`;

/**
 * Group every weight's edge by sign and thickness, so a network of 2,000 weights is ten strokes.
 * `weights` holds W^(l) of every layer one after another, row-major n_{l−1} × n_l.
 */
export function edgeBuckets(
  geometry: DiagramGeometry,
  sizes: readonly number[],
  weights: Float64Array,
): EdgeBucket[] {
  const buckets: EdgeBucket[] = [];
  for (const color of [ORANGE, BLUE]) {
    MAGNITUDES.forEach((_, k) => {
      buckets.push({
        color: rgba(color, ALPHAS[k] as number),
        width: WIDTHS[k] as number,
        segments: [],
      });
    });
  }
  const half = geometry.thumb / 2;
  let at = 0;
  for (let l = 1; l < sizes.length; l++) {
    const nPrev = sizes[l - 1] as number;
    const n = sizes[l] as number;
    const from = geometry.nodes[l - 1] ?? [];
    const to = geometry.nodes[l] ?? [];
    for (let i = 0; i < nPrev; i++) {
      for (let j = 0; j < n; j++) {
        const w = weights[at + i * n + j] ?? 0;
        if (!Number.isFinite(w)) continue;
        const size = MAGNITUDES.findIndex((m) => Math.abs(w) < m);
        const bucket = buckets[(w > 0 ? MAGNITUDES.length : 0) + size] as EdgeBucket;
        const a = from[i] as DiagramNode;
        const b = to[j] as DiagramNode;
        bucket.segments.push(a.x + geometry.thumb, a.y + half, b.x, b.y + half);
      }
    }
    at += nPrev * n;
  }
  return buckets.filter((b) => b.segments.length > 0);
}
