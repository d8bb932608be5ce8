// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { standInObserver, type Report } from './standInObserver';

/**
 * Equations on screen are shown at once; those the browser reports out of view wait for an idle
 * moment or for coming into view. The browser's IntersectionObserver and requestIdleCallback are
 * stood in for, so the test decides what is on screen and when the page is idle.
 */

let report: Report = () => {};
let idle: (() => void)[] = [];

beforeEach(() => {
  vi.resetModules(); // a fresh module: its observer is made with the stand-in below
  idle = [];
  report = standInObserver();
  vi.stubGlobal('requestIdleCallback', (callback: () => void) => {
    idle.push(callback);
    return idle.length;
  });
});

afterEach(() => {
  vi.unstubAllGlobals();
});

const text = (element: Element) => element.querySelector('.katex-html')?.textContent ?? '';

async function equation() {
  const { followVisibility, showWhenSeen } =
    await import('../../../src/components/equations/onScreen');
  const element = document.createElement('span');
  document.body.appendChild(element);
  const stop = followVisibility(element);
  return { element, stop, show: (tex: string) => showWhenSeen(element, tex) };
}

describe('equations on screen first', () => {
  it('shows an equation at once until the browser has said whether it is on screen', async () => {
    const { element, show } = await equation();
    show('x = 0.25');
    expect(text(element)).toContain('0.25');
  });

  it('shows an equation on screen at once', async () => {
    const { element, show } = await equation();
    report([{ target: element, isIntersecting: true }]);
    show('x = 0.25');
    show('x = 0.5');
    expect(text(element)).toContain('0.5');
    // Only its MathML copy, which is not seen, waits for the page to be idle (typeset.ts).
    expect(idle).toHaveLength(1);
    expect(element.querySelector('.katex-mathml')?.textContent).toContain('0.25');
    idle.shift()?.();
    expect(element.querySelector('.katex-mathml')?.textContent).toContain('0.5');
  });

  it('keeps an equation out of view as it was until the page is idle, then shows the newest', async () => {
    const { element, show } = await equation();
    show('x = 0.25');
    report([{ target: element, isIntersecting: false }]);
    show('x = 0.5');
    show('x = 0.75');
    expect(text(element)).toContain('0.25');
    expect(idle).toHaveLength(1); // one flush for any number of edits
    idle.shift()?.();
    expect(text(element)).toContain('0.75');
  });

  it('shows what waited as soon as the equation comes into view', async () => {
    const { element, show } = await equation();
    show('x = 0.25');
    report([{ target: element, isIntersecting: false }]);
    show('x = 0.5');
    report([{ target: element, isIntersecting: true }]);
    expect(text(element)).toContain('0.5');
  });

  it('forgets an equation that is gone: nothing is written into it later', async () => {
    const { element, show, stop } = await equation();
    show('x = 0.25');
    report([{ target: element, isIntersecting: false }]);
    show('x = 0.5');
    stop();
    idle.shift()?.();
    expect(text(element)).toContain('0.25');
  });
});
