import type { GraphNode, GraphShape } from '../engine';
import { textWidth, type Box, type Point } from './boxes';
import { widestNumber } from './networkLayout';

/**
 * Where each node and edge of the computation graph goes. The graph is layered by construction,
 * so no general layout is needed: columns in the order of the pass (the inputs; per layer the
 * weights, the products, the sums, the bias adds, the activations; the loss's terms, the sample's
 * loss, the batch mean), and rows grouped by unit: a unit drawn whole takes a row per product and
 * one for its bias, its sum, z and a centred on them; a collapsed unit takes one row. A pure
 * function of the shape (and the room the text needs), memoized: an edit never moves anything.
 */

export const GRAPH_METRICS = {
  fontSize: 11,
  lineHeight: 13,
  /** Between the nodes of a column. */
  rowGap: 10,
  /** Between columns: room for the edges to bend and for a local derivative's label. */
  columnGap: 58,
  padding: 14,
  /** Inside a node's frame, left and right. */
  inset: 5,
} as const;

export interface GraphNodeLayout extends Box {
  /** Which column (0 = the inputs), for following the pass. */
  column: number;
}

export interface GraphEdgeLayout {
  /** The path from the right of its source to the left of its target. */
  d: string;
  /** Its middle, where its local derivative is written. */
  mid: Point;
}

export interface GraphLayout {
  width: number;
  height: number;
  nodes: GraphNodeLayout[];
  edges: GraphEdgeLayout[];
  /** x of each column's left side. */
  columns: number[];
}

/** Three lines: the node's name, its value, ∂L/∂node. */
export const NODE_LINES = 3;

/** A node's size for `digits` significant digits and a name `nameWidth` px wide at most. */
export function graphNodeSize(
  digits: number,
  nameWidth: number,
): { width: number; height: number } {
  const { fontSize, lineHeight, inset } = GRAPH_METRICS;
  const number = Math.ceil(textWidth(`∂ ${widestNumber(digits)}`, fontSize));
  return {
    width: Math.max(number, Math.min(nameWidth, 2 * number)) + 2 * inset,
    height: NODE_LINES * lineHeight + 8,
  };
}

type ColumnKind = 'weight' | 'product' | 'sum' | 'addBias' | 'activation';

const round = (v: number) => Math.round(v * 10) / 10;

function layout(shape: GraphShape, digits: number, nameWidth: number): GraphLayout {
  const { nodes, edges, sizes } = shape;
  const L = sizes.length - 1;
  const size = graphNodeSize(digits, nameWidth);
  const row = size.height + GRAPH_METRICS.rowGap;

  // Columns: which ones each layer has, in order.
  const columnOf = new Map<string, number>();
  let columnCount = 0;
  const column = (key: string) => {
    if (!columnOf.has(key)) columnOf.set(key, columnCount++);
    return columnOf.get(key) as number;
  };
  column('inputs');
  for (let l = 1; l <= L; l++) {
    const anyWhole = shape.expanded[l - 1]?.includes(true) ?? false;
    const kinds: ColumnKind[] = anyWhole
      ? [
          'weight',
          'product',
          ...((sizes[l - 1] as number) > 1 ? ['sum' as const] : []),
          'addBias',
          'activation',
        ]
      : ['activation'];
    for (const kind of kinds) column(`${kind}:${l}`);
  }
  column('terms');
  column('loss');
  if (shape.samples > 1) column('mean');

  // Rows: each unit's slot in its layer, in rows (fractions allowed).
  const slotTop: number[][] = [];
  const centre: number[][] = [];
  const heights: number[] = [sizes[0] as number];
  for (let l = 1; l <= L; l++) {
    const nPrev = sizes[l - 1] as number;
    let top = 0;
    const tops: number[] = [];
    const centres: number[] = [];
    for (let j = 0; j < (sizes[l] as number); j++) {
      const whole = shape.expanded[l - 1]?.[j] ?? false;
      // Whole: a row per product and one for the bias, z and a in the middle of them.
      const middle = whole ? nPrev / 2 : 0;
      let rows = whole ? nPrev + 1 : 1;
      // The output's target goes a row under its a.
      if (l === L) rows = Math.max(rows, middle + 2);
      tops.push(top);
      centres.push(top + middle);
      top += rows;
    }
    slotTop.push(tops);
    centre.push(centres);
    heights.push(top);
  }
  const tallest = Math.max(...heights, shape.samples > 1 ? 2 : 1);
  const offset = (l: number) => (tallest - (heights[l] as number)) / 2;

  const positions: { column: number; row: number }[] = nodes.map(() => ({ column: 0, row: 0 }));
  const termRows: number[] = [];
  nodes.forEach((node: GraphNode, k) => {
    const { layer: l, unit: j, from: i } = node;
    const top = l >= 1 && l <= L ? (slotTop[l - 1]?.[j] ?? 0) + offset(l) : 0;
    const mid = l >= 1 && l <= L ? (centre[l - 1]?.[j] ?? 0) + offset(l) : 0;
    const outputMid = (centre[L - 1]?.[j] ?? 0) + offset(L);
    const nPrev = sizes[l - 1] ?? 1;
    let at: { column: number; row: number };
    switch (node.kind) {
      case 'input':
        at = { column: 0, row: j + offset(0) };
        break;
      case 'weight':
        at = { column: column(`weight:${l}`), row: top + i };
        break;
      case 'product':
        at = { column: column(`product:${l}`), row: top + i };
        break;
      case 'sum':
        at = { column: column(`sum:${l}`), row: mid };
        break;
      case 'bias':
        // Just before its add: under the sum, or under the products when there is no sum.
        at = { column: column(`${nPrev > 1 ? 'sum' : 'product'}:${l}`), row: top + nPrev };
        break;
      case 'addBias':
        at = { column: column(`addBias:${l}`), row: mid };
        break;
      case 'activation':
      case 'unit':
        at = { column: column(`activation:${l}`), row: mid };
        break;
      case 'target':
        at = { column: column(`activation:${L}`), row: outputMid + 1 };
        break;
      case 'lossTerm':
        at = { column: column('terms'), row: outputMid + 0.5 };
        termRows.push(at.row);
        break;
      case 'sampleLoss': {
        const first = termRows[0] ?? 0;
        const last = termRows[termRows.length - 1] ?? 0;
        at = {
          column: column('loss'),
          row: shape.samples > 1 ? (first + last) / 2 - 0.5 : (first + last) / 2,
        };
        break;
      }
      case 'otherSamples': {
        const above = positions[k - 1]?.row ?? 0;
        at = { column: column('loss'), row: above + 1 };
        break;
      }
      case 'batchMean':
        at = { column: column('mean'), row: (positions[k - 2]?.row ?? 0) + 0.5 };
        break;
    }
    positions[k] = at;
  });

  // Rows can go above 0 or past the tallest (the loss's rows): shift everything to start at 0.
  const rows = positions.map((p) => p.row);
  const minRow = Math.min(...rows);
  const maxRow = Math.max(...rows);
  const pad = GRAPH_METRICS.padding;
  const columns = Array.from(
    { length: columnCount },
    (_, c) => pad + c * (size.width + GRAPH_METRICS.columnGap),
  );
  const laid: GraphNodeLayout[] = positions.map((p) => ({
    column: p.column,
    x: columns[p.column] as number,
    y: round(pad + (p.row - minRow) * row),
    width: size.width,
    height: size.height,
  }));
  const edgeLayouts: GraphEdgeLayout[] = edges.map((e) => {
    const a = laid[e.from] as GraphNodeLayout;
    const b = laid[e.to] as GraphNodeLayout;
    const x1 = a.x + a.width;
    const y1 = a.y + a.height / 2;
    const x2 = b.x;
    const y2 = b.y + b.height / 2;
    const bend = Math.max(16, (x2 - x1) / 2);
    return {
      d: `M${round(x1)},${round(y1)}C${round(x1 + bend)},${round(y1)} ${round(x2 - bend)},${round(y2)} ${round(x2)},${round(y2)}`,
      mid: { x: round((x1 + x2) / 2), y: round((y1 + y2) / 2) },
    };
  });
  return {
    width: Math.ceil((columns[columnCount - 1] ?? 0) + size.width + pad),
    height: Math.ceil(2 * pad + (maxRow - minRow) * row + size.height),
    nodes: laid,
    edges: edgeLayouts,
    columns,
  };
}

const cache = new WeakMap<GraphShape, Map<string, GraphLayout>>();

/** The layout of a graph's shape, memoized on the shape, the digits and the widest name. */
export function graphLayout(shape: GraphShape, digits: number, nameWidth: number): GraphLayout {
  let byRoom = cache.get(shape);
  if (!byRoom) cache.set(shape, (byRoom = new Map()));
  const key = `${digits}:${Math.ceil(nameWidth)}`;
  let result = byRoom.get(key);
  if (!result) {
    result = layout(shape, digits, nameWidth);
    byRoom.set(key, result);
  }
  return result;
}
