import { useStore } from 'zustand';
import type { NetworkLayout } from '../../layout/networkLayout';
import { useApp } from '../../store/context';
import { raisedEdge } from './FocusLabels';
import { createHoverStore, sameParameter, useHoverStore } from './hover';

const noHover = createHoverStore();

/**
 * The edge under the pointer or the focus (its line or its label), traced in a broad band under
 * the labels: which edge a label belongs to is plain even where edges cross.
 */
export function HoverTrace({ layout }: { layout: NetworkLayout }) {
  const hovered = useStore(useHoverStore() ?? noHover, (h) => h.hovered);
  const selected = useApp((s) => sameParameter(s.selection, hovered));
  const digits = useApp((s) => s.view.digits);
  // The trace leads to the label as it is drawn raised, wherever it moved to.
  const edge = hovered ? raisedEdge(layout, hovered, selected, digits) : undefined;
  if (!edge) return null;
  return (
    <g className="hover-trace" data-testid="hover-trace">
      <path d={edge.path} />
      {edge.leader && (
        <line x1={edge.leader.x} y1={edge.leader.y} x2={edge.label.x} y2={edge.label.y} />
      )}
    </g>
  );
}
