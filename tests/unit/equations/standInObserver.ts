import { vi } from 'vitest';

/** What the browser tells an IntersectionObserver: which of its elements are on screen. */
export type Report = (entries: { target: Element; isIntersecting: boolean }[]) => void;

/**
 * Stands in for the browser's IntersectionObserver (stubbed globally until vi.unstubAllGlobals):
 * the returned function reports to the observer made after this call, so that a test decides what
 * is on screen. Reset the modules first, so that onScreen.ts makes its observer with the stand-in.
 */
export function standInObserver(): Report {
  let callback: Report = () => {};
  vi.stubGlobal(
    'IntersectionObserver',
    class {
      constructor(observed: Report) {
        callback = observed;
      }
      observe() {}
      unobserve() {}
      disconnect() {}
    },
  );
  return (entries) => callback(entries);
}
