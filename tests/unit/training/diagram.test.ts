import { describe, expect, it } from 'vitest';
import { chartGeometry, decimate } from '../../../src/components/training/chartGeometry';
import {
  DIAGRAM_WIDTH,
  diagramGeometry,
  edgeBuckets,
  inputLabelWidth,
} from '../../../src/components/training/diagramGeometry';

describe('the training diagram', () => {
  it('makes room for the input names, within bounds', () => {
    expect(inputLabelWidth(2)).toBe(46);
    // Iris's "sepal length (cm)": 17 characters read whole.
    expect(inputLabelWidth(17)).toBe(121);
    expect(inputLabelWidth(60)).toBe(130);
    const g = diagramGeometry([4, 8, 3], DIAGRAM_WIDTH, inputLabelWidth(17));
    expect(g.columns[0]).toBe(121);
    expect(g.width).toBeLessThanOrEqual(DIAGRAM_WIDTH);
  });

  it('puts one column per layer, each centred, every unit its own picture', () => {
    const g = diagramGeometry([2, 4, 2, 1]);
    expect(g.nodes.map((column) => column.length)).toEqual([2, 4, 2, 1]);
    expect(g.thumb).toBe(40);
    for (const [l, column] of g.nodes.entries()) {
      for (const node of column) expect(node.x).toBe(g.columns[l]);
      const top = column[0]?.y ?? 0;
      const bottom = (column[column.length - 1]?.y ?? 0) + g.thumb;
      expect((top + bottom) / 2).toBeCloseTo(g.labelHeight + (g.height - 4 - g.labelHeight) / 2, 9);
    }
  });

  it('narrows the gaps to fit deep networks in the view, never below 20 px', () => {
    const deep = diagramGeometry([7, 16, 16, 16, 16, 16, 16, 16, 16, 10]);
    expect(deep.thumb).toBe(26);
    expect(deep.width).toBeLessThanOrEqual(DIAGRAM_WIDTH + 1);
    const gap = (deep.columns[1] as number) - (deep.columns[0] as number) - deep.thumb;
    expect(gap).toBeGreaterThanOrEqual(20);
    expect(diagramGeometry([7, 16, 16, 10], 100).columns[1]).toBe(46 + 26 + 20);
  });

  it('draws each weight once, grouped by sign and size, from unit i to unit j', () => {
    const sizes = [2, 3, 1];
    const g = diagramGeometry(sizes);
    // W¹ is 2 × 3 row-major, then W² is 3 × 1.
    const weights = Float64Array.from([0.05, -0.2, 2, -3, 0.5, NaN, 1, -1, 0]);
    const buckets = edgeBuckets(g, sizes, weights);
    const edges = buckets.reduce((n, b) => n + b.segments.length / 4, 0);
    expect(edges).toBe(8);
    const half = g.thumb / 2;
    const from = g.nodes[0]?.[1];
    const to = g.nodes[1]?.[0];
    const w10 = buckets.find((b) => b.width === 3.6 && b.color.startsWith('rgba(230'));
    expect(w10?.segments.slice(0, 4)).toEqual([
      (from?.x ?? 0) + g.thumb,
      (from?.y ?? 0) + half,
      to?.x,
      (to?.y ?? 0) + half,
    ]);
    const blue = buckets.filter((b) => b.color.startsWith('rgba(0, 114, 178'));
    expect(blue.reduce((n, b) => n + b.segments.length / 4, 0)).toBe(4);
    expect(new Set(buckets.map((b) => `${b.color}|${b.width}`)).size).toBe(buckets.length);
  });
});

describe('chart paths', () => {
  const x = (v: number) => v / 10;
  const finite = (v: number) => Number.isFinite(v);

  it('keeps short series as they are', () => {
    const points = Array.from({ length: 100 }, (_, i) => [i, i * i] as const);
    expect(decimate(points, x, finite)).toEqual(points);
  });

  it('keeps the first, lowest, highest and last point of each pixel column, in order', () => {
    const points = Array.from({ length: 1000 }, (_, i) => [i, Math.sin(i)] as const);
    const kept = decimate(points, x, finite);
    expect(kept.length).toBeLessThanOrEqual(4 * 100);
    expect(kept.length).toBeGreaterThan(200);
    expect(kept[0]).toEqual(points[0]);
    expect(kept[kept.length - 1]).toEqual(points[999]);
    for (let i = 1; i < kept.length; i++) {
      expect(kept[i]?.[0]).toBeGreaterThan(kept[i - 1]?.[0] as number);
    }
    for (let column = 0; column < 100; column++) {
      const inColumn = points.slice(column * 10, column * 10 + 10).map((p) => p[1]);
      const keptIn = kept.filter((p) => Math.floor(x(p[0])) === column).map((p) => p[1]);
      expect(Math.max(...keptIn)).toBe(Math.max(...inColumn));
      expect(Math.min(...keptIn)).toBe(Math.min(...inColumn));
    }
  });

  it('keeps gaps where a value cannot be drawn', () => {
    const points = Array.from({ length: 600 }, (_, i) => [i, i === 300 ? NaN : 1] as const);
    const kept = decimate(points, x, finite);
    expect(kept.some((p) => Number.isNaN(p[1]))).toBe(true);
  });

  it('draws a long curve with no more segments than the chart has pixels for', () => {
    const points = Array.from({ length: 2000 }, (_, i) => [i, 1 / (i + 1)] as const);
    const g = chartGeometry([{ name: 'loss', color: 'black', points }], {
      width: 340,
      height: 150,
    });
    const segments = (g.paths[0]?.d.match(/L/g) ?? []).length;
    expect(segments).toBeLessThan(4 * 340);
  });

  it('draws a lone point as a dot, since a line needs two', () => {
    const g = chartGeometry(
      [
        {
          name: 'one',
          color: 'red',
          points: [
            [0, NaN],
            [1, 0.5],
          ],
        },
        {
          name: 'two',
          color: 'blue',
          points: [
            [0, 1],
            [1, 2],
          ],
        },
      ],
      { width: 100, height: 50 },
    );
    expect(g.paths[0]?.dot).not.toBeNull();
    expect(g.paths[1]?.dot).toBeNull();
  });
});
