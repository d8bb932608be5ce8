import { memo } from 'react';
import { textWidth } from '../../layout/boxes';
import {
  LABEL_PADDING,
  METRICS,
  type BiasEdgeLayout,
  type EdgeLayout,
} from '../../layout/networkLayout';
import { signOf } from '../../layout/scales';
import type { Notation } from '../../math/notations';
import { gradientName, shown } from './diagramText';
import { parameterOf, type Hovered } from './hover';

export interface EdgeLabelProps {
  /** The edge in the layout (stable while the shape is): where the label goes, and what for. */
  edge: EdgeLayout | BiasEdgeLayout;
  value: number;
  /** ∂L/∂w or ∂L/∂b once the pass has computed it, else null. */
  gradient: number | null;
  /** The value after the update, on the update step, else null. */
  next: number | null;
  digits: number;
  notation: Notation;
  /** Selected or hovered: drawn over everything with a stronger frame. */
  raised?: boolean;
}

function ids(p: Hovered): { value: string; gradient: string } {
  return p.kind === 'weight'
    ? {
        value: `weight-${p.layer}-${p.from}-${p.to}`,
        gradient: `grad-w-${p.layer}-${p.from}-${p.to}`,
      }
    : { value: `bias-value-${p.layer}-${p.unit}`, gradient: `grad-b-${p.layer}-${p.unit}` };
}

/**
 * A weight's or bias's label on its edge: the value, and ∂L/∂w under it once computed; on the
 * update step, old → new over two lines ("0.4 →" / "0.3589").
 */
export const EdgeLabel = memo(function EdgeLabel(props: EdgeLabelProps) {
  const { edge, digits, notation } = props;
  const parameter = parameterOf(edge);
  const center = edge.label;
  const testIds = ids(parameter);
  const value = shown(props.value, digits);
  const name = gradientName(notation, parameter.kind);
  const lines: string[] =
    props.next !== null
      ? [`${value} → `, shown(props.next, digits)]
      : props.gradient !== null
        ? [value, `${name} ${shown(props.gradient, digits)}`]
        : [value];
  const lineHeight = METRICS.labelLineHeight;
  const textW = Math.max(...lines.map((line) => textWidth(line, METRICS.labelFontSize)));
  const width = Math.ceil(textW + LABEL_PADDING);
  const height = lines.length * lineHeight + 4;
  const baseline = (k: number) => (k - (lines.length - 1) / 2) * lineHeight + 3.5;
  const className = `edge-label ${signOf(props.value)}${props.raised ? ' raised' : ''}`;

  return (
    <g className={className} transform={`translate(${center.x},${center.y})`}>
      <rect x={-width / 2} y={-height / 2} width={width} height={height} rx={3} />
      {props.next !== null ? (
        <text data-testid={testIds.value} className="label-value">
          <tspan x={0} y={baseline(0)}>
            {lines[0]}
          </tspan>
          <tspan x={0} y={baseline(1)} className="label-next">
            {lines[1]}
          </tspan>
        </text>
      ) : (
        <>
          <text x={0} y={baseline(0)} data-testid={testIds.value} className="label-value">
            {value}
          </text>
          {props.gradient !== null && (
            <text x={0} y={baseline(1)} className="label-gradient">
              <tspan className="value-name">{name}</tspan>{' '}
              <tspan data-testid={testIds.gradient}>{shown(props.gradient, digits)}</tspan>
            </text>
          )}
        </>
      )}
    </g>
  );
});
