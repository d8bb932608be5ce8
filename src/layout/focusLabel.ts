import { BoxGrid, centeredBox, offEdgeRows, type Box, type Point } from './boxes';
import {
  LABEL_MARGIN,
  LABEL_POSITIONS,
  type BiasEdgeLayout,
  type EdgeLayout,
  type NetworkLayout,
} from './networkLayout';

/** Where a label is drawn: its center, its box, and the spot on its edge it points to if moved off. */
export interface LabelSpot {
  label: Point;
  labelBox: Box;
  leader: Point | null;
}

/** Rows above and below its edge that a raised label may move to. */
const FOCUS_ROWS = 12;

/** Per layout: what a raised label must keep off, filed for quick look-up, and the spots found. */
interface Room {
  grid: BoxGrid;
  /** The labels drawn on their edges (none in a network that labels only the raised one). */
  labelled: (EdgeLayout | BiasEdgeLayout)[];
  spots: Map<string, LabelSpot>;
}

const rooms = new WeakMap<NetworkLayout, Room>();

function roomOf(layout: NetworkLayout): Room {
  let room = rooms.get(layout);
  if (!room) {
    const labelled = layout.edgeLabels ? [...layout.edges.flat(), ...layout.biasEdges.flat()] : [];
    const boxes = [...labelled.map((e) => e.labelBox), ...layout.obstacles];
    rooms.set(layout, (room = { grid: new BoxGrid(boxes), labelled, spots: new Map() }));
  }
  return room;
}

/** The two ends of an edge's segment, center to center, as the layout placed its label on it. */
function segmentOf(layout: NetworkLayout, edge: EdgeLayout | BiasEdgeLayout) {
  const to = layout.units[edge.layer]?.['to' in edge ? edge.to : edge.unit];
  const from =
    'from' in edge ? layout.units[edge.layer - 1]?.[edge.from] : layout.biasNodes[edge.layer - 1];
  if (!from || !to) throw new Error(`No edge ${edge.layer} in this layout.`);
  return { from: from as Point, to: to as Point };
}

/**
 * Where the label of `edge` goes when it is raised (selected, or hovered) at `size`, which may be
 * wider than its room in the layout (the selected one shows more digits): its own spot if the
 * larger box fits there; else the first spot along its edge where it covers nothing (no unit, no
 * value, no other label); else the nearest free row above or below its edge, with a leader line
 * back. The box stays inside the diagram. Pure, and remembered per layout, edge and size: it is
 * worked out once when the selection changes, never while a weight is dragged.
 */
export function focusLabelSpot(
  layout: NetworkLayout,
  edge: EdgeLayout | BiasEdgeLayout,
  size: { width: number; height: number },
): LabelSpot {
  const room = roomOf(layout);
  const key = `${'from' in edge ? `w${edge.from}-${edge.to}` : `b${edge.unit}`}@${edge.layer}:${size.width}x${size.height}`;
  let spot = room.spots.get(key);
  if (!spot) room.spots.set(key, (spot = findSpot(layout, room, edge, size)));
  return spot;
}

function findSpot(
  layout: NetworkLayout,
  room: Room,
  edge: EdgeLayout | BiasEdgeLayout,
  size: { width: number; height: number },
): LabelSpot {
  const { from, to } = segmentOf(layout, edge);
  const placed = { width: size.width + 2 * LABEL_MARGIN, height: size.height + 2 * LABEL_MARGIN };
  // Its own label is hidden while it is raised: its room is free.
  const own = room.labelled.indexOf(edge);
  const inside = (b: Box) =>
    b.x >= 0 && b.y >= 0 && b.x + b.width <= layout.width && b.y + b.height <= layout.height;
  const cost = (center: Point) => {
    const box = centeredBox(center, placed.width, placed.height);
    return inside(box) ? room.grid.overlapArea(box, own) : Infinity;
  };
  const along = LABEL_POSITIONS.map((t) => ({
    x: from.x + (to.x - from.x) * t,
    y: from.y + (to.y - from.y) * t,
  }));
  const candidates: { center: Point; leader: Point | null }[] = [
    { center: edge.label, leader: edge.leader },
    ...along.map((center) => ({ center, leader: null })),
    ...offEdgeRows(placed.height, FOCUS_ROWS).flatMap((dy) =>
      along.map((p) => ({ center: { x: p.x, y: p.y + dy }, leader: p })),
    ),
  ];
  let best = candidates[0] as (typeof candidates)[number];
  let least = Infinity;
  for (const candidate of candidates) {
    const c = cost(candidate.center);
    if (c < least) [best, least] = [candidate, c];
    if (least === 0) break;
  }
  return {
    label: best.center,
    labelBox: centeredBox(best.center, size.width, size.height),
    leader: best.leader,
  };
}
