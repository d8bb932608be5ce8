import { scaleLinear, scaleLog } from 'd3-scale';
import { line } from 'd3-shape';
import { formatNumber } from '../../math/format';

/** D3 computes, React draws: scales, ticks and path strings for a small line chart. */

export interface Series {
  name: string;
  color: string;
  dash?: string;
  points: readonly (readonly [number, number])[];
}

export interface ChartGeometry {
  width: number;
  height: number;
  margin: { top: number; right: number; bottom: number; left: number };
  paths: {
    name: string;
    color: string;
    dash?: string;
    d: string;
    dot: { x: number; y: number } | null;
  }[];
  xTicks: { at: number; label: string }[];
  yTicks: { at: number; label: string }[];
}

export interface ChartOptions {
  width: number;
  height: number;
  log?: boolean;
  /** A fixed y range (e.g. accuracy 0…1); otherwise from the data. */
  yDomain?: [number, number];
}

const usable = (log: boolean) => (v: number) => Number.isFinite(v) && (!log || v > 0);

export function chartGeometry(series: readonly Series[], options: ChartOptions): ChartGeometry {
  const { width, height, log = false } = options;
  const margin = { top: 8, right: 10, bottom: 22, left: 46 };
  const ok = usable(log);
  const xs: number[] = [];
  const ys: number[] = [];
  for (const s of series) {
    for (const [x, y] of s.points) {
      if (Number.isFinite(x)) xs.push(x);
      if (ok(y)) ys.push(y);
    }
  }
  const xMax = xs.length ? Math.max(...xs) : 1;
  const xMin = xs.length ? Math.min(...xs, 0) : 0;
  let [yMin, yMax] = options.yDomain ?? [
    ys.length ? Math.min(...ys) : log ? 1e-3 : 0,
    ys.length ? Math.max(...ys) : 1,
  ];
  if (!log && !options.yDomain) yMin = Math.min(0, yMin);
  if (!(yMax > yMin)) [yMin, yMax] = log ? [yMin / 10, yMin * 10] : [yMin - 1, yMin + 1];
  const x = scaleLinear()
    .domain([xMin, xMax > xMin ? xMax : xMin + 1])
    .range([margin.left, width - margin.right]);
  const y = (log ? scaleLog() : scaleLinear())
    .domain([yMin, yMax])
    .range([height - margin.bottom, margin.top])
    .nice();
  const path = line<readonly [number, number]>()
    .defined(([px, py]) => Number.isFinite(px) && ok(py))
    .x(([px]) => x(px))
    .y(([, py]) => y(py));
  const yTicks = log
    ? y.ticks(4).filter((t) => Math.abs(Math.log10(t) - Math.round(Math.log10(t))) < 1e-9)
    : y.ticks(4);
  return {
    width,
    height,
    margin,
    paths: series.map((s) => {
      const drawn = s.points.filter(([px, py]) => Number.isFinite(px) && ok(py));
      const only = drawn.length === 1 ? drawn[0] : undefined;
      return {
        name: s.name,
        color: s.color,
        dash: s.dash,
        d: path(decimate(s.points, x, ok)) ?? '',
        // A line needs two points: a lone one is drawn as a dot.
        dot: only ? { x: x(only[0]), y: y(only[1]) } : null,
      };
    }),
    xTicks: x.ticks(5).map((t) => ({ at: x(t), label: formatNumber(t, 4) })),
    yTicks: yTicks.map((t) => ({ at: y(t), label: formatNumber(t, 2) })),
  };
}

type Point = readonly [number, number];

/**
 * At most the first, lowest, highest and last point of each pixel column, in order: the path
 * looks the same, but a curve of 2,000 epochs costs a few hundred segments to build and paint.
 * Points that cannot be drawn are kept, so gaps stay gaps.
 */
export function decimate(
  points: readonly Point[],
  x: (v: number) => number,
  drawable: (v: number) => boolean,
): Point[] {
  if (points.length <= 400) return points.slice();
  const out: Point[] = [];
  let column = NaN;
  let group: Point[] = [];
  const flush = () => {
    if (group.length <= 4) {
      out.push(...group);
    } else {
      let low = group[0] as Point;
      let high = low;
      for (const p of group) {
        if (p[1] < low[1]) low = p;
        if (p[1] > high[1]) high = p;
      }
      const first = group[0] as Point;
      const last = group[group.length - 1] as Point;
      const middle = low[0] <= high[0] ? [low, high] : [high, low];
      for (const p of [first, ...middle, last]) if (out[out.length - 1] !== p) out.push(p);
    }
    group = [];
  };
  for (const p of points) {
    if (!Number.isFinite(p[0]) || !drawable(p[1])) {
      flush();
      out.push(p);
      column = NaN;
      continue;
    }
    const c = Math.floor(x(p[0]));
    if (c !== column) flush();
    column = c;
    group.push(p);
  }
  flush();
  return out;
}
