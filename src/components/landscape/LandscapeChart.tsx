import { interpolateRgbBasis } from 'd3-interpolate';
import { useId, useMemo } from 'react';
import { formatNumber } from '../../math/format';
import {
  bandOf,
  contourLevels,
  descentArrow,
  finiteExtent,
  isoSegments,
} from '../../layout/contours';

/**
 * The loss landscape drawn (issue 16): the loss as colour bands with iso-lines over two parameters,
 * the path the optimizer took, the current point and the −∇ arrow; a colour legend with the
 * levels' numbers. The geometry is computed in layout/contours.ts; this only scales and draws.
 */

export interface LandscapePicture {
  xs: ArrayLike<number>;
  ys: ArrayLike<number>;
  /** losses[yk · nx + xk]. */
  losses: ArrayLike<number>;
  /** Axis names, plain text (w₁₁⁽²⁾). */
  xName: string;
  yName: string;
  /** (θ₁, θ₂) after each pass or sample of the run, oldest first; the last is the current point. */
  path: readonly (readonly [number, number])[];
  /** (∂L/∂θ₁, ∂L/∂θ₂) at the current point, or null when it is not to be shown. */
  gradient: readonly [number, number] | null;
  digits: number;
}

/** Light for a low loss, dark for a high one (ColorBrewer's Blues). */
const RAMP = interpolateRgbBasis(['#f7fbff', '#c6dbef', '#6baed6', '#2171b5', '#08306b']);
const LEVELS = 9;

const SIDE = 260;
const MARGIN = { left: 52, right: 12, top: 10, bottom: 40 };
const LEGEND = 92;
export const MAP_WIDTH = MARGIN.left + SIDE + MARGIN.right + LEGEND;
const HEIGHT = MARGIN.top + SIDE + MARGIN.bottom;

const bandColor = (band: number, bands: number) => RAMP(bands > 1 ? band / (bands - 1) : 0);

/** The bands as an image, one pixel per grid point, top row the largest y (a data URL). */
function bandImage(
  losses: ArrayLike<number>,
  nx: number,
  ny: number,
  levels: readonly number[],
): string | null {
  if (typeof document === 'undefined') return null;
  const canvas = document.createElement('canvas');
  canvas.width = nx;
  canvas.height = ny;
  const ctx = canvas.getContext('2d');
  if (!ctx) return null;
  const image = ctx.createImageData(nx, ny);
  const colors = Array.from({ length: levels.length + 1 }, (_, b) => {
    const match = /rgb\((\d+), (\d+), (\d+)\)/.exec(bandColor(b, levels.length + 1));
    return match ? [Number(match[1]), Number(match[2]), Number(match[3])] : [0, 0, 0];
  });
  for (let yk = 0; yk < ny; yk++) {
    for (let xk = 0; xk < nx; xk++) {
      const v = losses[yk * nx + xk] as number;
      const pixel = ((ny - 1 - yk) * nx + xk) * 4;
      // A point that overflowed is drawn as the top band's colour, with a lighter alpha.
      const color = colors[Number.isFinite(v) ? bandOf(v, levels) : levels.length] as number[];
      image.data[pixel] = color[0] as number;
      image.data[pixel + 1] = color[1] as number;
      image.data[pixel + 2] = color[2] as number;
      image.data[pixel + 3] = Number.isFinite(v) ? 255 : 128;
    }
  }
  ctx.putImageData(image, 0, 0);
  return canvas.toDataURL();
}

/** An id for url(#…) references: useId's, without characters a URL reference trips on. */
const useSvgId = () => useId().replace(/[^a-zA-Z0-9]/g, '');

export function LandscapeMap({ picture }: { picture: LandscapePicture }) {
  const uid = useSvgId();
  const { xs, ys, losses, digits } = picture;
  const nx = xs.length;
  const ny = ys.length;
  const x0 = xs[0] as number;
  const x1 = xs[nx - 1] as number;
  const y0 = ys[0] as number;
  const y1 = ys[ny - 1] as number;
  // Grid point k sits at the centre of pixel k: the plot spans −½ … n − ½ in grid units.
  const px = (gx: number) => MARGIN.left + ((gx + 0.5) / nx) * SIDE;
  const py = (gy: number) => MARGIN.top + SIDE - ((gy + 0.5) / ny) * SIDE;
  const toX = (v: number) => px(((v - x0) / (x1 - x0)) * (nx - 1));
  const toY = (v: number) => py(((v - y0) / (y1 - y0)) * (ny - 1));

  const drawn = useMemo(() => {
    const [lo, hi] = finiteExtent(losses);
    const { levels, log } = contourLevels(lo, hi, LEVELS);
    const lines = levels.map((level) => {
      const s = isoSegments(losses, nx, ny, level);
      let d = '';
      for (let k = 0; k < s.length; k += 4) {
        d += `M${px(s[k] as number).toFixed(1)},${py(s[k + 1] as number).toFixed(1)}L${px(s[k + 2] as number).toFixed(1)},${py(s[k + 3] as number).toFixed(1)}`;
      }
      return d;
    });
    return { lo, hi, levels, log, lines, image: bandImage(losses, nx, ny, levels) };
    // px and py depend only on nx and ny.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [losses, nx, ny]);

  const path = picture.path;
  const current = path[path.length - 1];
  const arrow =
    current && picture.gradient ? descentArrow(picture.gradient, [x1 - x0, y1 - y0]) : null;
  const pathD = path
    .map(([a, b], k) => `${k === 0 ? 'M' : 'L'}${toX(a).toFixed(1)},${toY(b).toFixed(1)}`)
    .join('');
  const bands = drawn.levels.length + 1;
  const legendX = MARGIN.left + SIDE + MARGIN.right + 8;
  const tick = (v: number) => formatNumber(v, 3);

  return (
    <svg
      className="landscape-map"
      viewBox={`0 0 ${MAP_WIDTH} ${HEIGHT}`}
      role="img"
      aria-label={`Contour map of the loss over ${picture.xName} (across) and ${picture.yName} (up)`}
    >
      <defs>
        <clipPath id={`${uid}-clip`}>
          <rect x={MARGIN.left} y={MARGIN.top} width={SIDE} height={SIDE} />
        </clipPath>
        <marker
          id={`${uid}-arrow`}
          viewBox="0 0 10 10"
          refX="8"
          refY="5"
          markerWidth="5"
          markerHeight="5"
          orient="auto-start-reverse"
        >
          <path d="M0,0L10,5L0,10z" fill="#111827" />
        </marker>
      </defs>
      {drawn.image && (
        <image
          href={drawn.image}
          x={MARGIN.left}
          y={MARGIN.top}
          width={SIDE}
          height={SIDE}
          preserveAspectRatio="none"
          className="landscape-bands"
        />
      )}
      <g clipPath={`url(#${uid}-clip)`}>
        {drawn.lines.map((d, k) => (
          <path
            key={k}
            d={d}
            fill="none"
            stroke={k + 1 > drawn.levels.length / 2 ? '#e5e7eb' : '#1e3a5f'}
            strokeWidth={0.8}
            strokeOpacity={0.8}
          />
        ))}
        <path d={pathD} className="landscape-path-halo" />
        <path d={pathD} className="landscape-path" data-testid="landscape-path-line" />
        {path.map(([a, b], k) => (
          <circle key={k} cx={toX(a)} cy={toY(b)} r={2.2} className="landscape-path-point" />
        ))}
        {current && arrow && (
          <line
            x1={toX(current[0])}
            y1={toY(current[1])}
            x2={toX(current[0] + arrow[0])}
            y2={toY(current[1] + arrow[1])}
            className="landscape-arrow"
            markerEnd={`url(#${uid}-arrow)`}
          />
        )}
        {current && (
          <circle cx={toX(current[0])} cy={toY(current[1])} r={4.5} className="landscape-current" />
        )}
      </g>
      {current && arrow && (
        <text
          x={Math.min(
            MARGIN.left + SIDE - 4,
            Math.max(MARGIN.left + 4, toX(current[0] + arrow[0])),
          )}
          y={Math.min(
            MARGIN.top + SIDE - 4,
            Math.max(MARGIN.top + 12, toY(current[1] + arrow[1]) - 6),
          )}
          className="landscape-arrow-label"
          textAnchor="middle"
        >
          −∇L
        </text>
      )}
      <rect
        x={MARGIN.left}
        y={MARGIN.top}
        width={SIDE}
        height={SIDE}
        fill="none"
        stroke="#475569"
      />
      <BottomAxis
        left={MARGIN.left}
        bottom={MARGIN.top + SIDE}
        width={SIDE}
        ends={[x0, x1]}
        name={picture.xName}
        format={tick}
      />
      {[y0, (y0 + y1) / 2, y1].map((v, k) => (
        <text
          key={`y${k}`}
          x={MARGIN.left - 4}
          y={MARGIN.top + SIDE - (k * SIDE) / 2 + (k === 0 ? 0 : k === 2 ? 10 : 4)}
          textAnchor="end"
          className="landscape-tick"
        >
          {tick(v)}
        </text>
      ))}
      <text
        transform={`translate(12, ${MARGIN.top + SIDE / 2}) rotate(-90)`}
        textAnchor="middle"
        className="landscape-axis-name"
      >
        {picture.yName} →
      </text>
      <g aria-label="Colour legend: loss levels">
        <text x={legendX} y={MARGIN.top - 1} className="landscape-tick" dominantBaseline="hanging">
          {drawn.log ? 'L (log)' : 'L'}
        </text>
        {Array.from({ length: bands }, (_, b) => (
          <rect
            key={b}
            x={legendX}
            y={MARGIN.top + 14 + (SIDE - 14) - ((b + 1) * (SIDE - 14)) / bands}
            width={14}
            height={(SIDE - 14) / bands + 0.5}
            fill={bandColor(b, bands)}
          />
        ))}
        {drawn.levels.map((level, k) => (
          <text
            key={k}
            x={legendX + 18}
            y={MARGIN.top + 14 + (SIDE - 14) - ((k + 1) * (SIDE - 14)) / bands + 3.5}
            className="landscape-tick"
            data-testid="landscape-level"
          >
            {formatNumber(level, digits > 4 ? 4 : 3)}
          </text>
        ))}
      </g>
    </svg>
  );
}

/** Under a plot: ticks at both ends and the middle, and the parameter's name below them. */
function BottomAxis(props: {
  left: number;
  bottom: number;
  width: number;
  ends: [number, number];
  name: string;
  format: (v: number) => string;
}) {
  const { left, bottom, width, ends } = props;
  return (
    <>
      {[ends[0], (ends[0] + ends[1]) / 2, ends[1]].map((v, k) => (
        <text
          key={k}
          x={left + (k * width) / 2}
          y={bottom + 14}
          textAnchor={k === 0 ? 'start' : k === 2 ? 'end' : 'middle'}
          className="landscape-tick"
        >
          {props.format(v)}
        </text>
      ))}
      <text
        x={left + width / 2}
        y={bottom + 32}
        textAnchor="middle"
        className="landscape-axis-name"
      >
        {props.name} →
      </text>
    </>
  );
}

export interface SlicePicture {
  xs: ArrayLike<number>;
  losses: ArrayLike<number>;
  /** The parameter's current value and L there. */
  at: number;
  loss: number;
  /** ∂L/∂θ there (the tangent's slope), or null when not to be shown. */
  slope: number | null;
  xName: string;
}

const SLICE = { width: 360, height: 170, left: 52, right: 12, top: 10, bottom: 40 };

/** L along one parameter, the others held, with the tangent at the current value: slope ∂L/∂θ. */
export function LandscapeSlice({ picture }: { picture: SlicePicture }) {
  const uid = useSvgId();
  const { xs, losses, at, loss, slope } = picture;
  const n = xs.length;
  const x0 = xs[0] as number;
  const x1 = xs[n - 1] as number;
  let [lo, hi] = finiteExtent(losses);
  if (Number.isFinite(loss)) {
    lo = Math.min(lo, loss);
    hi = Math.max(hi, loss);
  }
  if (!(hi > lo)) {
    lo -= 0.5;
    hi += 0.5;
  }
  const w = SLICE.width - SLICE.left - SLICE.right;
  const h = SLICE.height - SLICE.top - SLICE.bottom;
  const toX = (v: number) => SLICE.left + ((v - x0) / (x1 - x0)) * w;
  const toY = (v: number) => SLICE.top + h - ((v - lo) / (hi - lo)) * h;
  let d = '';
  for (let k = 0; k < n; k++) {
    const v = losses[k] as number;
    if (!Number.isFinite(v)) continue;
    d += `${d === '' ? 'M' : 'L'}${toX(xs[k] as number).toFixed(1)},${toY(v).toFixed(1)}`;
  }
  const tangent =
    slope !== null && Number.isFinite(slope)
      ? { a: x0, b: x1, la: loss + slope * (x0 - at), lb: loss + slope * (x1 - at) }
      : null;
  return (
    <svg
      className="landscape-slice"
      viewBox={`0 0 ${SLICE.width} ${SLICE.height}`}
      role="img"
      aria-label={`The loss along ${picture.xName}, the other parameters held, with its tangent at the current value`}
    >
      <defs>
        <clipPath id={`${uid}-clip`}>
          <rect x={SLICE.left} y={SLICE.top} width={w} height={h} />
        </clipPath>
      </defs>
      <rect x={SLICE.left} y={SLICE.top} width={w} height={h} fill="#fff" stroke="#475569" />
      <g clipPath={`url(#${uid}-clip)`}>
        <path d={d} className="landscape-slice-curve" />
        {tangent && (
          <line
            x1={toX(tangent.a)}
            y1={toY(tangent.la)}
            x2={toX(tangent.b)}
            y2={toY(tangent.lb)}
            className="landscape-tangent"
          />
        )}
        {Number.isFinite(loss) && (
          <circle cx={toX(at)} cy={toY(loss)} r={4} className="landscape-current" />
        )}
      </g>
      <BottomAxis
        left={SLICE.left}
        bottom={SLICE.top + h}
        width={w}
        ends={[x0, x1]}
        name={picture.xName}
        format={(v) => formatNumber(v, 3)}
      />
      {[lo, hi].map((v, k) => (
        <text
          key={k}
          x={SLICE.left - 4}
          y={k === 0 ? SLICE.top + h : SLICE.top + 10}
          textAnchor="end"
          className="landscape-tick"
        >
          {formatNumber(v, 3)}
        </text>
      ))}
      <text x={12} y={SLICE.top + h / 2} textAnchor="middle" className="landscape-axis-name">
        L
      </text>
    </svg>
  );
}
