/** Axis-aligned boxes, for keeping labels off each other and off the units. */

export interface Point {
  x: number;
  y: number;
}

/** Top-left corner and size, in diagram coordinates. */
export interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

export function centeredBox(center: Point, width: number, height: number): Box {
  return { x: center.x - width / 2, y: center.y - height / 2, width, height };
}

/** Area two boxes share (0 when they only touch). */
export function overlapArea(a: Box, b: Box): number {
  const w = Math.min(a.x + a.width, b.x + b.width) - Math.max(a.x, b.x);
  const h = Math.min(a.y + a.height, b.y + b.height) - Math.max(a.y, b.y);
  return w > 0 && h > 0 ? w * h : 0;
}

export function boxesOverlap(a: Box, b: Box): boolean {
  return overlapArea(a, b) > 0;
}

export function translateBox(box: Box, dx: number, dy: number): Box {
  return { ...box, x: box.x + dx, y: box.y + dy };
}

/** The smallest box holding all of them; an empty list gives an empty box at the origin. */
export function boundingBox(boxes: readonly Box[]): Box {
  if (boxes.length === 0) return { x: 0, y: 0, width: 0, height: 0 };
  let x0 = Infinity;
  let y0 = Infinity;
  let x1 = -Infinity;
  let y1 = -Infinity;
  for (const b of boxes) {
    x0 = Math.min(x0, b.x);
    y0 = Math.min(y0, b.y);
    x1 = Math.max(x1, b.x + b.width);
    y1 = Math.max(y1, b.y + b.height);
  }
  return { x: x0, y: y0, width: x1 - x0, height: y1 - y0 };
}

const NARROW = new Set(['.', ',', ' ', ':', '(', ')', '/', '|', 'i', 'l', 'j', 't', 'f']);
const WIDE = new Set(['−', '→', '—', 'w', 'm', 'W', 'M', '∂', '+', '=']);
const SMALL = /[\u2070-\u209f\u00b9\u00b2\u00b3\u1d00-\u1dbf]/;

/**
 * Rough width of a line of text in px, without a DOM to measure it: per-character widths for a
 * wide sans-serif (DejaVu Sans, the Linux fallback; others are narrower), so the estimate errs on
 * the side of room.
 */
export function textWidth(text: string, fontSize: number): number {
  let em = 0;
  for (const c of text) {
    if (NARROW.has(c)) em += 0.33;
    else if (WIDE.has(c)) em += 0.84;
    else if (SMALL.test(c)) em += 0.45;
    else em += 0.64;
  }
  return em * fontSize;
}

/** Rows above and below its edge where a label that finds no room on it may go instead. */
const OFF_EDGE_ROWS = 8;

/**
 * Vertical offsets from its edge for a label of this height moved off it, `count` rows above and
 * as many below, nearest first: −1, +1, −2, +2… rows.
 */
export function offEdgeRows(height: number, count: number): number[] {
  const step = height + 2;
  return Array.from(
    { length: 2 * count },
    (_, m) => (m % 2 === 0 ? -1 : 1) * (Math.floor(m / 2) + 1) * step,
  );
}

/**
 * Places a label of the given size on each segment, at a fraction t of its length taken from
 * `candidates` (in order of preference), so that labels overlap neither an obstacle nor each
 * other. Greedy first, in the order given; then a few passes that move each label still in a
 * collision to its least crowded spot given all the others. `clean` is false if some overlap is
 * left, so the caller can spread the diagram out and try again.
 *
 * With `offEdge`, a label that still collides moves off its edge to the nearest free row above or
 * below one of its spots, and `anchors[k]` is that spot on the edge (for a leader line to it);
 * otherwise, and for every label left on its edge, `anchors[k]` is null.
 */
export function placeOnSegments(
  segments: readonly { from: Point; to: Point }[],
  size: { width: number; height: number },
  candidates: readonly number[],
  obstacles: readonly Box[],
  options: { repairPasses?: number; offEdge?: boolean } = {},
): { centers: Point[]; boxes: Box[]; anchors: (Point | null)[]; clean: boolean } {
  if (candidates.length === 0)
    throw new Error('placeOnSegments needs at least one candidate position.');
  const repairPasses = options.repairPasses ?? 4;
  const onEdge = (from: Point, to: Point, t: number) => ({
    x: from.x + (to.x - from.x) * t,
    y: from.y + (to.y - from.y) * t,
  });
  const spot = (center: Point, anchor: Point | null) => ({
    center,
    anchor,
    box: centeredBox(center, size.width, size.height),
  });
  const onEdgeSpots = segments.map(({ from, to }) =>
    candidates.map((t) => spot(onEdge(from, to, t), null)),
  );
  const chosen: { center: Point; anchor: Point | null; box: Box }[] = [];
  const boxes: (Box | null)[] = segments.map(() => null);
  const costOf = (k: number, box: Box) => {
    let cost = 0;
    for (const other of obstacles) cost += overlapArea(box, other);
    boxes.forEach((other, m) => {
      if (other && m !== k) cost += overlapArea(box, other);
    });
    return cost;
  };
  const best = (k: number, spots: readonly ReturnType<typeof spot>[]) => {
    let pick = spots[0] as ReturnType<typeof spot>;
    let least = Infinity;
    for (const option of spots) {
      const cost = costOf(k, option.box);
      if (cost < least) [pick, least] = [option, cost];
      if (least === 0) break;
    }
    return { pick, least };
  };
  const place = (k: number, spots: readonly ReturnType<typeof spot>[]) => {
    boxes[k] = null;
    const { pick, least } = best(k, spots);
    chosen[k] = pick;
    boxes[k] = pick.box;
    return least;
  };

  segments.forEach((_, k) => place(k, onEdgeSpots[k] ?? []));
  let clean = false;
  for (let pass = 0; pass <= repairPasses && !clean; pass++) {
    clean = true;
    segments.forEach((_, k) => {
      if (costOf(k, boxes[k] as Box) === 0) return;
      if (place(k, onEdgeSpots[k] ?? []) > 0) clean = false;
    });
  }
  if (!clean && options.offEdge) {
    const rows = offEdgeRows(size.height, OFF_EDGE_ROWS);
    segments.forEach((_, k) => {
      if (costOf(k, boxes[k] as Box) === 0) return;
      const offEdge = rows.flatMap((dy) =>
        (onEdgeSpots[k] ?? []).map((o) => spot({ x: o.center.x, y: o.center.y + dy }, o.center)),
      );
      place(k, offEdge);
    });
    clean = segments.every((_, k) => costOf(k, boxes[k] as Box) === 0);
  }
  return {
    centers: chosen.map((c) => c.center),
    boxes: boxes as Box[],
    anchors: chosen.map((c) => c.anchor),
    clean,
  };
}

/**
 * Boxes filed by the cells of a square grid, so that what a box overlaps is found among the few
 * boxes near it rather than all of them: placing one label among a large network's hundreds of
 * boxes tries hundreds of spots.
 */
export class BoxGrid {
  private readonly cells = new Map<number, number[]>();
  /** Per box, the last query that counted it (a box in several cells counts once). */
  private readonly seen: Int32Array;
  private query = 0;

  constructor(
    readonly boxes: readonly Box[],
    private readonly cell = 64,
  ) {
    this.seen = new Int32Array(boxes.length);
    boxes.forEach((box, k) => this.eachCell(box, (key) => this.cellAt(key).push(k)));
  }

  /** Total area `box` shares with the boxes, leaving out box number `skip`. */
  overlapArea(box: Box, skip = -1): number {
    const query = ++this.query;
    let sum = 0;
    this.eachCell(box, (key) => {
      for (const k of this.cells.get(key) ?? []) {
        if (k === skip || this.seen[k] === query) continue;
        this.seen[k] = query;
        sum += overlapArea(box, this.boxes[k] as Box);
      }
    });
    return sum;
  }

  private cellAt(key: number): number[] {
    let list = this.cells.get(key);
    if (!list) this.cells.set(key, (list = []));
    return list;
  }

  private eachCell(box: Box, visit: (key: number) => void): void {
    const x0 = Math.floor(box.x / this.cell);
    const x1 = Math.floor((box.x + box.width) / this.cell);
    const y0 = Math.floor(box.y / this.cell);
    const y1 = Math.floor((box.y + box.height) / this.cell);
    for (let cx = x0; cx <= x1; cx++) {
      for (let cy = y0; cy <= y1; cy++) visit(cx * 65536 + cy);
    }
  }
}
