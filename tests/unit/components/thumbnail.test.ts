import { describe, expect, it } from 'vitest';
import { thumbnailRgba } from '../../../src/components/training/Thumbnail';
import { cellShade, contrast } from '../../../src/training/palette';

describe('a thumbnail', () => {
  it('is gray levels row by row: the smallest value white, the largest black', () => {
    // A 2 × 2 picture of the digits' 0 … 16 scale.
    const rgba = thumbnailRgba([0, 16, 8, 4], 2, 2);
    expect(Array.from(rgba)).toEqual([
      255, 255, 255, 255, 0, 0, 0, 255, 127, 127, 127, 255, 191, 191, 191, 255,
    ]);
  });

  it('is white where every value is the same, or a value is not a number', () => {
    expect(Array.from(thumbnailRgba([3, 3], 2, 1))).toEqual([
      255, 255, 255, 255, 255, 255, 255, 255,
    ]);
    expect(Array.from(thumbnailRgba([0, NaN, 1], 3, 1)).filter((_, i) => i % 4 === 0)).toEqual([
      255, 255, 0,
    ]);
  });
});

describe("a confusion-matrix cell's shade", () => {
  it('is white at 0, the full blue (right) or orange (wrong) at 1', () => {
    expect(cellShade(0, true)).toEqual({ background: [255, 255, 255], text: [0, 0, 0] });
    expect(cellShade(1, true)).toEqual({ background: [0, 114, 178], text: [255, 255, 255] });
    expect(cellShade(1, false)).toEqual({ background: [230, 159, 0], text: [0, 0, 0] });
    expect(cellShade(2, false)).toEqual(cellShade(1, false));
  });

  it('keeps its count readable (contrast at least 4.5 : 1) at every share', () => {
    for (let i = 0; i <= 100; i++) {
      for (const right of [true, false]) {
        const { background, text } = cellShade(i / 100, right);
        expect(contrast(background, text)).toBeGreaterThanOrEqual(4.5);
      }
    }
  });
});
