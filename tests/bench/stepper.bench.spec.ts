import { expect, test, type Page } from '@playwright/test';

/**
 * The stepper on TensorFlow Playground's largest network (2 inputs, 6 hidden layers of 8, one
 * output, batch 10) and on the largest one this app allows (8 inputs, 8 hidden layers of 16, 10
 * softmax outputs, a batch of 32), with every number on screen (the gradient step, edges drawn by
 * |∂L/∂w|):
 *
 * - one weight edit, from the input event to the end of React's render, style and layout: every
 *   z, a, δ, gradient, edge and equation on screen is recomputed and redrawn;
 * - a continuous drag of the weight with the mouse, with the page's frame times from
 *   requestAnimationFrame timestamps;
 * - one step forward or back.
 *
 * Printed, not asserted: speed depends on the machine. The budget is one 16 ms frame.
 */

interface Shape {
  name: string;
  inputs: number;
  hidden: number;
  units: number;
  outputs: number;
  samples: number;
}
const SHAPES: Shape[] = [
  { name: "Playground's largest", inputs: 2, hidden: 6, units: 8, outputs: 1, samples: 10 },
  { name: 'the largest allowed', inputs: 8, hidden: 8, units: 16, outputs: 10, samples: 32 },
];

async function setField(page: Page, label: string, value: string) {
  const field = page.getByRole('textbox', { name: label, exact: true });
  await field.fill(value);
  await field.press('Enter');
  await expect(field).toHaveValue(value);
}

/** Build the network through the Network and Sample panels, as a learner would. */
async function open(page: Page, shape: Shape) {
  await page.goto('./');
  await setField(page, 'Units in input layer', String(shape.inputs));
  for (let l = 2; l <= shape.hidden; l++) {
    await page.getByRole('button', { name: 'Add layer before' }).last().click();
  }
  for (let l = 1; l <= shape.hidden; l++) {
    await setField(page, `Units in hidden ${l} layer`, String(shape.units));
    await page
      .getByRole('combobox', { name: `Activation of hidden ${l} layer` })
      .selectOption('tanh');
  }
  await setField(page, 'Units in output layer', String(shape.outputs));
  if (shape.outputs > 1) {
    await page
      .getByRole('combobox', { name: 'Activation of output layer' })
      .selectOption('softmax');
    await page.getByRole('combobox', { name: 'Loss' }).selectOption('crossEntropy');
  }
  for (let n = 1; n < shape.samples; n++) {
    await page.getByRole('button', { name: 'Add sample' }).click();
  }
  await expect(page.getByRole('radio', { name: `Sample ${shape.samples}` })).toBeVisible();
  await page.getByRole('combobox', { name: 'Edges show' }).selectOption('gradients');
  await page.keyboard.press('End');
  await page.getByRole('button', { name: 'Step back' }).click();
  await expect(page.getByTestId('phase')).toContainText('Gradients');
  await page.getByTestId('edge-2-3-5').dispatchEvent('click');
  await expect(page.getByRole('textbox', { name: 'Weight w₄₆⁽²⁾' })).toBeVisible();
}

const ms = (v: number) => `${v.toFixed(2)} ms`;

function percentiles(values: number[]) {
  const sorted = [...values].sort((a, b) => a - b);
  const at = (p: number) =>
    sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))] ?? NaN;
  return { p50: at(0.5), p95: at(0.95), max: sorted[sorted.length - 1] ?? NaN };
}

/**
 * Edits driven by pointer events on the drag handle. For each: the time to the diagram and the
 * inspector rendered and laid out (React's synchronous update), and the time until the equations,
 * which are deferred behind them, are typeset and laid out too. The page is idle between edits.
 */
async function timeEdits(page: Page, count: number): Promise<{ diagram: number[]; all: number[] }> {
  return page.evaluate(async (n) => {
    const handle = document.querySelector('.inspector .scrub') as HTMLElement;
    const equations = document.querySelector('.equations-panel') as HTMLElement;
    const box = handle.getBoundingClientRect();
    const at = (dx: number) => ({
      bubbles: true,
      pointerId: 1,
      clientX: box.x + box.width / 2 + dx,
      clientY: box.y + box.height / 2,
    });
    const idle = () =>
      new Promise((resolve) =>
        requestAnimationFrame(() => requestAnimationFrame(() => setTimeout(resolve, 30))),
      );
    handle.dispatchEvent(new PointerEvent('pointerdown', at(0)));
    await idle();
    const diagram: number[] = [];
    const all: number[] = [];
    for (let i = 1; i <= n; i++) {
      const typeset = new Promise<number>((resolve) => {
        const observer = new MutationObserver(() => {
          observer.disconnect();
          void document.body.getBoundingClientRect();
          resolve(performance.now());
        });
        observer.observe(equations, { subtree: true, childList: true, characterData: true });
      });
      const t0 = performance.now();
      handle.dispatchEvent(new PointerEvent('pointermove', at(i % 2 ? i : -i)));
      await Promise.resolve(); // React flushes the store's synchronous update in a microtask
      void document.body.getBoundingClientRect(); // style and layout of everything it changed
      diagram.push(performance.now() - t0);
      all.push((await typeset) - t0);
      await idle();
    }
    handle.dispatchEvent(new PointerEvent('pointerup', at(0)));
    return { diagram, all };
  }, count);
}

/** A real mouse drag on the handle; frame intervals of the page while it lasts. */
async function dragFrames(
  page: Page,
  moves: number,
): Promise<{ all: number[]; withEdits: number[] }> {
  const box = await page.locator('.inspector .scrub').boundingBox();
  if (!box) throw new Error('No drag handle on screen.');
  await page.evaluate(() => {
    const w = window as unknown as {
      __frames: number[];
      __moves: number[];
      __recording: boolean;
    };
    w.__frames = [];
    w.__moves = [];
    w.__recording = true;
    let moves = 0;
    window.addEventListener('pointermove', () => moves++, { capture: true });
    const tick = (t: number) => {
      w.__frames.push(t);
      w.__moves.push(moves);
      moves = 0;
      if (w.__recording) requestAnimationFrame(tick);
    };
    requestAnimationFrame(tick);
  });
  const y = box.y + box.height / 2;
  let x = box.x + box.width / 2;
  await page.mouse.move(x, y);
  await page.mouse.down();
  for (let i = 0; i < moves; i++) {
    x += i % 40 < 20 ? 2 : -2;
    await page.mouse.move(x, y);
  }
  await page.mouse.up();
  const { frames, handled } = await page.evaluate(() => {
    const w = window as unknown as { __frames: number[]; __moves: number[]; __recording: boolean };
    w.__recording = false;
    return { frames: w.__frames, handled: w.__moves };
  });
  // Frame k ends at frames[k + 1]; the moves handled in it are counted at that tick.
  const intervals = frames.slice(1).map((t, i) => t - (frames[i] as number));
  return { all: intervals, withEdits: intervals.filter((_, i) => (handled[i + 1] ?? 0) > 0) };
}

test.describe.configure({ mode: 'serial' });

for (const shape of SHAPES) {
  test(`a weight edit on ${shape.name} network re-renders within a frame`, async ({ page }) => {
    await open(page, shape);
    const before = await page.getByTestId('selected-gradient').textContent();
    const edits = await timeEdits(page, 40);
    await expect(page.getByTestId('selected-gradient')).not.toHaveText(before ?? '');
    const e = percentiles(edits.diagram.slice(5)); // the first few warm up the JIT
    const eq = percentiles(edits.all.slice(5));
    const drag = await dragFrames(page, 200);
    const frames = drag.all;
    const f = percentiles(drag.withEdits);
    const dropped = frames.filter((d) => d > 16.7 * 1.5).length;
    const fps = frames.length / (frames.reduce((a, b) => a + b, 0) / 1000);
    console.log(
      [
        `\nStepper, ${shape.name} network (${shape.inputs}-${shape.units}×${shape.hidden}-${shape.outputs}, batch ${shape.samples}, gradient step, edges by |∂L/∂w|)`,
        `  one weight edit → every z, a, δ, gradient and edge in the diagram and the inspector rendered and laid out: p50 ${ms(e.p50)}, p95 ${ms(e.p95)}, max ${ms(e.max)} (${edits.diagram.length - 5} edits)`,
        `  … and the equations (typeset after the diagram, deferred) rendered and laid out: p50 ${ms(eq.p50)}, p95 ${ms(eq.p95)}, max ${ms(eq.max)} after the edit`,
        `  mouse drag of the weight: ${frames.length} frames, ${fps.toFixed(1)} fps, ${dropped} over 25 ms (a dropped frame); the ${drag.withEdits.length} frames that redrew an edit: p50 ${ms(f.p50)}, p95 ${ms(f.p95)}, max ${ms(f.max)}`,
      ].join('\n'),
    );
  });

  test(`stepping on ${shape.name} network`, async ({ page }) => {
    await open(page, shape);
    const times = await page.evaluate(async () => {
      const button = Array.from(document.querySelectorAll('button')).find(
        (b) => b.textContent === 'Step back',
      ) as HTMLButtonElement;
      const forward = Array.from(document.querySelectorAll('button')).find(
        (b) => b.textContent === 'Step forward',
      ) as HTMLButtonElement;
      const out: number[] = [];
      for (let i = 0; i < 40; i++) {
        const t0 = performance.now();
        (i % 2 ? forward : button).click();
        await Promise.resolve();
        void document.body.getBoundingClientRect();
        out.push(performance.now() - t0);
        await new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));
      }
      return out;
    });
    const s = percentiles(times.slice(4));
    console.log(
      `  one step forward or back → rendered and laid out: p50 ${ms(s.p50)}, p95 ${ms(s.p95)}, max ${ms(s.max)}`,
    );
  });
}
