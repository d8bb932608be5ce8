import { describe, expect, it } from 'vitest';
import { inView, roundedView, sameView, shownRect } from '../../../src/components/diagram/viewport';

describe('the part of the diagram in view', () => {
  const whole = { width: 1000, height: 500 };
  const identity = { k: 1, x: 0, y: 0 };

  it('is the viewBox when the SVG shows all of it at the identity zoom', () => {
    expect(shownRect({ width: 1000, height: 500, clip: null }, whole, identity)).toEqual({
      x0: 0,
      y0: 0,
      x1: 1000,
      y1: 500,
    });
  });

  it('follows the zoom: at scale 2 panned by (−400, −100) it is the 500 × 250 from (200, 50)', () => {
    const rect = shownRect({ width: 500, height: 250, clip: null }, whole, {
      k: 2,
      x: -400,
      y: -100,
    });
    expect(rect).toEqual({ x0: 200, y0: 50, x1: 700, y1: 300 });
  });

  it('counts what an SVG wider than its viewBox shows beside it (centered, scaled to fit)', () => {
    // 1000 × 250 px showing a 1000 × 500 viewBox: scale 0.5, 250 px of room each side.
    const rect = shownRect({ width: 1000, height: 250, clip: null }, whole, identity);
    expect(rect).toEqual({ x0: -500, y0: 0, x1: 1500, y1: 500 });
  });

  it('leaves out the part the page has scrolled out of the window', () => {
    const clip = { left: 0, top: 300, right: 1000, bottom: 500 };
    const rect = shownRect({ width: 1000, height: 500, clip }, whole, { k: 2, x: 0, y: 0 });
    expect(rect).toEqual({ x0: 0, y0: 150, x1: 500, y1: 250 });
  });

  it('gets a margin for the values around units and is rounded out to a 100 grid', () => {
    expect(roundedView({ x0: 200, y0: 50, x1: 700, y1: 300 })).toEqual({
      x0: 100,
      y0: -100,
      x1: 800,
      y1: 400,
    });
  });

  it('changes only when a pan crosses the grid', () => {
    const at = (x: number) => roundedView({ x0: x, y0: 0, x1: x + 400, y1: 400 });
    expect(sameView(at(100), at(110))).toBe(true);
    expect(sameView(at(100), at(300))).toBe(false);
    expect(sameView(null, null)).toBe(true);
    expect(sameView(null, at(0))).toBe(false);
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
