import { createContext, useContext } from 'react';
import { createStore, type StoreApi } from 'zustand/vanilla';
import type { Selection } from '../../store/types';

/**
 * Which weight or bias the pointer is over. Not the learner's work, so not in the app store: a
 * small store of the diagram's own, so hovering redraws only the hover label.
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

/** The diagram's hover store, or null where no edge labels appear on hover (small networks). */
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

export function sameParameter(a: Selection | null, b: Selection | null): boolean {
  if (!a || !b || a.kind !== b.kind || a.layer !== b.layer) return false;
  if (a.kind === 'weight' && b.kind === 'weight') return a.from === b.from && a.to === b.to;
  return 'unit' in a && 'unit' in b && a.unit === b.unit;
}
