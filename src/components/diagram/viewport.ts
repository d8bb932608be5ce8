import { createContext, useContext } from 'react';
import { createStore, useStore, type StoreApi } from 'zustand';

/**
 * The part of the diagram in view (diagram coordinates), rounded out to a coarse grid so that it
 * changes only now and then while the learner pans. Not the learner's work: a small store of the
 * diagram's own, like the hover store.
 *
 * It lets a large network draw what is in view first: while a weight is dragged, units in view
 * show each edit in the frame it is made; units out of view catch up as soon as the page is free
 * (see UnitColumn). null: not known yet, everything counts as in view.
 */
export interface ViewRect {
  x0: number;
  y0: number;
  x1: number;
  y1: number;
}

export interface ViewportState {
  view: ViewRect | null;
}

export type ViewportStore = StoreApi<ViewportState>;

export function createViewportStore(): ViewportStore {
  return createStore<ViewportState>()(() => ({ view: null }));
}

const GRID = 200;

/**
 * The rectangle shown, widened by half its size on every side (the SVG may show more than its
 * viewBox, and a pan should find the numbers there already current), then rounded out to GRID.
 */
export function widenedView(x0: number, y0: number, x1: number, y1: number): ViewRect {
  const dx = (x1 - x0) / 2;
  const dy = (y1 - y0) / 2;
  return {
    x0: Math.floor((x0 - dx) / GRID) * GRID,
    y0: Math.floor((y0 - dy) / GRID) * GRID,
    x1: Math.ceil((x1 + dx) / GRID) * GRID,
    y1: Math.ceil((y1 + dy) / GRID) * GRID,
  };
}

export function sameView(a: ViewRect | null, b: ViewRect | null): boolean {
  return (
    a === b || (!!a && !!b && a.x0 === b.x0 && a.y0 === b.y0 && a.x1 === b.x1 && a.y1 === b.y1)
  );
}

export function inView(view: ViewRect | null, x: number, y: number): boolean {
  return !view || (x >= view.x0 && x <= view.x1 && y >= view.y0 && y <= view.y1);
}

export const ViewportContext = createContext<ViewportStore | null>(null);

const NO_VIEW: ViewportStore = createViewportStore();

/** The diagram's view (null outside a diagram, or before it is laid out). */
export function useView(): ViewRect | null {
  return useStore(useContext(ViewportContext) ?? NO_VIEW, (s) => s.view);
}
