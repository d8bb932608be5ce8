import { describe, expect, it } from 'vitest';
import { paintClassThumbnails, paintOutput, paintThumbnails } from '../../../src/training/paint';
import { BLUE, classColor, ORANGE, putClass } from '../../../src/training/palette';

const rgb = (image: Uint8ClampedArray, pixel: number) =>
  Array.from(image.slice(pixel * 4, pixel * 4 + 3));
const WHITE = [255, 255, 255];

/** 0.6 of the way from white to the color, as the diverging scale's ends are. */
const end = (c: readonly number[]) => c.map((v) => Math.round(255 + (v - 255) * 0.6));

describe('painting the grid', () => {
  it('draws P(class 1) blue near 1, orange near 0, white at ½', () => {
    const image = paintOutput([Float64Array.from([1, 0, 0.5])], 3, 'binary', 0, 1);
    expect(rgb(image, 0)).toEqual(end(BLUE));
    expect(rgb(image, 1)).toEqual(end(ORANGE));
    expect(rgb(image, 2)).toEqual(WHITE);
    expect(image[3]).toBe(255);
  });

  it('draws regression outputs on the targets’ range', () => {
    const image = paintOutput([Float64Array.from([10, 0, 5])], 3, 'regression', 5, 5);
    expect(rgb(image, 0)).toEqual(end(BLUE));
    expect(rgb(image, 1)).toEqual(end(ORANGE));
    expect(rgb(image, 2)).toEqual(WHITE);
  });

  it('colors each point by the class picked, deeper the surer', () => {
    const out = [
      Float64Array.from([0.9, 0.1]),
      Float64Array.from([0.05, 0.3]),
      Float64Array.from([0.05, 0.6]),
    ];
    const image = paintOutput(out, 2, 'multiclass', 0, 1);
    // Confidence: how far the winner is from a uniform guess, (a − ⅓) / (1 − ⅓).
    const expected = new Uint8ClampedArray(8);
    putClass(expected, 0, 0, (0.9 - 1 / 3) / (2 / 3), 3);
    putClass(expected, 1, 2, (0.6 - 1 / 3) / (2 / 3), 3);
    expect(Array.from(image)).toEqual(Array.from(expected));
    const white = (c: number[]) => c.reduce((a, v) => a + (255 - v), 0);
    expect(white(rgb(image, 0))).toBeGreaterThan(white(rgb(image, 1)));
  });

  it('samples each thumbnail from the cell centres of the grid, column by column', () => {
    const R = 4;
    const T = 2;
    // Column value = its own index on the grid, so the sampled positions can be read back.
    const column = Float64Array.from({ length: R * R }, (_, p) => p);
    const seen: number[] = [];
    const image = paintThumbnails([column], R, T, [0], [1 / 15]);
    for (let pixel = 0; pixel < T * T; pixel++) {
      const [r] = rgb(image, pixel);
      seen.push(r as number);
    }
    // stride 2, offset 1: grid points 5, 7, 13, 15 — increasingly blue (less red).
    expect(seen.slice().sort((a, b) => b - a)).toEqual(seen);
    const one = paintThumbnails([Float64Array.from({ length: 16 }, () => 0.75)], R, T, [0.5], [2]);
    expect(rgb(one, 0)).toEqual(
      rgb(paintOutput([Float64Array.from([0.75])], 1, 'binary', 0, 1), 0),
    );
  });

  it('draws a class’s probability in its own hue', () => {
    const image = paintClassThumbnails([Float64Array.from({ length: 4 }, () => 1)], 2, 1);
    const [r, g, b] = classColor(0, 1);
    expect(rgb(image, 0)).toEqual([r, g, b].map((v) => Math.round(255 + (v - 255) * 0.6)));
  });
});
