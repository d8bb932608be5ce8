import { test, type Page } from '@playwright/test';
import { percentiles } from '../measure';
import { grabHandle, openNetwork, profiled } from './edits';

/**
 * Two builds against each other in one browser: the frame that shows an edit (timed as the stepper
 * bench times it), on a page of each, in blocks of 8 edits taken in turn, so that the machine's
 * drift between runs (more than a millisecond) falls on both alike. Serve each build on its own
 * port (`npx vite preview --outDir … --port …`), then URL_A=… URL_B=… SHAPE=pg|big. Each page makes
 * the bench's drag (±1, ±2, … px) ROUNDS times (2 by default) over N edits (48).
 */

/** The page at the bench's setup, its frames recorded; returns the drag's i-th move. */
async function prepare(page: Page): Promise<(i: number) => Promise<void>> {
  await openNetwork(page, ...profiled());
  const move = await grabHandle(page);
  await page.evaluate(() => {
    type Scheduler = { postTask(task: () => void, options: { priority: string }): unknown };
    const w = window as unknown as { scheduler: Scheduler; __frames: number[] };
    w.__frames = [];
    window.addEventListener(
      'pointermove',
      (event) => {
        if ((event.buttons & 1) === 0) return;
        const start = performance.now();
        requestAnimationFrame(() =>
          w.scheduler.postTask(() => w.__frames.push(performance.now() - start), {
            priority: 'user-blocking',
          }),
        );
      },
      { capture: true },
    );
  });
  return move;
}

test('two builds, their edit frames interleaved', async ({ browser }) => {
  const urls = [process.env.URL_A, process.env.URL_B];
  if (!urls[0] || !urls[1]) throw new Error('URL_A and URL_B: the two served builds.');
  const pages: Page[] = [];
  const moves: ((i: number) => Promise<void>)[] = [];
  for (const url of urls) {
    const context = await browser.newContext({ baseURL: url });
    const page = await context.newPage();
    pages.push(page);
    moves.push(await prepare(page));
  }
  const rounds = Number(process.env.ROUNDS ?? 2);
  const count = Number(process.env.N ?? 48);
  const BLOCK = 8;
  let turn = 0;
  for (let r = 0; r < rounds; r++) {
    for (let first = 1; first <= count; first += BLOCK) {
      // Which build goes first alternates, block by block.
      const order = turn++ % 2 === 0 ? [0, 1] : [1, 0];
      for (const k of order) {
        const page = pages[k] as Page;
        await page.bringToFront();
        await page.waitForTimeout(100);
        for (let i = first; i < first + BLOCK; i++) {
          await (moves[k] as (i: number) => Promise<void>)(i);
          await page.waitForTimeout(200);
        }
      }
    }
  }
  for (const [k, page] of pages.entries()) {
    const frames = await page.evaluate(
      () => (window as unknown as { __frames: number[] }).__frames,
    );
    const p = percentiles(frames);
    const mean = frames.reduce((a, b) => a + b, 0) / frames.length;
    console.log(
      `${urls[k]}: ${frames.length} edits, p50 ${p.p50.toFixed(2)} ms, p95 ${p.p95.toFixed(1)} ms, mean ${mean.toFixed(2)} ms`,
    );
  }
});
