import { describe, expect, it } from 'vitest';
import {
  bandOf,
  contourLevels,
  descentArrow,
  finiteExtent,
  isoSegments,
} from '../../../src/layout/contours';

describe('contour levels', () => {
  it('are evenly spaced over a narrow range', () => {
    expect(contourLevels(1, 5, 3)).toEqual({ levels: [2, 3, 4], log: false });
  });

  it('are log-spaced when the top is over 20 times the bottom', () => {
    const { levels, log } = contourLevels(0.01, 100, 3);
    expect(log).toBe(true);
    [0.1, 1, 10].forEach((v, k) => expect(levels[k]).toBeCloseTo(v, 12));
  });

  it('are none for a flat or broken landscape', () => {
    expect(contourLevels(2, 2, 5).levels).toEqual([]);
    expect(contourLevels(NaN, NaN, 5).levels).toEqual([]);
  });

  it('put each value in its band', () => {
    expect([0.5, 2, 2.5, 9].map((v) => bandOf(v, [2, 3, 4]))).toEqual([0, 1, 1, 3]);
  });

  it('skip what is not finite when finding the extent', () => {
    expect(finiteExtent([3, Infinity, -1, NaN, 2])).toEqual([-1, 3]);
    expect(finiteExtent([NaN])).toEqual([NaN, NaN]);
  });
});

describe('iso-lines', () => {
  it('cross each cell edge where the level is, by linear interpolation', () => {
    // L = x on a 3 × 2 grid: the line L = 0.5 is the vertical x = 0.5.
    expect(isoSegments([0, 1, 2, 0, 1, 2], 3, 2, 0.5)).toEqual([0.5, 0, 0.5, 1]);
    // L = y: the line L = 0.25 is horizontal at y = 0.25 across both cells.
    expect(isoSegments([0, 0, 0, 1, 1, 1], 3, 2, 0.25)).toEqual([
      0, 0.25, 1, 0.25, 1, 0.25, 2, 0.25,
    ]);
  });

  it('closes around a minimum and leaves out cells that are not finite', () => {
    const bowl = [2, 2, 2, 2, 0, 2, 2, 2, 2];
    expect(isoSegments(bowl, 3, 3, 1).length).toBe(4 * 4);
    expect(isoSegments([0, 1, NaN, 1], 2, 2, 0.5)).toEqual([]);
  });
});

describe('the −∇ arrow', () => {
  it('points down the gradient, a quarter of the view long', () => {
    const [dx, dy] = descentArrow([3, 4], [1, 1]) as [number, number];
    expect(dx).toBeCloseTo(-0.15, 12);
    expect(dy).toBeCloseTo(-0.2, 12);
    // On unequal spans it still points along −∇ in the parameters' own units.
    const [ex, ey] = descentArrow([1, 1], [1, 10]) as [number, number];
    expect(ey / ex).toBeCloseTo(1, 12);
  });

  it('is none at a flat point', () => {
    expect(descentArrow([0, 0], [1, 1])).toBeNull();
  });
});
