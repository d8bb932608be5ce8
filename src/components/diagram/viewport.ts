import { createContext, useContext } from 'react';
import { createStore, useStore, type StoreApi } from 'zustand';

/**
 * The part of the diagram in view (diagram coordinates), rounded out to a coarse grid so that it
 * changes only now and then while the learner pans. Not the learner's work: a small store of the
 * diagram's own, like the hover store. It follows the zoom and the page's scrolling.
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

const GRID = 100;

/**
 * Room around the view, in diagram units: a unit just outside it still shows its values (they hang
 * below the circle and reach half a value's width to each side).
 */
const MARGIN = 60;

/** Where the SVG is on screen, in its own CSS pixels: its size and the part not scrolled away. */
export interface ScreenBox {
  width: number;
  height: number;
  /** The visible part (null: all of it). */
  clip: { left: number; top: number; right: number; bottom: number } | null;
}

/** A zoom transform: diagram point p is drawn at k·p + (x, y) in viewBox coordinates. */
export interface ZoomTransform {
  k: number;
  x: number;
  y: number;
}

/**
 * The part of the diagram on screen, in diagram coordinates: the SVG's visible part, through its
 * viewBox (scaled to fit and centered, as SVG does by default) and the inverse of the zoom.
 */
export function shownRect(
  box: ScreenBox,
  viewBox: { width: number; height: number },
  t: ZoomTransform,
): ViewRect {
  const scale = Math.min(box.width / viewBox.width, box.height / viewBox.height) || 1;
  const offsetX = (box.width - viewBox.width * scale) / 2;
  const offsetY = (box.height - viewBox.height * scale) / 2;
  const clip = box.clip ?? { left: 0, top: 0, right: box.width, bottom: box.height };
  const toDiagramX = (px: number) => ((px - offsetX) / scale - t.x) / t.k;
  const toDiagramY = (py: number) => ((py - offsetY) / scale - t.y) / t.k;
  return {
    x0: toDiagramX(clip.left),
    y0: toDiagramY(clip.top),
    x1: toDiagramX(clip.right),
    y1: toDiagramY(clip.bottom),
  };
}

/**
 * The rectangle shown, with a margin for the values around units, rounded out to GRID: it changes
 * only now and then while the learner pans or scrolls.
 */
export function roundedView(shown: ViewRect): ViewRect {
  return {
    x0: Math.floor((shown.x0 - MARGIN) / GRID) * GRID,
    y0: Math.floor((shown.y0 - MARGIN) / GRID) * GRID,
    x1: Math.ceil((shown.x1 + MARGIN) / GRID) * GRID,
    y1: Math.ceil((shown.y1 + MARGIN) / GRID) * GRID,
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
