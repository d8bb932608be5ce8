import { useLayoutEffect, useState, type RefObject } from 'react';
import { showFitting } from './fitting';
import { whenIdle } from './whenIdle';

/**
 * Equations on screen first. While a weight is dragged, an equation in view is brought up to date
 * in the frame of each edit; one scrolled out of view (in the equations panel or the page) is
 * brought up to date when the page is next idle, or as soon as it scrolls into view. Laying out a
 * typeset equation again costs far more than setting its numbers, so a long list of equations,
 * mostly out of view, no longer holds up the frame that shows an edit.
 *
 * Where IntersectionObserver is missing, and for an equation not yet measured, every equation is
 * shown at once.
 */

/** Equations the browser has measured at least once, and those it last found on screen. */
const measured = new WeakSet<Element>();
const visible = new WeakSet<Element>();
/** The newest TeX source (and its fallback) of each equation out of view that is not shown yet. */
const pending = new Map<Element, { source: string; fallback?: () => string }>();
/** Who is told when an element comes into view or leaves it (useOnScreen). */
const watchers = new Map<Element, (onScreen: boolean) => void>();

let observer: IntersectionObserver | null | undefined;

function visibility(): IntersectionObserver | null {
  if (observer === undefined) {
    observer =
      typeof IntersectionObserver === 'undefined'
        ? null
        : new IntersectionObserver(
            (entries) => {
              for (const entry of entries) {
                measured.add(entry.target);
                watchers.get(entry.target)?.(entry.isIntersecting);
                if (!entry.isIntersecting) {
                  visible.delete(entry.target);
                  continue;
                }
                visible.add(entry.target);
                showPending(entry.target);
              }
            },
            // A little beyond the window, so that an equation scrolled into view is current.
            { rootMargin: '100px' },
          );
  }
  return observer;
}

function showPending(element: Element): void {
  const next = pending.get(element);
  if (next === undefined) return;
  pending.delete(element);
  showFitting(element, next.source, next.fallback);
}

function flush(): void {
  for (const element of Array.from(pending.keys())) showPending(element);
}

/** Starts following whether the equation's element is on screen; returns how to stop. */
export function followVisibility(element: Element): () => void {
  const io = visibility();
  io?.observe(element);
  return () => {
    io?.unobserve(element);
    pending.delete(element);
    measured.delete(element);
    visible.delete(element);
  };
}

/**
 * Shows the TeX source in the element now if it is on screen, else soon (see above); the fallback
 * instead if the source's layout is wider than the element (showFitting).
 */
export function showWhenSeen(element: Element, source: string, fallback?: () => string): void {
  if (!measured.has(element) || visible.has(element)) {
    pending.delete(element);
    showFitting(element, source, fallback);
    return;
  }
  pending.set(element, fallback ? { source, fallback } : { source });
  whenIdle(flush);
}

/**
 * Whether the element is on screen (or near it, as for the equations above), following it as it
 * scrolls: true until the browser has measured it, and always where IntersectionObserver is missing.
 */
export function useOnScreen(ref: RefObject<Element | null>): boolean {
  const [onScreen, setOnScreen] = useState(true);
  useLayoutEffect(() => {
    const element = ref.current;
    const io = visibility();
    if (!element || !io) return undefined;
    watchers.set(element, setOnScreen);
    io.observe(element);
    return () => {
      io.unobserve(element);
      watchers.delete(element);
    };
  }, [ref]);
  return onScreen;
}
