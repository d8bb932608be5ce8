import { memo, useCallback, useMemo, type KeyboardEvent } from 'react';
import { formatNumber } from '../../math/format';
import { parameterLabel } from '../../math/labels';
import type { BiasEdgeLayout, EdgeLayout } from '../../layout/networkLayout';
import { useAppStoreApi } from '../../store/context';
import type { Notation } from '../../math/notations';
import type { EdgePainter } from './edgePaint';
import { hoverHandlers, parameterKey, parameterOf, useHoverStore } from './hover';

export interface EdgeLineProps {
  /** The edge's place in the layout (stable while the shape is), weight or bias. */
  edge: EdgeLayout | BiasEdgeLayout;
  /** The weight or bias itself (for its accessible name), whatever the edges show. */
  value: number;
  /** Draws the edge's width and sign (from |w| or |∂L/∂w| per the edge mode) onto its element. */
  painter: EdgePainter;
  /** Used or computed by the current step, when it is about one unit (else the column says so). */
  current: boolean;
  selected: boolean;
  digits: number;
  notation: Notation;
  /** In the tab order: every edge of a network whose edges all carry labels, else the biases. */
  focusable: boolean;
}

/**
 * One weight or bias as a line: click, or Enter when it has the focus, selects it. Every edge is
 * a button with its name and value; its label (EdgeLabel) is the same target for the pointer.
 * Hovering or focusing it lights up the edge and its label together (HoverTrace, FocusLabels).
 */
export const EdgeLine = memo(function EdgeLine(props: EdgeLineProps) {
  const { edge, current, selected, focusable, painter } = props;
  const path = edge.path;
  const parameter = useMemo(() => parameterOf(edge), [edge]);
  const [row, index] =
    parameter.kind === 'weight' ? [parameter.from, parameter.to] : [-1, parameter.unit];
  const attach = useCallback(
    (element: SVGGElement) => {
      painter.attach(row, index, element);
      return () => painter.attach(row, index, null);
    },
    [painter, row, index],
  );
  const store = useAppStoreApi();
  const hover = useHoverStore();
  const select = () => store.getState().select(parameter);
  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key !== 'Enter') return;
    event.preventDefault();
    select();
  };
  const className = [
    'edge',
    parameter.kind === 'bias' ? 'edge-bias' : 'edge-weight',
    current ? 'current' : '',
    selected ? 'selected' : '',
  ].join(' ');

  return (
    <g
      ref={attach}
      className={className}
      data-testid={parameterKey(parameter)}
      role="button"
      tabIndex={focusable ? 0 : undefined}
      aria-label={`${parameterLabel(parameter, props.notation)} = ${formatNumber(props.value, props.digits)}`}
      aria-pressed={selected}
      onClick={(event) => {
        event.stopPropagation();
        select();
      }}
      onKeyDown={onKeyDown}
      {...hoverHandlers(hover, parameter)}
    >
      {/* Catches the pointer (the line may be a hairline) and glows when the step uses the edge. */}
      <path className="edge-hit" d={path} />
      {selected && <path className="edge-outline" d={path} />}
      <path className="edge-line" d={path} />
      {/* A label with no room on its edge sits beside it, with a line back to its spot (the
          selected one's is drawn with it, where FocusLabels puts it). */}
      {edge.leader && !selected && (
        <line
          className="edge-leader"
          x1={edge.leader.x}
          y1={edge.leader.y}
          x2={edge.label.x}
          y2={edge.label.y}
        />
      )}
    </g>
  );
});
