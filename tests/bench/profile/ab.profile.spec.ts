import { test } from '@playwright/test';
import { percentiles } from '../measure';
import { grabHandle, openNetwork, profiled } from './edits';

/**
 * What a part of the page costs the frame that shows an edit, measured against itself in one page:
 * a stylesheet (AB_CSS, e.g. `.unit-values{display:none}`) is on for every other edit, and the
 * frames with it and without it are timed as the stepper bench times them (from the pointermove to
 * a task posted from requestAnimationFrame) with no trace running. The machine's speed drifts by
 * more than a millisecond between runs of one build; here both halves share the drift, so a
 * difference of a few tenths shows. N edits (100 by default), 320 ms apart.
 */
test('the frame that shows an edit, with and without a stylesheet', async ({ page }) => {
  const css = process.env.AB_CSS;
  if (!css) throw new Error('AB_CSS: the stylesheet to compare with.');
  await openNetwork(page, ...profiled());
  const move = await grabHandle(page);
  await page.evaluate((text) => {
    type Scheduler = { postTask(task: () => void, options: { priority: string }): unknown };
    const w = window as unknown as { scheduler: Scheduler; __frames: [number, boolean][] };
    w.__frames = [];
    const style = document.createElement('style');
    style.id = 'ab-experiment';
    style.textContent = text;
    document.head.append(style);
    style.disabled = true;
    window.addEventListener(
      'pointermove',
      (event) => {
        if ((event.buttons & 1) === 0) return;
        const start = performance.now();
        const on = !style.disabled;
        requestAnimationFrame(() =>
          w.scheduler.postTask(() => w.__frames.push([performance.now() - start, on]), {
            priority: 'user-blocking',
          }),
        );
      },
      { capture: true },
    );
  }, css);
  for (let i = 1; i <= 8; i++) {
    await move(i);
    await page.waitForTimeout(200);
  }
  await page.evaluate(() => {
    (window as unknown as { __frames: unknown[] }).__frames = [];
  });
  const count = Number(process.env.N ?? 100);
  for (let i = 1; i <= count; i++) {
    // The stylesheet switched, and the page given a frame to apply it, before the edit.
    await page.evaluate(
      (on) => {
        (document.getElementById('ab-experiment') as HTMLStyleElement).disabled = !on;
      },
      i % 2 === 1,
    );
    await page.waitForTimeout(120);
    await move(i);
    await page.waitForTimeout(200);
  }
  const frames = await page.evaluate(
    () => (window as unknown as { __frames: [number, boolean][] }).__frames,
  );
  const half = (on: boolean) => {
    const p = percentiles(frames.filter(([, with_]) => with_ === on).map(([ms]) => ms));
    return `p50 ${p.p50.toFixed(2)} ms, p95 ${p.p95.toFixed(1)} ms`;
  };
  console.log(`without: ${half(false)}\nwith ${css}: ${half(true)}`);
});
