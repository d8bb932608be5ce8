import { describe, expect, it } from 'vitest';
import {
  availableFeatures,
  FEATURES,
  featureVector,
  featuresFor,
  generateDataset,
  prepareData,
  shuffledIndices,
  trainCount,
} from '../../../src/data';
import { packSamples } from '../../../src/engine';
import { points, rows } from './unpack';

describe('input features', () => {
  it('offers all seven for 2-D data, three for 1-D, none for wider data', () => {
    expect(availableFeatures(2).map((f) => f.label)).toEqual([
      'x₁',
      'x₂',
      'x₁²',
      'x₂²',
      'x₁x₂',
      'sin x₁',
      'sin x₂',
    ]);
    expect(availableFeatures(1).map((f) => f.id)).toEqual(['x1', 'x1sq', 'sinx1']);
    expect(availableFeatures(3)).toEqual([]);
  });

  it('computes the chosen features in a fixed order', () => {
    const features = featuresFor(2, ['sinx2', 'x1x2', 'x1']);
    expect(features?.map((f) => f.id)).toEqual(['x1', 'x1x2', 'sinx2']);
    expect(featureVector(features, [2, 3])).toEqual([2, 6, Math.sin(3)]);
    expect(featureVector(featuresFor(3, ['x1']), [1, 2, 3])).toEqual([1, 2, 3]);
    // x₂ features are not offered for 1-D data.
    expect(featuresFor(1, ['x2', 'x1sq'])?.map((f) => f.id)).toEqual(['x1sq']);
  });
});

describe('train/test split', () => {
  it('is a seeded permutation', () => {
    const order = shuffledIndices(50, 4);
    expect([...order].sort((a, b) => a - b)).toEqual(Array.from({ length: 50 }, (_, i) => i));
    expect(shuffledIndices(50, 4)).toEqual(order);
    expect(shuffledIndices(50, 5)).not.toEqual(order);
  });

  it('keeps at least one point on each side', () => {
    expect(trainCount(10, 0.5)).toBe(5);
    expect(trainCount(2, 0.9)).toBe(1);
    expect(trainCount(3, 0.1)).toBe(1);
  });

  it('applies the features to every point and keeps the raw coordinates', () => {
    const dataset = generateDataset('circle', { count: 100, noise: 0, seed: 2 });
    const data = prepareData(dataset, ['x1sq', 'x2sq'], 0.7, 2);
    expect(data.train.count).toBe(70);
    expect(data.test.count).toBe(30);
    expect(data.inputNames).toEqual(['x₁²', 'x₂²']);
    const raw = rows(data.trainRaw, 2);
    points(data.train).forEach((sample, s) => {
      const [x1, x2] = raw[s] as [number, number];
      expect(sample.x).toEqual([x1 * x1, x2 * x2]);
    });
    expect(prepareData(dataset, ['x1sq', 'x2sq'], 0.7, 2)).toEqual(data);
    expect(() => prepareData(dataset, [], 0.5, 1)).toThrow(/at least one input feature/);
  });
});

describe('features of named inputs', () => {
  it("are named after the header's names, and x₁, x₂ keep Playground's labels", () => {
    const named = {
      task: 'binary' as const,
      points: packSamples(
        [
          { x: [1, 2], y: [0] },
          { x: [3, 4], y: [1] },
        ],
        2,
        1,
      ),
      inputNames: ['width', 'height'],
      targetNames: ['answer'],
      domain: [
        [0, 5],
        [0, 5],
      ] as [number, number][],
    };
    const all = ['x1', 'x2', 'x1sq', 'x2sq', 'x1x2', 'sinx1', 'sinx2'] as const;
    expect(prepareData(named, all, 0.5, 1).inputNames).toEqual([
      'width',
      'height',
      'width²',
      'height²',
      'width·height',
      'sin width',
      'sin height',
    ]);
    expect(prepareData(named, all, 0.5, 1).rawNames).toEqual(['width', 'height']);
    const plain = { ...named, inputNames: ['x₁', 'x₂'] };
    expect(prepareData(plain, all, 0.5, 1).inputNames).toEqual(FEATURES.map((f) => f.label));
  });
});
