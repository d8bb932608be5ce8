import { useMemo } from 'react';
import { chartGeometry, type ChartOptions, type Series } from './chartGeometry';

interface LineChartProps extends ChartOptions {
  series: readonly Series[];
  /** What the chart shows, with its latest values, for screen readers. */
  label: string;
  xLabel: string;
  testId?: string;
}

/** A small SVG line chart: axes, ticks, one path per series and a legend. */
export function LineChart({
  series,
  label,
  xLabel,
  testId,
  width,
  height,
  log,
  yDomain,
}: LineChartProps) {
  const yMin = yDomain?.[0];
  const yMax = yDomain?.[1];
  const g = useMemo(
    () =>
      chartGeometry(series, {
        width,
        height,
        log,
        yDomain: yMin !== undefined && yMax !== undefined ? [yMin, yMax] : undefined,
      }),
    [series, width, height, log, yMin, yMax],
  );
  const bottom = g.height - g.margin.bottom;
  return (
    <figure className="line-chart">
      <svg
        viewBox={`0 0 ${g.width} ${g.height}`}
        role="img"
        aria-label={label}
        data-testid={testId}
        preserveAspectRatio="xMidYMid meet"
      >
        {g.yTicks.map((t) => (
          <g key={`y${t.at}`}>
            <line
              x1={g.margin.left}
              x2={g.width - g.margin.right}
              y1={t.at}
              y2={t.at}
              className="grid-line"
            />
            <text x={g.margin.left - 4} y={t.at} dy="0.32em" textAnchor="end" className="tick">
              {t.label}
            </text>
          </g>
        ))}
        {g.xTicks.map((t) => (
          <text key={`x${t.at}`} x={t.at} y={bottom + 13} textAnchor="middle" className="tick">
            {t.label}
          </text>
        ))}
        <line
          x1={g.margin.left}
          x2={g.width - g.margin.right}
          y1={bottom}
          y2={bottom}
          className="axis-line"
        />
        <text
          x={g.width - g.margin.right}
          y={g.height - 1}
          textAnchor="end"
          className="tick axis-name"
        >
          {xLabel}
        </text>
        {g.paths.map((p) => (
          <path
            key={p.name}
            d={p.d}
            fill="none"
            stroke={p.color}
            strokeWidth={1.8}
            strokeDasharray={p.dash}
          />
        ))}
        {g.paths.map(
          (p) =>
            p.dot && (
              <circle key={`${p.name}-dot`} cx={p.dot.x} cy={p.dot.y} r={2.5} fill={p.color} />
            ),
        )}
      </svg>
      <figcaption className="legend">
        {series.map((s) => (
          <span key={s.name} className="legend-item">
            <svg width="18" height="8" aria-hidden="true">
              <line
                x1="0"
                x2="18"
                y1="4"
                y2="4"
                stroke={s.color}
                strokeWidth="2"
                strokeDasharray={s.dash}
              />
            </svg>
            {s.name}
          </span>
        ))}
      </figcaption>
    </figure>
  );
}
