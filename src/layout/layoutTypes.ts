import type { Box, Point } from './boxes';

/**
 * The shapes networkLayout returns, and the constants it lays the diagram out with. Layers are
 * numbered as in the notes: column 0 holds the inputs, columns 1…L the weighted layers.
 */

export interface LayoutOptions {
  /** Significant digits the numbers are shown with; labels get room for them. Default 4. */
  digits?: number;
  /** Give every edge a label of its own (weight and ∂L/∂w). Default: every layer has ≤ 4 units. */
  edgeLabels?: boolean;
  /**
   * The inputs are a picture's pixels, row by row, `width` by `height`: the input layer is drawn
   * as that picture (see inputGridShape). Ignored unless width · height is the number of inputs.
   */
  picture?: { width: number; height: number } | null;
}

export const METRICS = {
  unitRadius: 22,
  /** Unit values (z, a, δ) and targets. */
  fontSize: 11,
  lineHeight: 13,
  /** Edge labels: two lines, the weight and ∂L/∂w. */
  labelFontSize: 10,
  labelLineHeight: 12,
  /** Vertical distance between unit centers: a circle and three lines of values below it. */
  unitGap: 104,
  /** Horizontal distance between columns, before it grows to make room for edge labels. */
  columnGap: 200,
  columnGapStep: 30,
  maxColumnGap: 640,
  biasSize: 22,
  /** The bias node sits this far above the top unit of its column. */
  biasRise: 74,
  padding: 20,
} as const;

/** Networks whose layers all have at most this many units label every edge. */
export const SMALL_LAYER = 4;

/**
 * An input layer wider than this is drawn as a grid of small cells, a picture (row by row, as an
 * 8×8 digit's 64 pixels are numbered), not a column of circles: 64 circles would stand 6,600 px
 * tall. Its edges into the first layer are drawn as a bundle (see NetworkLayout.bundles).
 */
export const WIDE_INPUTS = 16;

/** Side of one input cell of the grid, in px. */
export const GRID_CELL = 26;

export interface InputGrid {
  columns: number;
  rows: number;
  cell: number;
  /** The whole grid. */
  box: Box;
}

/**
 * The grid n inputs are drawn in: a picture's own shape when they are its pixels (any size); else
 * as square as it gets, row by row (8×8 for 64; 5 columns × 4 rows for 20, the last row full or
 * not); null for a layer narrow enough for a column of circles.
 */
export function inputGridShape(
  n: number,
  picture?: { width: number; height: number } | null,
): { columns: number; rows: number } | null {
  if (picture && picture.width * picture.height === n)
    return { columns: picture.width, rows: picture.height };
  if (n <= WIDE_INPUTS) return null;
  const columns = Math.ceil(Math.sqrt(n));
  return { columns, rows: Math.ceil(n / columns) };
}

export interface UnitLayout {
  layer: number;
  unit: number;
  /** Center of the circle. */
  x: number;
  y: number;
  /** The values under the circle: x for an input; z, a and δ for the others. */
  valueBox: Box;
  /** Baseline of the first value line; each further line is METRICS.lineHeight lower. */
  firstBaseline: number;
}

export interface EdgeLayout {
  /** Weighted layer l (1…L); the edge runs from unit `from` of layer l−1 to unit `to` of layer l. */
  layer: number;
  from: number;
  to: number;
  /** A straight SVG path from circle to circle. */
  path: string;
  /** Center of the label: on the edge, unless it found no room there (see leader). */
  label: Point;
  labelBox: Box;
  /** Where on the edge a label moved off it points to, with a leader line; null when on it. */
  leader: Point | null;
}

export interface BiasNodeLayout {
  /** The weighted layer whose biases this node feeds. */
  layer: number;
  x: number;
  y: number;
  size: number;
}

export interface BiasEdgeLayout {
  layer: number;
  unit: number;
  path: string;
  label: Point;
  labelBox: Box;
  leader: Point | null;
}

export interface ColumnLayout {
  layer: number;
  x: number;
  /** 'input', 'hidden 1', …, 'output'. */
  name: string;
  /** Baseline of the name; the activation goes one line below. */
  nameY: number;
}

export interface NetworkLayout {
  sizes: readonly number[];
  width: number;
  height: number;
  columnGap: number;
  radius: number;
  /** Whether every edge carries its label, or only the selected or hovered one. */
  edgeLabels: boolean;
  /** units[l][j]: layer l = 0…L. */
  units: UnitLayout[][];
  /** edges[l − 1][from * n_l + to], see edgeAt. */
  edges: EdgeLayout[][];
  /** biasNodes[l − 1]. */
  biasNodes: BiasNodeLayout[];
  /** biasEdges[l − 1][unit]. */
  biasEdges: BiasEdgeLayout[][];
  columns: ColumnLayout[];
  /** The input layer drawn as a grid of cells (a wide input layer, inputGridShape), else null. */
  inputGrid: InputGrid | null;
  /**
   * With an input grid, bundles[j] is a band from the grid's right side to unit j of the first
   * layer, drawn instead of the grid's many edges; empty otherwise.
   */
  bundles: string[];
  /** Left end, vertical middle, of the target y_j beside each output unit. */
  targets: Point[];
  /** Center of the loss, above the output column. */
  loss: Point;
  /**
   * What a label must keep off besides the other labels: each unit with its values, the bias
   * nodes, the loss, the targets and the column names (see focusLabel).
   */
  obstacles: Box[];
}

export function layerName(layer: number, lastLayer: number): string {
  if (layer === 0) return 'input';
  return layer === lastLayer ? 'output' : `hidden ${layer}`;
}

export function edgeAt(
  layout: NetworkLayout,
  layer: number,
  from: number,
  to: number,
): EdgeLayout | undefined {
  const n = layout.sizes[layer] ?? 0;
  return layout.edges[layer - 1]?.[from * n + to];
}
