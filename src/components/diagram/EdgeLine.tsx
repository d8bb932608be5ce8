import { memo, useMemo, type CSSProperties, type KeyboardEvent } from 'react';
import { formatNumber } from '../../math/format';
import { parameterLabel } from '../../math/labels';
import type { BiasEdgeLayout, EdgeLayout } from '../../layout/networkLayout';
import { useAppStoreApi } from '../../store/context';
import type { Notation } from '../../math/notations';
import type { EdgeLook } from './edgeScale';
import { parameterOf, sameParameter, useHoverStore, type Hovered } from './hover';

export interface EdgeLineProps {
  /** The edge's place in the layout (stable while the shape is), weight or bias. */
  edge: EdgeLayout | BiasEdgeLayout;
  /** The weight or bias itself (for its accessible name), whatever the edges show. */
  value: number;
  /** Stroke width and sign from |w| or |∂L/∂w| per the edge mode (a shared, memoized object). */
  look: EdgeLook;
  /** Used or computed by the current step, when it is about one unit (else the column says so). */
  current: boolean;
  selected: boolean;
  digits: number;
  notation: Notation;
}

function testId(p: Hovered): string {
  return p.kind === 'weight' ? `edge-${p.layer}-${p.from}-${p.to}` : `bias-${p.layer}-${p.unit}`;
}

/**
 * One weight or bias as a line: click (or Enter, for the focusable biases) selects it. Edges are
 * many, so only biases are in the tab order; every edge is a button with its name and value.
 */
export const EdgeLine = memo(function EdgeLine(props: EdgeLineProps) {
  const { edge, current, selected } = props;
  const { width, sign, pending } = props.look;
  const path = edge.path;
  const parameter = useMemo(() => parameterOf(edge), [edge]);
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
    pending ? 'pending' : sign,
    current ? 'current' : '',
    selected ? 'selected' : '',
  ].join(' ');

  return (
    <g
      className={className}
      // How wide the glow is when the step uses this edge (CSS turns it on for a column at once).
      style={{ '--glow': `${(pending ? 1 : width) + 5}px` } as CSSProperties}
      data-testid={testId(parameter)}
      role="button"
      tabIndex={parameter.kind === 'bias' ? 0 : undefined}
      aria-label={`${parameterLabel(parameter, props.notation)} = ${formatNumber(props.value, props.digits)}`}
      aria-pressed={selected}
      onClick={(event) => {
        event.stopPropagation();
        select();
      }}
      onKeyDown={onKeyDown}
      onPointerEnter={hover ? () => hover.setState({ hovered: parameter }) : undefined}
      onPointerLeave={
        hover
          ? () => {
              if (sameParameter(hover.getState().hovered, parameter))
                hover.setState({ hovered: null });
            }
          : undefined
      }
    >
      {/* Catches the pointer (the line may be a hairline) and glows when the step uses the edge. */}
      <path className="edge-hit" d={path} />
      {selected && <path className="edge-outline" d={path} strokeWidth={width + 5} />}
      <path className="edge-line" d={path} strokeWidth={pending ? 1 : width} />
    </g>
  );
});
