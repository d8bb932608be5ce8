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
import { fitLength, gradientName, shown } from './diagramText';
import { useAppStoreApi } from '../../store/context';
import { hoverHandlers, parameterKey, parameterOf, useHoverStore, type Hovered } from './hover';

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
  /** Kept within its room in the layout (default); not the selected label, with more digits. */
  fit?: boolean;
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
 * update step, old → new over two lines ("0.4 →" / "0.3589"). A click on it selects that weight
 * or bias, as a click on its line does; the line is the one button for assistive technology, so
 * the label is hidden from it (its numbers are in the line's name and the inspector).
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
  const fontSize = METRICS.labelFontSize;
  const lineHeight = METRICS.labelLineHeight;
  const textW = Math.max(...lines.map((line) => textWidth(line, fontSize)));
  // Within its room in the layout, unless it is the selected one with more digits, on top.
  const room = props.fit === false ? Infinity : edge.labelBox.width;
  const width = Math.min(Math.ceil(textW + LABEL_PADDING), room);
  const fit = (line: string | undefined) => fitLength(line ?? '', fontSize, room - LABEL_PADDING);
  const height = lines.length * lineHeight + 4;
  const baseline = (k: number) => (k - (lines.length - 1) / 2) * lineHeight + 3.5;
  const className = `edge-label ${signOf(props.value)}${props.raised ? ' raised' : ''}`;
  const store = useAppStoreApi();
  const { onPointerEnter, onPointerLeave } = hoverHandlers(useHoverStore(), parameter);

  return (
    <g
      className={className}
      transform={`translate(${center.x},${center.y})`}
      data-parameter={parameterKey(parameter)}
      aria-hidden="true"
      onClick={(event) => {
        event.stopPropagation();
        store.getState().select(parameter);
      }}
      onPointerEnter={onPointerEnter}
      onPointerLeave={onPointerLeave}
    >
      <rect x={-width / 2} y={-height / 2} width={width} height={height} rx={3} />
      {props.next !== null ? (
        <text data-testid={testIds.value} className="label-value">
          <tspan x={0} y={baseline(0)} textLength={fit(lines[0])} lengthAdjust="spacingAndGlyphs">
            {lines[0]}
          </tspan>
          <tspan
            x={0}
            y={baseline(1)}
            className="label-next"
            textLength={fit(lines[1])}
            lengthAdjust="spacingAndGlyphs"
          >
            {lines[1]}
          </tspan>
        </text>
      ) : (
        <>
          <text
            x={0}
            y={baseline(0)}
            data-testid={testIds.value}
            className="label-value"
            textLength={fit(lines[0])}
            lengthAdjust="spacingAndGlyphs"
          >
            {value}
          </text>
          {props.gradient !== null && (
            <text
              x={0}
              y={baseline(1)}
              className="label-gradient"
              textLength={fit(lines[1])}
              lengthAdjust="spacingAndGlyphs"
            >
              <tspan className="value-name">{name}</tspan>{' '}
              <tspan data-testid={testIds.gradient}>{shown(props.gradient, digits)}</tspan>
            </text>
          )}
        </>
      )}
    </g>
  );
});
