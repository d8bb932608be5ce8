import { createContext, useContext } from 'react';
import { createStore, type StoreApi } from 'zustand/vanilla';
import type { BiasEdgeLayout, EdgeLayout, NetworkLayout } from '../../layout/networkLayout';
import { edgeAt } from '../../layout/networkLayout';
import type { Selection } from '../../store/types';

/**
 * Which weight or bias the pointer is over, or the keyboard focus is on: its edge and its label
 * light up together, so a label always shows the edge it belongs to. Not the learner's work, so
 * not in the app store: a small store of the diagram's own, so hovering redraws only the trace and
 * the hover label.
 */
export type Hovered = Extract<Selection, { kind: 'weight' | 'bias' }>;

export interface HoverState {
  hovered: Hovered | null;
}

export type HoverStore = StoreApi<HoverState>;

export function createHoverStore(): HoverStore {
  return createStore<HoverState>()(() => ({ hovered: null }));
}

export const HoverContext = createContext<HoverStore | null>(null);

/** The diagram's hover store (null outside a diagram). */
export function useHoverStore(): HoverStore | null {
  return useContext(HoverContext);
}

/** The weight or bias an edge of the layout stands for. */
export function parameterOf(
  edge: { layer: number; from: number; to: number } | { layer: number; unit: number },
): Hovered {
  return 'unit' in edge
    ? { kind: 'bias', layer: edge.layer, unit: edge.unit }
    : { kind: 'weight', layer: edge.layer, from: edge.from, to: edge.to };
}

/** The edge of a weight or bias in the layout. */
export function edgeOf(layout: NetworkLayout, p: Hovered): EdgeLayout | BiasEdgeLayout | undefined {
  return p.kind === 'weight'
    ? edgeAt(layout, p.layer, p.from, p.to)
    : layout.biasEdges[p.layer - 1]?.[p.unit];
}

/** The edge's test id, which its label names too (data-parameter): edge-l-i-j or bias-l-j. */
export function parameterKey(p: Hovered): string {
  return p.kind === 'weight' ? `edge-${p.layer}-${p.from}-${p.to}` : `bias-${p.layer}-${p.unit}`;
}

export function sameParameter(a: Selection | null, b: Selection | null): boolean {
  if (!a || !b || a.kind !== b.kind || a.layer !== b.layer) return false;
  if (a.kind === 'weight' && b.kind === 'weight') return a.from === b.from && a.to === b.to;
  return 'unit' in a && 'unit' in b && a.unit === b.unit;
}

/**
 * Marks the parameter hovered while the pointer is over its line or label (or the focus on its
 * line), and lets go only if it is still the one marked: moving from a line onto its own label
 * keeps it.
 */
export function hoverHandlers(hover: HoverStore | null, parameter: Hovered) {
  if (!hover) return {};
  const enter = () => {
    if (!sameParameter(hover.getState().hovered, parameter)) hover.setState({ hovered: parameter });
  };
  const leave = () => {
    if (sameParameter(hover.getState().hovered, parameter)) hover.setState({ hovered: null });
  };
  return { onPointerEnter: enter, onPointerLeave: leave, onFocus: enter, onBlur: leave };
}
