import { describe, expect, it } from 'vitest';
import { boxesOverlap, centeredBox, type Box, type Point } from '../../../src/layout/boxes';
import {
  METRICS,
  SMALL_LAYER,
  edgeAt,
  edgeLabelSize,
  networkLayout,
  type NetworkLayout,
} from '../../../src/layout/networkLayout';

const LARGEST = [8, 16, 16, 16, 16, 16, 16, 16, 16, 10];
const SMALL_SHAPES = [
  [2, 2, 2],
  [1, 1, 1, 1],
  [2, 2, 1],
  [3, 3, 2, 1],
  [2, 4, 3],
  [4, 4, 4, 4],
];

/** Start and end of a straight path "Mx,yLx,y". */
function endpoints(path: string): [Point, Point] {
  const match = /^M(-?[\d.]+),(-?[\d.]+)L(-?[\d.]+),(-?[\d.]+)$/.exec(path);
  if (!match) throw new Error(`Not a straight path: ${path}`);
  const [x1, y1, x2, y2] = match.slice(1).map(Number) as [number, number, number, number];
  return [
    { x: x1, y: y1 },
    { x: x2, y: y2 },
  ];
}

const distance = (a: Point, b: Point) => Math.hypot(a.x - b.x, a.y - b.y);

/** Everything a label must stay off: unit circles, their values, bias nodes, the loss. */
function obstacles(layout: NetworkLayout): { name: string; box: Box }[] {
  const r = METRICS.unitRadius;
  return [
    ...layout.units.flat().flatMap((u) => [
      { name: `circle ${u.layer}-${u.unit}`, box: centeredBox(u, 2 * r, 2 * r) },
      { name: `values ${u.layer}-${u.unit}`, box: u.valueBox },
    ]),
    ...layout.biasNodes.map((b) => ({
      name: `bias node ${b.layer}`,
      box: centeredBox(b, b.size, b.size),
    })),
  ];
}

function labels(layout: NetworkLayout): { name: string; box: Box }[] {
  return [
    ...layout.edges
      .flat()
      .map((e) => ({ name: `w ${e.layer}-${e.from}-${e.to}`, box: e.labelBox })),
    ...layout.biasEdges.flat().map((e) => ({ name: `b ${e.layer}-${e.unit}`, box: e.labelBox })),
  ];
}

function collisions(layout: NetworkLayout): string[] {
  const found: string[] = [];
  const all = labels(layout);
  all.forEach((a, i) => {
    for (const b of all.slice(i + 1))
      if (boxesOverlap(a.box, b.box)) found.push(`${a.name} × ${b.name}`);
    for (const b of obstacles(layout))
      if (boxesOverlap(a.box, b.box)) found.push(`${a.name} × ${b.name}`);
  });
  return found;
}

const inside = (layout: NetworkLayout, box: Box) =>
  box.x >= 0 &&
  box.y >= 0 &&
  box.x + box.width <= layout.width &&
  box.y + box.height <= layout.height;

describe('networkLayout', () => {
  it('places every unit, edge, bias node and bias edge of the 2-2-2 network', () => {
    const layout = networkLayout([2, 2, 2]);
    expect(layout.units.map((column) => column.length)).toEqual([2, 2, 2]);
    expect(layout.edges.map((column) => column.length)).toEqual([4, 4]);
    expect(layout.biasNodes.map((b) => b.layer)).toEqual([1, 2]);
    expect(layout.biasEdges.map((column) => column.map((e) => e.unit))).toEqual([
      [0, 1],
      [0, 1],
    ]);
    expect(layout.columns.map((c) => c.name)).toEqual(['input', 'hidden 1', 'output']);
    expect(layout.targets).toHaveLength(2);
    expect(layout.edgeLabels).toBe(true);
  });

  it('names the layers input, hidden 1…, output', () => {
    expect(networkLayout([3, 1]).columns.map((c) => c.name)).toEqual(['input', 'output']);
    expect(networkLayout([1, 2, 3, 1]).columns.map((c) => c.name)).toEqual([
      'input',
      'hidden 1',
      'hidden 2',
      'output',
    ]);
  });

  it('finds an edge by layer, from and to', () => {
    const layout = networkLayout([3, 2, 4]);
    for (let l = 1; l <= 2; l++) {
      const [nPrev, n] = [layout.sizes[l - 1] as number, layout.sizes[l] as number];
      for (let i = 0; i < nPrev; i++)
        for (let j = 0; j < n; j++)
          expect(edgeAt(layout, l, i, j)).toMatchObject({ layer: l, from: i, to: j });
    }
    expect(edgeAt(layout, 3, 0, 0)).toBeUndefined();
  });

  it('draws each edge from the rim of its source to the rim of its target', () => {
    const layout = networkLayout([2, 3, 2]);
    const r = METRICS.unitRadius;
    for (const edge of layout.edges.flat()) {
      const [start, end] = endpoints(edge.path);
      const source = layout.units[edge.layer - 1]?.[edge.from] as Point;
      const target = layout.units[edge.layer]?.[edge.to] as Point;
      expect(distance(start, source)).toBeCloseTo(r, 1);
      expect(distance(end, target)).toBeCloseTo(r, 1);
    }
    for (const edge of layout.biasEdges.flat()) {
      const [start] = endpoints(edge.path);
      const node = layout.biasNodes[edge.layer - 1] as Point & { size: number };
      expect(distance(start, node)).toBeCloseTo(node.size / 2, 1);
    }
  });

  it('puts each label on its own edge', () => {
    const layout = networkLayout([2, 2, 2]);
    for (const edge of layout.edges.flat()) {
      const a = layout.units[edge.layer - 1]?.[edge.from] as Point;
      const b = layout.units[edge.layer]?.[edge.to] as Point;
      const cross = (b.x - a.x) * (edge.label.y - a.y) - (b.y - a.y) * (edge.label.x - a.x);
      expect(Math.abs(cross) / distance(a, b)).toBeLessThan(0.05);
      expect(edge.label.x).toBeGreaterThan(a.x);
      expect(edge.label.x).toBeLessThan(b.x);
    }
  });

  it.each(SMALL_SHAPES.flatMap((sizes) => [4, 6, 8].map((digits) => [sizes, digits] as const)))(
    'labels every edge of %j at %i digits without any overlap',
    (sizes, digits) => {
      const layout = networkLayout(sizes, { digits });
      expect(layout.edgeLabels).toBe(true);
      expect(collisions(layout)).toEqual([]);
      for (const { box } of labels(layout)) expect(box.width).toBe(edgeLabelSize(digits).width);
    },
  );

  it('keeps the classic 2-2-2 network compact enough to read without zooming', () => {
    const layout = networkLayout([2, 2, 2]);
    expect(layout.width).toBeLessThan(760);
    expect(layout.height).toBeLessThan(400);
  });

  it('keeps everything inside the computed size', () => {
    for (const sizes of [...SMALL_SHAPES, LARGEST]) {
      const layout = networkLayout(sizes);
      for (const { box } of [...obstacles(layout), ...(layout.edgeLabels ? labels(layout) : [])])
        expect(inside(layout, box), `${sizes.join('-')}`).toBe(true);
      for (const t of layout.targets) expect(inside(layout, centeredBox(t, 0, 0))).toBe(true);
      expect(inside(layout, centeredBox(layout.loss, 0, 0))).toBe(true);
      for (const c of layout.columns) expect(c.nameY + 14).toBeLessThan(layout.height);
    }
  });

  it('never squeezes a large network: it grows, and pan and zoom do the rest', () => {
    const layout = networkLayout(LARGEST);
    expect(layout.edgeLabels).toBe(false);
    expect(layout.edges.flat()).toHaveLength(8 * 16 + 7 * 16 * 16 + 16 * 10);
    for (const column of layout.units) {
      column.slice(1).forEach((unit, k) => {
        expect(unit.y - (column[k] as Point).y).toBe(METRICS.unitGap);
      });
    }
    expect(layout.height).toBeGreaterThan(15 * METRICS.unitGap);
    expect(layout.width).toBeGreaterThan(9 * METRICS.columnGap);
    // No unit's circle or values run into another's.
    const blocks = obstacles(layout);
    blocks.forEach((a, i) => {
      for (const b of blocks.slice(i + 1))
        expect(boxesOverlap(a.box, b.box), `${a.name} × ${b.name}`).toBe(false);
    });
  });

  it('labels every edge only while every layer is small', () => {
    expect(networkLayout([SMALL_LAYER, SMALL_LAYER, 2]).edgeLabels).toBe(true);
    expect(networkLayout([SMALL_LAYER + 1, 2, 2]).edgeLabels).toBe(false);
    expect(networkLayout([SMALL_LAYER + 1, 2, 2], { edgeLabels: true }).edgeLabels).toBe(true);
  });

  it('makes room for more digits', () => {
    const four = networkLayout([2, 2, 2], { digits: 4 });
    const eight = networkLayout([2, 2, 2], { digits: 8 });
    expect(edgeLabelSize(8).width).toBeGreaterThan(edgeLabelSize(4).width);
    expect(eight.width).toBeGreaterThan(four.width);
  });

  it('is a pure function of the sizes and options', () => {
    expect(networkLayout([3, 4, 2], { digits: 5 })).toEqual(
      networkLayout([3, 4, 2], { digits: 5 }),
    );
  });

  it('refuses a shape that is not a network', () => {
    expect(() => networkLayout([2])).toThrow();
    expect(() => networkLayout([2, 0, 1])).toThrow();
    expect(() => networkLayout([2, 1.5, 1])).toThrow();
  });
});
