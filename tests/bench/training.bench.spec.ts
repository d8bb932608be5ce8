import { expect, test, type Page } from '@playwright/test';

/**
 * Training with the live view on (heatmaps, hidden units, charts): frame times of the page measured
 * from requestAnimationFrame timestamps, training throughput in examples per second, and the time
 * of the batched forward pass over the 100 × 100 heatmap grid. Printed, not asserted: speed depends
 * on the machine. For comparison, TensorFlow Playground recomputes that grid with 10,000 separate
 * forward passes every frame (13.6 ms for 2-8-8-1 and 78 ms for 2-16-16-16-16-1 on the machine of
 * issue 4) and trains one epoch per frame.
 */

interface FrameStats {
  frames: number;
  seconds: number;
  fps: number;
  p50: number;
  p95: number;
  p99: number;
  max: number;
  over16: number;
}

async function setField(page: Page, label: string, value: string) {
  const field = page.getByRole('textbox', { name: label, exact: true });
  await field.fill(value);
  await field.press('Enter');
}

/** Build hidden layers of these sizes through the Network panel, as a learner would. */
async function buildNetwork(page: Page, hidden: number[], activation: string) {
  const shape = page.getByTestId('network-shape');
  const count = async () => ((await shape.textContent()) ?? '').split('→').length - 2;
  while ((await count()) < hidden.length) {
    await page.getByRole('button', { name: 'Add hidden layer' }).click();
  }
  while ((await count()) > hidden.length) {
    await page.getByRole('button', { name: `Remove hidden layer ${await count()}` }).click();
  }
  for (const [i, units] of hidden.entries()) {
    await setField(page, `Units in hidden layer ${i + 1}`, String(units));
  }
  await page.getByRole('combobox', { name: 'Hidden activation' }).selectOption(activation);
}

async function openTraining(page: Page) {
  await page.goto('./');
  await page.getByRole('tab', { name: 'Train' }).click();
  await expect(page.getByTestId('boundary-canvas')).toHaveAttribute('data-frames', /\d+/);
}

/** Train for `seconds` with the view live; frame times from rAF timestamps on the page. */
async function measure(page: Page, seconds: number) {
  await page.evaluate(() => {
    const w = window as unknown as { __frames: number[]; __recording: boolean };
    w.__frames = [];
    w.__recording = true;
    const tick = (t: number) => {
      w.__frames.push(t);
      if (w.__recording) requestAnimationFrame(tick);
    };
    requestAnimationFrame(tick);
  });
  const epochBefore = Number(await page.getByTestId('train-epoch').textContent());
  await page.getByRole('button', { name: 'Train', exact: true }).click();
  const start = Date.now();
  await page.waitForTimeout(seconds * 1000);
  const gridMs: number[] = [];
  const paintMs: number[] = [];
  for (const el of await page.getByTestId('grid-time').all()) {
    gridMs.push(Number(await el.getAttribute('data-value')));
    paintMs.push(Number(await el.getAttribute('data-paint')));
  }
  await page.getByRole('button', { name: 'Pause training' }).click();
  const elapsed = (Date.now() - start) / 1000;
  const frames = await page.evaluate(() => {
    const w = window as unknown as { __frames: number[]; __recording: boolean };
    w.__recording = false;
    return w.__frames;
  });
  await expect(page.getByRole('button', { name: 'Train', exact: true })).toBeVisible();
  const epochAfter = Number(await page.getByTestId('train-epoch').textContent());
  const trainPoints = Number(
    /^(\d+) training/.exec((await page.getByTestId('data-summary').textContent()) ?? '')?.[1],
  );
  const deltas = frames
    .slice(1)
    .map((t, i) => t - (frames[i] as number))
    .sort((a, b) => a - b);
  const pct = (p: number) =>
    deltas[Math.min(deltas.length - 1, Math.floor(p * deltas.length))] ?? NaN;
  const span = ((frames[frames.length - 1] ?? 0) - (frames[0] ?? 0)) / 1000;
  const stats: FrameStats = {
    frames: deltas.length,
    seconds: span,
    fps: deltas.length / span,
    p50: pct(0.5),
    p95: pct(0.95),
    p99: pct(0.99),
    max: deltas[deltas.length - 1] ?? NaN,
    over16: deltas.filter((d) => d > 16.7 * 1.5).length,
  };
  return {
    stats,
    examplesPerSecond: ((epochAfter - epochBefore) * trainPoints) / elapsed,
    gridMs: gridMs[0] ?? NaN,
    paintMs: paintMs[0] ?? NaN,
  };
}

const ms = (v: number) => `${v.toFixed(2)} ms`;

function report(name: string, r: Awaited<ReturnType<typeof measure>>) {
  const s = r.stats;
  console.log(
    [
      `\n${name}`,
      `  frames: ${s.frames} in ${s.seconds.toFixed(2)} s → ${s.fps.toFixed(1)} fps`,
      `  frame time p50 ${ms(s.p50)}, p95 ${ms(s.p95)}, p99 ${ms(s.p99)}, max ${ms(s.max)}; ${s.over16} frames over 25 ms (a dropped frame)`,
      `  training: ${Math.round(r.examplesPerSecond).toLocaleString('en-US')} examples/s with the view live`,
      `  heatmap grid (forward pass only): ${ms(r.gridMs)}; painting it: ${ms(r.paintMs)}`,
    ].join('\n'),
  );
}

test.describe.configure({ mode: 'serial' });

test('training 2-16-16-16-16-1 (tanh) on the circle with the live view', async ({ page }) => {
  await openTraining(page);
  await buildNetwork(page, [16, 16, 16, 16], 'tanh');
  await expect(page.getByTestId('network-shape')).toHaveText('2 → 16 → 16 → 16 → 16 → 1');
  await setField(page, 'Learning rate η', '0.03');
  await page.getByRole('combobox', { name: 'Speed' }).selectOption('max');
  report('2-16-16-16-16-1, as fast as possible', await measure(page, 5));
  await page.getByRole('combobox', { name: 'Speed' }).selectOption('epoch');
  report('2-16-16-16-16-1, one epoch per frame (as Playground)', await measure(page, 5));
});

test('the largest network allowed: 7 features, 8 hidden layers of 16, three spirals', async ({
  page,
}) => {
  await openTraining(page);
  await page.getByRole('combobox', { name: 'Dataset' }).selectOption('threeSpirals');
  for (const name of ['x₁²', 'x₂²', 'x₁x₂', 'sin x₁', 'sin x₂']) {
    await page.getByRole('checkbox', { name, exact: true }).check();
  }
  await buildNetwork(page, [16, 16, 16, 16, 16, 16, 16, 16], 'tanh');
  await expect(page.getByTestId('network-shape')).toHaveText(/^7 → (16 → ){8}3$/);
  await setField(page, 'Learning rate η', '0.03');
  await page.getByRole('combobox', { name: 'Speed' }).selectOption('max');
  report('7-16×8-3 (largest), as fast as possible', await measure(page, 5));
});

test('heatmap grid pass for 2-8-8-1', async ({ page }) => {
  await openTraining(page);
  await buildNetwork(page, [8, 8], 'tanh');
  await page.getByRole('combobox', { name: 'Speed' }).selectOption('max');
  report('2-8-8-1, as fast as possible', await measure(page, 3));
});
