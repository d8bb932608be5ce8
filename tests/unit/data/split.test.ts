import { describe, expect, it } from 'vitest';
import {
  generateDataset,
  prepareData,
  shuffledIndices,
  trainCount,
  type DatasetKind,
} from '../../../src/data';
import { points, rows } from './unpack';

describe('train/test split', () => {
  const circle = generateDataset('circle', { count: 200, noise: 0.1, seed: 9 });

  it('is a seeded permutation: the same seed, the same split', () => {
    const order = shuffledIndices(50, 4);
    expect(order.slice().sort((a, b) => a - b)).toEqual(Array.from({ length: 50 }, (_, i) => i));
    expect(shuffledIndices(50, 4)).toEqual(order);
    expect(shuffledIndices(50, 5)).not.toEqual(order);
    const a = prepareData(circle, ['x1', 'x2'], 0.7, 9);
    expect(prepareData(circle, ['x1', 'x2'], 0.7, 9)).toEqual(a);
    expect(prepareData(circle, ['x1', 'x2'], 0.7, 10).train).not.toEqual(a.train);
  });

  it('puts every point in exactly one of the two sets, in the asked share', () => {
    const data = prepareData(circle, ['x1', 'x2'], 0.7, 9);
    expect(data.train.count).toBe(140);
    expect(data.test.count).toBe(60);
    const key = (x: number[]) => x.join();
    const all = [...rows(data.trainRaw, 2), ...rows(data.testRaw, 2)].map(key).sort();
    expect(all).toEqual(
      points(circle.points)
        .map((p) => key(p.x))
        .sort(),
    );
    // Each test point knows where it is in the dataset.
    const testRaw = rows(data.testRaw, 2);
    expect(data.testRows).toHaveLength(60);
    data.testRows.forEach((row, i) => expect(points(circle.points)[row]?.x).toEqual(testRaw[i]));
    expect(new Set([...data.testRows]).size).toBe(60);
    expect(trainCount(10, 0.01)).toBe(1);
    expect(trainCount(10, 0.99)).toBe(9);
  });

  it('computes the chosen features of each raw point, in a fixed order', () => {
    const data = prepareData(circle, ['sinx2', 'x1x2', 'x1'], 0.5, 9);
    expect(data.inputNames).toEqual(['x₁', 'x₁x₂', 'sin x₂']);
    const raw = rows(data.trainRaw, 2);
    points(data.train).forEach((sample, i) => {
      const [x1, x2] = raw[i] as [number, number];
      expect(sample.x).toEqual([x1, x1 * x2, Math.sin(x2)]);
    });
    expect(() => prepareData(circle, [], 0.5, 9)).toThrow(/at least one/);
  });

  it.each<DatasetKind>(['curve'])('gives 1-D data only features of x₁ (%s)', (kind) => {
    const curve = generateDataset(kind, { count: 40, noise: 0, seed: 2 });
    const data = prepareData(curve, ['x1', 'x2', 'x1sq', 'sinx1', 'sinx2'], 0.5, 2);
    expect(data.inputNames).toEqual(['x₁', 'x₁²', 'sin x₁']);
    expect(data.rawInputs).toBe(1);
  });
});
