import { memo, type KeyboardEvent } from 'react';
import { GRAPH_METRICS, type GraphNodeLayout } from '../../layout/graphLayout';
import { textWidth } from '../../layout/boxes';
import type { GraphNodeLabel } from '../../math/graph';
import { HIDDEN_NUMBER } from '../../math/format';
import { fitLength } from '../diagram/diagramText';

export interface GraphNodeProps {
  /** engine nodeKey: its test id and React key. */
  id: string;
  box: GraphNodeLayout;
  label: GraphNodeLabel;
  /** The formatted value, or null before the pass computes it. */
  value: string | null;
  /** The formatted ∂L/∂node, or null before the backward pass reaches it. */
  grad: string | null;
  /** ∂L/∂(name) as written in the notation, for the accessible name. */
  gradName: string;
  leaf: boolean;
  current: boolean;
  selected: boolean;
  /** On a path from the selected node to the loss. */
  onPath: boolean;
  /** A collapsed unit that expands when activated. */
  expandable: boolean;
  onSelect(id: string): void;
  onExpand(id: string): void;
  /** Brought into view: a node reached with Tab may be out of the panned view. */
  onFocus(id: string): void;
}

const spoken = (text: string | null) =>
  text === null
    ? 'not computed yet'
    : text === HIDDEN_NUMBER
      ? 'waiting for your prediction'
      : text;

/** One node: a frame with its operation and name, its value, and ∂L/∂node under it. */
export const GraphNodeBox = memo(function GraphNodeBox(props: GraphNodeProps) {
  const { id, box, label, value, grad, leaf, current, selected, onPath, expandable } = props;
  const { fontSize, lineHeight, inset } = GRAPH_METRICS;
  const title = [label.op, label.name].filter(Boolean).join(' ');
  const room = box.width - 2 * inset;
  const x = box.x + inset;
  const line = (k: number) => box.y + 4 + (k + 1) * lineHeight - 2;
  const className = [
    'graph-node',
    `graph-${leaf ? 'leaf' : 'op'}`,
    value === null ? 'pending' : '',
    current ? 'current' : '',
    selected ? 'selected' : '',
    onPath ? 'on-path' : '',
  ].join(' ');
  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key === 'Enter' || event.key === ' ') {
      event.preventDefault();
      props.onSelect(id);
    } else if (expandable && (event.key === '+' || event.key === 'e')) {
      event.preventDefault();
      props.onExpand(id);
    }
  };
  const gradText = grad === null ? '—' : grad;
  return (
    <g
      className={className}
      data-testid={`graph-node-${id}`}
      role="button"
      tabIndex={0}
      aria-pressed={selected}
      aria-label={`${label.spoken} = ${spoken(value)}, ${props.gradName} = ${spoken(grad)}${expandable ? '. Double-click or press E to expand it' : ''}`}
      onClick={(event) => {
        event.stopPropagation();
        props.onSelect(id);
      }}
      onDoubleClick={(event) => {
        event.stopPropagation();
        if (expandable) props.onExpand(id);
      }}
      onKeyDown={onKeyDown}
      onFocus={() => props.onFocus(id)}
    >
      <rect
        className="graph-frame"
        x={box.x}
        y={box.y}
        width={box.width}
        height={box.height}
        rx={leaf ? 2 : 8}
      />
      <text
        className="graph-name"
        x={x}
        y={line(0)}
        textLength={fitLength(title, fontSize, room)}
        lengthAdjust="spacingAndGlyphs"
      >
        {label.op && <tspan className="graph-op">{label.op}</tspan>}
        {label.op && label.name ? ' ' : ''}
        {label.name}
        {expandable ? ' ⊕' : ''}
      </text>
      <text
        className="graph-value"
        data-testid={`graph-value-${id}`}
        x={x}
        y={line(1)}
        textLength={fitLength(value ?? '—', fontSize, room)}
        lengthAdjust="spacingAndGlyphs"
      >
        {value ?? '—'}
      </text>
      <text
        className={`graph-grad${grad === null ? ' empty' : ''}`}
        x={x}
        y={line(2)}
        textLength={textWidth(`∂ ${gradText}`, fontSize) > room ? room : undefined}
        lengthAdjust="spacingAndGlyphs"
      >
        <tspan className="graph-grad-name">∂ </tspan>
        <tspan data-testid={`graph-grad-${id}`}>{gradText}</tspan>
      </text>
    </g>
  );
});
