import { describe, expect, it } from 'vitest';
import {
  boundingBox,
  boxesOverlap,
  overlapArea,
  placeOnSegments,
  textWidth,
} from '../../../src/layout/boxes';

describe('boxes', () => {
  it('measures overlap; touching is not overlapping', () => {
    const a = { x: 0, y: 0, width: 10, height: 10 };
    expect(overlapArea(a, { x: 5, y: 5, width: 10, height: 10 })).toBe(25);
    expect(boxesOverlap(a, { x: 10, y: 0, width: 5, height: 5 })).toBe(false);
    expect(boundingBox([a, { x: -5, y: 2, width: 1, height: 20 }])).toEqual({
      x: -5,
      y: 0,
      width: 15,
      height: 22,
    });
  });

  it('estimates text generously: wider for more characters, narrow for dots', () => {
    expect(textWidth('0.3589', 10)).toBeGreaterThan(textWidth('0.35', 10));
    expect(textWidth('.', 10)).toBeLessThan(textWidth('8', 10));
    expect(textWidth('−0.01234', 10)).toBeGreaterThan(45);
  });

  it('moves a label along its segment, off obstacles and off other labels', () => {
    const segments = [
      { from: { x: 0, y: 0 }, to: { x: 100, y: 0 } },
      { from: { x: 0, y: 0 }, to: { x: 100, y: 0 } },
    ];
    const obstacle = { x: 70, y: -10, width: 30, height: 20 };
    const placed = placeOnSegments(
      segments,
      { width: 20, height: 10 },
      [0.8, 0.6, 0.4, 0.2],
      [obstacle],
    );
    expect(placed.clean).toBe(true);
    expect(placed.centers.map((c) => c.x)).toEqual([60, 40]);
    expect(boxesOverlap(placed.boxes[0]!, placed.boxes[1]!)).toBe(false);
  });

  it('says so when there is no room', () => {
    const segments = [{ from: { x: 0, y: 0 }, to: { x: 10, y: 0 } }];
    const everywhere = { x: -50, y: -50, width: 100, height: 100 };
    expect(placeOnSegments(segments, { width: 4, height: 4 }, [0.5], [everywhere]).clean).toBe(
      false,
    );
  });
});
