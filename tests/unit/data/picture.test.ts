import { describe, expect, it } from 'vitest';
import { pictureShapeOf } from '../../../src/data';

const grid = (h: number, w: number) =>
  Array.from({ length: h * w }, (_, i) => `pixel_${Math.floor(i / w)}_${i % w}`);

describe('pictures as inputs', () => {
  it('reads pixel_<row>_<column> in reading order as a width × height picture', () => {
    expect(pictureShapeOf(grid(8, 8))).toEqual({ width: 8, height: 8 });
    expect(pictureShapeOf(grid(4, 6))).toEqual({ width: 6, height: 4 });
  });

  it('reads pixel0 … pixel<n−1> as a square picture', () => {
    const mnist = Array.from({ length: 784 }, (_, i) => `pixel${i}`);
    expect(pictureShapeOf(mnist)).toEqual({ width: 28, height: 28 });
    expect(pictureShapeOf(mnist.slice(0, 783))).toBeNull();
  });

  it('refuses anything else: other names, a gap, another order, too few pixels', () => {
    expect(
      pictureShapeOf(['sepal length (cm)', 'sepal width (cm)', 'petal length', 'petal width']),
    ).toBeNull();
    const swapped = grid(8, 8);
    [swapped[1], swapped[2]] = [swapped[2] as string, swapped[1] as string];
    expect(pictureShapeOf(swapped)).toBeNull();
    expect(pictureShapeOf(grid(8, 8).slice(1))).toBeNull();
    expect(pictureShapeOf(grid(3, 3))).toBeNull();
    expect(pictureShapeOf([...grid(4, 4).slice(0, 15), 'label'])).toBeNull();
  });
});
