import { describe, expect, it } from 'vitest';
import { inView, sameView, widenedView } from '../../../src/components/diagram/viewport';

describe('the part of the diagram in view', () => {
  it('is widened by half its size on each side and rounded out to a 200 grid', () => {
    expect(widenedView(100, 0, 500, 400)).toEqual({ x0: -200, y0: -200, x1: 800, y1: 600 });
    expect(widenedView(1000, 1000, 1400, 1200)).toEqual({ x0: 800, y0: 800, x1: 1600, y1: 1400 });
  });

  it('changes only when a pan crosses the grid', () => {
    expect(sameView(widenedView(100, 0, 500, 400), widenedView(110, 0, 510, 400))).toBe(true);
    expect(sameView(widenedView(100, 0, 500, 400), widenedView(300, 0, 700, 400))).toBe(false);
    expect(sameView(null, null)).toBe(true);
    expect(sameView(null, widenedView(0, 0, 1, 1))).toBe(false);
  });

  it('holds a unit inside it, edges included; everything is in view before the view is known', () => {
    const view = { x0: 0, y0: 0, x1: 800, y1: 600 };
    expect(inView(view, 0, 600)).toBe(true);
    expect(inView(view, 400, 300)).toBe(true);
    expect(inView(view, 801, 300)).toBe(false);
    expect(inView(view, 400, -1)).toBe(false);
    expect(inView(null, 1e6, 1e6)).toBe(true);
  });
});
