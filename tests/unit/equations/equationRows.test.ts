// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createElement } from 'react';
import { flushSync } from 'react-dom';
import type { Root } from 'react-dom/client';
import type { EquationBlock } from '../../../src/math';
import { standInObserver, type Report } from './standInObserver';

/**
 * A list of equations while a weight is dragged: the one on screen is built with the edit's
 * numbers in the render that shows the edit; the one the browser reports out of view keeps its
 * last numbers in that render, and is built in the deferred render that follows (or as soon as it
 * comes into view). The browser's IntersectionObserver is stood in for, so the test decides what is
 * on screen.
 */

let report: Report = () => {};

beforeEach(() => {
  vi.resetModules(); // a fresh onScreen module: its observer is made with the stand-in below
  report = standInObserver();
  // The idle flush of typeset equations (onScreen.ts), never needed here.
  vi.stubGlobal('requestIdleCallback', () => 0);
});

afterEach(() => {
  vi.unstubAllGlobals();
});

/** An equation whose numbers are `value`, counting how often it is built. */
function equation(name: string, value: number, built: string[]) {
  return (): EquationBlock => {
    built.push(`${name} ${value}`);
    return { title: `${name} is ${value}`, general: '', substituted: '', result: '' };
  };
}

/** The React scheduler's deferred work runs in a task of its own. */
const deferredRender = () => new Promise((resolve) => setTimeout(resolve, 20));

async function rows() {
  const { EquationRows } = await import('../../../src/components/equations/EquationRows');
  const { createRoot } = await import('react-dom/client');
  const container = document.createElement('div');
  document.body.appendChild(container);
  const root: Root = createRoot(container);
  const built: string[] = [];
  const show = (value: number) =>
    flushSync(() =>
      root.render(
        createElement(EquationRows, {
          blocks: [equation('a', value, built), equation('b', value, built)],
          testId: 'rows',
        }),
      ),
    );
  const items = () => Array.from(container.querySelectorAll('li'));
  const titles = () => items().map((li) => li.querySelector('.equation-title')?.textContent);
  return { show, items, titles, built, root };
}

describe('equations built when shown', () => {
  it('builds every equation at once until the browser has said what is on screen', async () => {
    const { show, titles, built, root } = await rows();
    show(1);
    expect(titles()).toEqual(['a is 1', 'b is 1']);
    show(2);
    expect(titles()).toEqual(['a is 2', 'b is 2']);
    expect(built).toEqual(['a 1', 'b 1', 'a 2', 'b 2']);
    root.unmount();
  });

  it('leaves an equation out of view to the deferred render, and builds it there', async () => {
    const { show, items, titles, built, root } = await rows();
    show(1);
    const [a, b] = items() as [HTMLLIElement, HTMLLIElement];
    flushSync(() =>
      report([
        { target: a, isIntersecting: true },
        { target: b, isIntersecting: false },
      ]),
    );
    built.length = 0;
    show(2);
    // The edit's render: the equation on screen has its new numbers; the other is not built.
    expect(titles()).toEqual(['a is 2', 'b is 1']);
    expect(built).toEqual(['a 2']);
    await deferredRender();
    expect(titles()).toEqual(['a is 2', 'b is 2']);
    expect(built).toEqual(['a 2', 'b 2']);
    root.unmount();
  });

  it('shows the newest numbers in an equation that comes into view', async () => {
    const { show, items, titles, built, root } = await rows();
    show(1);
    const b = items()[1] as HTMLLIElement;
    flushSync(() => report([{ target: b, isIntersecting: false }]));
    show(2);
    expect(titles()).toEqual(['a is 2', 'b is 1']);
    flushSync(() => report([{ target: b, isIntersecting: true }]));
    expect(titles()).toEqual(['a is 2', 'b is 2']);
    await deferredRender();
    expect(built.filter((e) => e === 'b 2')).toHaveLength(1); // built once, not again
    root.unmount();
  });
});
