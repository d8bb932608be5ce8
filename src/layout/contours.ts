/**
 * The loss landscape's geometry (issue 16): which loss levels to draw, the band each value falls
 * in, iso-lines by marching squares, and the −∇ arrow's length. Pure: values in grid order
 * (values[yk · nx + xk]) and plain numbers out, tested alone; the view scales them to pixels.
 */

/** The loss levels of the contour lines, lowest first, and whether they are log-spaced. */
export interface Levels {
  levels: number[];
  log: boolean;
}

/** A range this many times wider at the top than at the bottom is drawn with log-spaced levels. */
export const LOG_RATIO = 20;

/** The smallest and largest finite values (NaN, NaN when none is). */
export function finiteExtent(values: ArrayLike<number>): [number, number] {
  let lo = Infinity;
  let hi = -Infinity;
  for (let k = 0; k < values.length; k++) {
    const v = values[k] as number;
    if (!Number.isFinite(v)) continue;
    if (v < lo) lo = v;
    if (v > hi) hi = v;
  }
  return lo <= hi ? [lo, hi] : [NaN, NaN];
}

/**
 * `count` levels strictly between lo and hi: evenly spaced, or evenly in log L when every loss is
 * positive and the top is over LOG_RATIO times the bottom (a loss landscape is often a deep narrow
 * valley under steep walls, where even levels would all crowd onto the walls).
 */
export function contourLevels(lo: number, hi: number, count: number): Levels {
  if (!(hi > lo) || !Number.isFinite(lo) || !Number.isFinite(hi) || count < 1) {
    return { levels: [], log: false };
  }
  const log = lo > 0 && hi / lo > LOG_RATIO;
  const levels = Array.from({ length: count }, (_, k) => {
    const t = (k + 1) / (count + 1);
    return log ? lo * (hi / lo) ** t : lo + (hi - lo) * t;
  });
  return { levels, log };
}

/** Which band a value is in: 0 below the first level, levels.length above the last. */
export function bandOf(value: number, levels: readonly number[]): number {
  let band = 0;
  while (band < levels.length && value >= (levels[band] as number)) band++;
  return band;
}

/**
 * The iso-line L = level through the grid, by marching squares, as segments in grid coordinates
 * (x in 0…nx−1, y in 0…ny−1, crossings placed by linear interpolation): [x1, y1, x2, y2, …].
 * Cells with a corner that is not finite are left out. A saddle is split by its centre's mean.
 */
export function isoSegments(
  values: ArrayLike<number>,
  nx: number,
  ny: number,
  level: number,
): number[] {
  const out: number[] = [];
  const at = (x: number, y: number) => values[y * nx + x] as number;
  for (let y = 0; y + 1 < ny; y++) {
    for (let x = 0; x + 1 < nx; x++) {
      const v0 = at(x, y);
      const v1 = at(x + 1, y);
      const v2 = at(x + 1, y + 1);
      const v3 = at(x, y + 1);
      if (
        !Number.isFinite(v0) ||
        !Number.isFinite(v1) ||
        !Number.isFinite(v2) ||
        !Number.isFinite(v3)
      ) {
        continue;
      }
      const code =
        (v0 >= level ? 1 : 0) |
        (v1 >= level ? 2 : 0) |
        (v2 >= level ? 4 : 0) |
        (v3 >= level ? 8 : 0);
      if (code === 0 || code === 15) continue;
      const t = (a: number, b: number) => (level - a) / (b - a);
      // Crossing points on the four edges: bottom (0–1), right (1–2), top (3–2), left (0–3).
      const bottom = () => [x + t(v0, v1), y];
      const right = () => [x + 1, y + t(v1, v2)];
      const top = () => [x + t(v3, v2), y + 1];
      const left = () => [x, y + t(v0, v3)];
      const join = (a: number[], b: number[]) => out.push(a[0]!, a[1]!, b[0]!, b[1]!);
      const centreHigh = (v0 + v1 + v2 + v3) / 4 >= level;
      switch (code) {
        case 1:
        case 14:
          join(left(), bottom());
          break;
        case 2:
        case 13:
          join(bottom(), right());
          break;
        case 3:
        case 12:
          join(left(), right());
          break;
        case 4:
        case 11:
          join(right(), top());
          break;
        case 6:
        case 9:
          join(bottom(), top());
          break;
        case 7:
        case 8:
          join(left(), top());
          break;
        case 5:
          if (centreHigh) {
            join(left(), top());
            join(bottom(), right());
          } else {
            join(left(), bottom());
            join(right(), top());
          }
          break;
        case 10:
          if (centreHigh) {
            join(left(), bottom());
            join(right(), top());
          } else {
            join(left(), top());
            join(bottom(), right());
          }
          break;
      }
    }
  }
  return out;
}

/**
 * The −∇ arrow in data units: along −(∂L/∂θ₁, ∂L/∂θ₂), as long as a quarter of the smaller axis
 * span, so its direction reads on any landscape (its length is not the step; the labels give ∇).
 * Null when the gradient is zero or not finite.
 */
export function descentArrow(
  gradient: readonly [number, number],
  spans: readonly [number, number],
): [number, number] | null {
  const [gx, gy] = gradient;
  // In screen terms: each component over its axis's span, so the arrow points where it looks like.
  const sx = gx / spans[0];
  const sy = gy / spans[1];
  const norm = Math.hypot(sx, sy);
  if (!(norm > 0) || !Number.isFinite(norm)) return null;
  return [(-sx / norm) * 0.25 * spans[0], (-sy / norm) * 0.25 * spans[1]];
}
