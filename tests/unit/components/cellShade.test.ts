import { describe, expect, it } from 'vitest';
import { cellShade, contrast } from '../../../src/training/palette';

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
