import { describe, expect, it } from 'vitest';
import {
  boxesOverlap,
  centeredBox,
  textWidth,
  type Box,
  type Point,
} from '../../../src/layout/boxes';
import {
  LABEL_PADDING,
  METRICS,
  edgeLabelSize,
  networkLayout,
  valueWidth,
  type NetworkLayout,
} from '../../../src/layout/networkLayout';
import { formatNumber } from '../../../src/math/format';
import { fitLength } from '../../../src/components/diagram/diagramText';

/** Every label of the layout and everything it must stay off, named for the failure message. */
function collisions(layout: NetworkLayout): string[] {
  const r = METRICS.unitRadius;
  const labels = [
    ...layout.edges
      .flat()
      .map((e) => ({ name: `w ${e.layer}-${e.from}-${e.to}`, box: e.labelBox })),
    ...layout.biasEdges.flat().map((e) => ({ name: `b ${e.layer}-${e.unit}`, box: e.labelBox })),
  ];
  const obstacles: { name: string; box: Box }[] = [
    ...layout.units.flat().flatMap((u) => [
      { name: `circle ${u.layer}-${u.unit}`, box: centeredBox(u, 2 * r, 2 * r) },
      { name: `values ${u.layer}-${u.unit}`, box: u.valueBox },
    ]),
    ...layout.biasNodes.map((b) => ({
      name: `bias ${b.layer}`,
      box: centeredBox(b, b.size, b.size),
    })),
    ...layout.targets.map((t, j) => ({
      name: `y ${j}`,
      box: { x: t.x, y: t.y - 7, width: 60, height: 14 },
    })),
    { name: 'loss', box: centeredBox(layout.loss, 90, 18) },
  ];
  const found: string[] = [];
  labels.forEach((a, i) => {
    for (const b of [...labels.slice(i + 1), ...obstacles])
      if (boxesOverlap(a.box, b.box)) found.push(`${a.name} × ${b.name}`);
  });
  return found;
}

/** Distance from p to the segment a–b. */
function offSegment(p: Point, a: Point, b: Point): number {
  const dx = b.x - a.x;
  const dy = b.y - a.y;
  const t = Math.max(0, Math.min(1, ((p.x - a.x) * dx + (p.y - a.y) * dy) / (dx * dx + dy * dy)));
  return Math.hypot(p.x - (a.x + t * dx), p.y - (a.y + t * dy));
}

describe('room for every label', () => {
  it.each([
    [[1, 1, 1, 1], 4],
    [[2, 2, 2], 8],
    [[3, 4, 4, 2], 4],
    [[3, 4, 4, 2], 8],
    [[2, 3, 3], 6],
    [[4, 4, 4, 4, 4, 4, 4, 4, 4, 4], 4],
  ] as const)('%j at %i digits: no label runs into another or into a unit', (sizes, digits) => {
    const layout = networkLayout(sizes, { digits });
    expect(layout.edgeLabels).toBe(true);
    expect(collisions(layout)).toEqual([]);
  });

  it('moves a label with no room on its edge beside it, with a leader line to its spot', () => {
    // Eight units a side, every edge labelled: more labels than the widest spacing holds on them.
    const layout = networkLayout([8, 8, 2], { edgeLabels: true });
    const all = [...layout.edges.flat(), ...layout.biasEdges.flat()];
    const led = all.filter((e) => e.leader !== null);
    expect(led.length).toBeGreaterThan(0);
    expect(collisions(layout)).toEqual([]);
    for (const edge of led) {
      const [a, b] = endpoints(edge.path);
      expect(offSegment(edge.leader as Point, a, b)).toBeLessThan(0.5);
      expect(offSegment(edge.label, a, b)).toBeGreaterThan(edge.labelBox.height / 2);
    }
    // The 2-2-2 network needs none.
    const classic = networkLayout([2, 2, 2]);
    expect([...classic.edges.flat(), ...classic.biasEdges.flat()].every((e) => !e.leader)).toBe(
      true,
    );
  });

  it('fits a small gradient at full width, and squeezes only a rarer wider one', () => {
    for (const digits of [4, 5, 6, 8]) {
      const room = edgeLabelSize(digits).width - LABEL_PADDING;
      const gradient = `∂L/∂w ${formatNumber(-0.00123456789, digits)}`;
      expect(fitLength(gradient, METRICS.labelFontSize, room)).toBeUndefined();
      expect(
        textWidth(`δ ${formatNumber(-0.00123456789, digits)}`, METRICS.fontSize),
      ).toBeLessThanOrEqual(valueWidth(digits));
      const tiny = `∂L/∂w ${formatNumber(-0.000123456789, digits)}`;
      expect(fitLength(tiny, METRICS.labelFontSize, room)).toBe(room);
    }
  });
});

function endpoints(path: string): [Point, Point] {
  const match = /^M(-?[\d.]+),(-?[\d.]+)L(-?[\d.]+),(-?[\d.]+)$/.exec(path);
  if (!match) throw new Error(`Not a straight path: ${path}`);
  const [x1, y1, x2, y2] = match.slice(1).map(Number) as [number, number, number, number];
  return [
    { x: x1, y: y1 },
    { x: x2, y: y2 },
  ];
}
