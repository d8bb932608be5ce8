/**
 * Work that waits until the page is next idle, within a quarter second even while a drag keeps it
 * busy: equations out of view (onScreen.ts) and the MathML copies of patched ones (typeset.ts).
 * One idle callback serves all that is queued: asking the browser for one costs about 0.1 ms.
 */
const queued = new Set<() => void>();

function runQueued(): void {
  const tasks = Array.from(queued);
  queued.clear();
  for (const task of tasks) task();
}

export function whenIdle(task: () => void): void {
  if (queued.size === 0) {
    if (typeof requestIdleCallback === 'function') requestIdleCallback(runQueued, { timeout: 250 });
    else setTimeout(runQueued, 50);
  }
  queued.add(task);
}
