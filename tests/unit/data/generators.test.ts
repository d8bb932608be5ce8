import { describe, expect, it } from 'vitest';
import { DATASETS, generateDataset, PLANE, type DatasetKind } from '../../../src/data';
import { points } from './unpack';

const options = { count: 200, noise: 0.1, seed: 7 };

describe('generated datasets', () => {
  it.each(DATASETS.map((d) => [d.kind, d.task] as const))(
    '%s is seeded, sized and labelled for its task',
    (kind, task) => {
      const a = generateDataset(kind, options);
      const b = generateDataset(kind, options);
      expect(a).toEqual(b);
      expect(a.points.count).toBe(200);
      expect(a.task).toBe(task);
      expect(generateDataset(kind, { ...options, seed: 8 }).points).not.toEqual(a.points);
      for (const p of points(a.points)) {
        expect(p.x).toHaveLength(a.inputNames.length);
        expect(p.y).toHaveLength(a.targetNames.length);
        for (const v of [...p.x, ...p.y]) expect(Number.isFinite(v)).toBe(true);
        if (task === 'binary') expect([0, 1]).toContain(p.y[0]);
        if (task === 'multiclass') expect(p.y.reduce((s, v) => s + v, 0)).toBe(1);
      }
    },
  );

  it('balances the classes', () => {
    const spirals = generateDataset('threeSpirals', { ...options, count: 301 });
    const perClass = [0, 1, 2].map(
      (k) => points(spirals.points).filter((p) => p.y[k] === 1).length,
    );
    expect(perClass).toEqual([101, 100, 100]);
    const circle = generateDataset('circle', { count: 100, noise: 0, seed: 1 });
    expect(points(circle.points).filter((p) => p.y[0] === 1)).toHaveLength(50);
  });

  it('labels clean data by its rule', () => {
    const clean = (kind: DatasetKind) => generateDataset(kind, { count: 300, noise: 0, seed: 3 });
    for (const p of points(clean('circle').points)) {
      expect(p.y[0]).toBe(Math.hypot(p.x[0] as number, p.x[1] as number) < 2.5 ? 1 : 0);
    }
    for (const p of points(clean('xor').points)) {
      expect(p.y[0]).toBe((p.x[0] as number) * (p.x[1] as number) >= 0 ? 1 : 0);
    }
    for (const p of points(clean('plane').points)) {
      expect(p.y[0]).toBeCloseTo(((p.x[0] as number) + (p.x[1] as number)) / 10, 12);
    }
    for (const p of points(clean('curve').points)) expect(p.y[0]).toBe(Math.sin(p.x[0] as number));
  });

  it('keeps 2-D points in the plane and the curve in 1-D', () => {
    const xor = generateDataset('xor', options);
    expect(xor.domain).toEqual([PLANE, PLANE]);
    for (const p of points(xor.points))
      for (const v of p.x) expect(Math.abs(v)).toBeLessThanOrEqual(6);
    expect(generateDataset('curve', options).inputNames).toEqual(['x₁']);
  });

  it('refuses impossible settings', () => {
    expect(() => generateDataset('xor', { ...options, count: 1 })).toThrow(/at least 2/);
    expect(() => generateDataset('xor', { ...options, noise: -1 })).toThrow(/Noise/);
  });
});
