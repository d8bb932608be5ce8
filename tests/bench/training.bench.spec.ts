import { writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test, type Browser, type Page } from '@playwright/test';
import { median, quantile } from './measure';
import { playgroundFrames, type PlaygroundTiming } from './playgroundFrame';

/**
 * Training with the whole live view on (output heatmap, unit pictures and weights in the diagram,
 * loss/accuracy/gradient charts), in real Chromium, driven as a learner would. For each network:
 *
 * - frames: requestAnimationFrame intervals on the page → fps and frame-time percentiles, and the
 *   same measured on the idle page first, so the machine's own noise is visible beside them;
 * - main thread: every task from a Chromium trace (the longest one, and how many exceed 16 ms),
 *   and long tasks (≥ 50 ms) from PerformanceObserver('longtask'). A steady 16.7 ms rAF interval
 *   alone does not prove that no task blocked the page;
 * - throughput: examples trained per second with the view live, and how often the heatmaps and
 *   diagram were redrawn;
 * - TensorFlow Playground on the same network and data size, timed in the same page: its per-frame
 *   work ported from its source (see playgroundFrame.ts): one epoch of the training set plus a
 *   100 × 100 boundary from 10,000 separate forward passes, each frame. Issue 4 measured 13.6 ms
 *   (2-8-8-1) and 78 ms (2-16-16-16-16-1) for the boundary on this machine, so Playground runs at
 *   ~12 fps at best there. Its frame rate is that work rounded up to whole 16.7 ms frames (rAF);
 *   its throughput is one training set per frame. The ratio printed is ours ÷ that.
 *
 * Printed, not asserted: speed depends on the machine (and on whatever else it is running).
 */

interface FrameStats {
  fps: number;
  p50: number;
  p95: number;
  p99: number;
  max: number;
  /** Intervals over 20 ms: a frame missed its 16.7 ms slot. */
  missed: number;
  frames: number;
}

interface MainThread {
  /** Wall time of the longest task, and of the longest in the thread's own CPU time. */
  longestTaskMs: number;
  longestTaskCpuMs: number;
  tasks: number;
  tasksOver16: number;
  cpuOver16: number;
  /** Fraction of wall time the page's main thread was in a task, and actually on a CPU. */
  busy: number;
  cpuBusy: number;
  longTasks: number[];
}

interface TrainingRun {
  frames: FrameStats;
  main: MainThread;
  examplesPerSecond: number;
  /** Null where the data has no plane or line to draw (more than two inputs). */
  redrawsPerSecond: number | null;
  gridMs: number | null;
  paintMs: number | null;
}

const FRAME_MS = 1000 / 60;

function frameStats(times: number[]): FrameStats {
  const deltas = times
    .slice(1)
    .map((t, i) => t - (times[i] as number))
    .sort((a, b) => a - b);
  const pct = (p: number) => quantile(deltas, p);
  const span = ((times[times.length - 1] ?? 0) - (times[0] ?? 0)) / 1000;
  return {
    fps: deltas.length / span,
    p50: pct(0.5),
    p95: pct(0.95),
    p99: pct(0.99),
    max: deltas[deltas.length - 1] ?? NaN,
    missed: deltas.filter((d) => d > 20).length,
    frames: deltas.length,
  };
}

async function setField(page: Page, label: string, value: string) {
  const field = page.getByRole('textbox', { name: label, exact: true });
  await field.fill(value);
  await field.press('Enter');
  await expect(field).toHaveValue(value);
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

/** rAF timestamps and long tasks from now until the returned function is called. */
async function startRecording(
  page: Page,
): Promise<() => Promise<{ times: number[]; long: number[] }>> {
  await page.evaluate(() => {
    const w = window as unknown as { __bench: { times: number[]; long: number[]; on: boolean } };
    const bench = { times: [] as number[], long: [] as number[], on: true };
    w.__bench = bench;
    const observer = new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) bench.long.push(entry.duration);
    });
    observer.observe({ type: 'longtask' });
    const tick = (t: number) => {
      bench.times.push(t);
      if (bench.on) requestAnimationFrame(tick);
      else observer.disconnect();
    };
    requestAnimationFrame(tick);
  });
  return () =>
    page.evaluate(() => {
      const w = window as unknown as { __bench: { times: number[]; long: number[]; on: boolean } };
      w.__bench.on = false;
      return { times: w.__bench.times, long: w.__bench.long };
    });
}

const TOP_LEVEL_TASK = 'ThreadControllerImpl::RunTask';

/** The page's main-thread tasks (top-level RunTask events) in a Chromium trace. */
function mainThreadTasks(trace: Buffer, wallMs: number): Omit<MainThread, 'longTasks'> {
  const parsed = JSON.parse(trace.toString('utf8')) as { traceEvents: TraceEvent[] } | TraceEvent[];
  const events = Array.isArray(parsed) ? parsed : parsed.traceEvents;
  const names = new Map<string, string>();
  for (const e of events)
    if (e.name === 'thread_name') names.set(`${e.pid}:${e.tid}`, e.args?.name ?? '');
  const onMain = (e: TraceEvent) => names.get(`${e.pid}:${e.tid}`) === 'CrRendererMain';
  // Top-level tasks are named after the scheduler that ran them; older builds say "RunTask".
  const top = events.some((e) => e.name === TOP_LEVEL_TASK) ? TOP_LEVEL_TASK : 'RunTask';
  const byPid = new Map<number, TraceEvent[]>();
  for (const e of events) {
    if (e.ph !== 'X' || e.name !== top || !onMain(e)) continue;
    byPid.set(e.pid, [...(byPid.get(e.pid) ?? []), e]);
  }
  const sum = (values: number[]) => values.reduce((a, b) => a + b, 0);
  const wall = (list: TraceEvent[]) => list.map((e) => (e.dur ?? 0) / 1000);
  // The page's renderer is the busiest one (others are the browser's own pages).
  const page = [...byPid.values()].sort((a, b) => sum(wall(b)) - sum(wall(a)))[0] ?? [];
  const tasks = wall(page);
  const cpu = page.map((e) => (e.tdur ?? e.dur ?? 0) / 1000);
  return {
    longestTaskMs: Math.max(0, ...tasks),
    longestTaskCpuMs: Math.max(0, ...cpu),
    tasks: tasks.length,
    tasksOver16: tasks.filter((d) => d > 16).length,
    cpuOver16: cpu.filter((d) => d > 16).length,
    busy: sum(tasks) / wallMs,
    cpuBusy: sum(cpu) / wallMs,
  };
}

interface TraceEvent {
  name: string;
  ph: string;
  pid: number;
  tid: number;
  dur?: number;
  /** Thread (CPU) time: less than dur when the OS ran something else meanwhile. */
  tdur?: number;
  args?: { name?: string };
}

async function idleFrames(page: Page, seconds: number): Promise<FrameStats> {
  const stop = await startRecording(page);
  await page.waitForTimeout(seconds * 1000);
  return frameStats((await stop()).times);
}

async function train(browser: Browser, page: Page, seconds: number): Promise<TrainingRun> {
  const epoch = page.getByTestId('train-epoch');
  const canvas = page.getByTestId('boundary-canvas');
  const plotted = (await canvas.count()) > 0;
  const examplesBefore = Number(await epoch.getAttribute('data-examples'));
  const redrawsBefore = plotted ? Number(await canvas.getAttribute('data-frames')) : 0;
  const stop = await startRecording(page);
  await browser.startTracing(page, { categories: ['toplevel', 'devtools.timeline'] });
  const start = Date.now();
  await page.getByRole('button', { name: 'Train', exact: true }).click();
  await page.waitForTimeout(seconds * 1000);
  const grid = page.getByTestId('grid-time');
  const gridMs = plotted ? Number(await grid.getAttribute('data-value')) : null;
  const paintMs = plotted ? Number(await grid.getAttribute('data-paint')) : null;
  await page.getByRole('button', { name: 'Pause training' }).click();
  const elapsed = Date.now() - start;
  const trace = await browser.stopTracing();
  const { times, long } = await stop();
  await expect(page.getByRole('button', { name: 'Train', exact: true })).toBeVisible();
  await expect(epoch).not.toHaveAttribute('data-examples', String(examplesBefore));
  const examples = Number(await epoch.getAttribute('data-examples')) - examplesBefore;
  const redraws = plotted ? Number(await canvas.getAttribute('data-frames')) - redrawsBefore : 0;
  return {
    frames: frameStats(times),
    main: { ...mainThreadTasks(trace, elapsed), longTasks: long },
    examplesPerSecond: (examples * 1000) / elapsed,
    redrawsPerSecond: plotted ? (redraws * 1000) / elapsed : null,
    gridMs,
    paintMs,
  };
}

/** How many points the page trains and tests on, from the data summary. */
async function dataSize(page: Page): Promise<{ train: number; test: number }> {
  const text = (await page.getByTestId('data-summary').textContent()) ?? '';
  const match = /^(\d+) training and (\d+) test/.exec(text);
  return { train: Number(match?.[1]), test: Number(match?.[2]) };
}

async function playground(page: Page, shape: number[]): Promise<PlaygroundTiming> {
  const { train, test } = await dataSize(page);
  return page.evaluate(playgroundFrames, {
    shape,
    trainCount: train,
    testCount: test,
    batchSize: 10,
    learningRate: 0.03,
    warmup: 3,
    frames: 12,
  });
}

const ms = (v: number) => `${v.toFixed(1)} ms`;
const count = (v: number) => Math.round(v).toLocaleString('en-US');

function report(
  title: string,
  idle: FrameStats,
  run: TrainingRun,
  trainCount: number,
  pg: PlaygroundTiming | null,
) {
  const f = run.frames;
  const m = run.main;
  const lines = [
    `\n${title}`,
    `  idle page first (the machine's noise): ${idle.fps.toFixed(1)} fps, p99 ${ms(idle.p99)}, max ${ms(idle.max)}, ${idle.missed} of ${idle.frames} intervals over 20 ms`,
    `  frames while training: ${f.fps.toFixed(1)} fps; frame time p50 ${ms(f.p50)}, p95 ${ms(f.p95)}, p99 ${ms(f.p99)}, max ${ms(f.max)}; ${f.missed} of ${f.frames} intervals over 20 ms`,
    `  main thread (trace, ${count(m.tasks)} tasks): longest ${ms(m.longestTaskMs)} wall / ${ms(m.longestTaskCpuMs)} CPU; over 16 ms: ${m.tasksOver16} by wall clock, ${m.cpuOver16} by CPU time; in a task ${(m.busy * 100).toFixed(0)} % of the time, on a CPU ${(m.cpuBusy * 100).toFixed(0)} %`,
    `  long tasks (≥ 50 ms, PerformanceObserver('longtask')): ${m.longTasks.length}${m.longTasks.length ? ` (${m.longTasks.map((d) => d.toFixed(0)).join(', ')} ms)` : ''}`,
    run.redrawsPerSecond === null
      ? `  training: ${count(run.examplesPerSecond)} examples/s with the view live (no plane to draw: the curves and the diagram's edges)`
      : `  training: ${count(run.examplesPerSecond)} examples/s with the view live; heatmaps, unit pictures and edges redrawn ${run.redrawsPerSecond.toFixed(1)} times/s; grid forward pass ${ms(run.gridMs ?? NaN)} (in the worker), painting it ${ms(run.paintMs ?? NaN)}`,
  ];
  if (pg) {
    const frame = median(pg.frameMs);
    const fps = 1000 / (Math.ceil(frame / FRAME_MS) * FRAME_MS);
    const perSecond = trainCount * fps;
    lines.push(
      `  Playground, same network and data: a frame's work ${ms(frame)} (boundary alone ${ms(median(pg.boundaryMs))}; drawing not counted) → ${fps.toFixed(1)} fps at best → ${count(perSecond)} examples/s (one epoch of ${trainCount} per frame)`,
      `  → Backstep trains ${(run.examplesPerSecond / perSecond).toFixed(1)}× Playground's examples/s, at ${f.fps.toFixed(0)} fps against its ${fps.toFixed(0)}`,
    );
  }
  console.log(lines.join('\n'));
}

/** 500 points of ten interleaved spiral arms, one-hot: two inputs, ten classes. */
function tenClassCsv(): string {
  const rows = ['x1,x2,' + Array.from({ length: 10 }, (_, k) => `c${k}`).join(',')];
  for (let i = 0; i < 500; i++) {
    const k = i % 10;
    const r = (Math.floor(i / 10) / 50) * 5;
    const t = 1.75 * (r / 5) * 2 * Math.PI + (2 * Math.PI * k) / 10;
    const onehot = Array.from({ length: 10 }, (_, j) => (j === k ? 1 : 0));
    rows.push([(r * Math.sin(t)).toFixed(4), (r * Math.cos(t)).toFixed(4), ...onehot].join(','));
  }
  return rows.join('\n');
}

test.describe.configure({ mode: 'serial' });

test('2-16-16-16-16-1 (tanh) on the circle', async ({ page, browser }) => {
  await openTraining(page);
  await buildNetwork(page, [16, 16, 16, 16], 'tanh');
  await expect(page.getByTestId('network-shape')).toHaveText('2 → 16 → 16 → 16 → 16 → 1');
  await setField(page, 'Learning rate η', '0.03');
  const { train: trainCount } = await dataSize(page);
  const pg = await playground(page, [2, 16, 16, 16, 16, 1]);
  await page.getByRole('combobox', { name: 'Speed' }).selectOption('max');
  const idle = await idleFrames(page, 2);
  report(
    `2-16-16-16-16-1 tanh · circle · batch 10 · as fast as possible`,
    idle,
    await train(browser, page, 6),
    trainCount,
    pg,
  );
  await page.getByRole('combobox', { name: 'Speed' }).selectOption('epoch');
  report(
    `2-16-16-16-16-1 tanh · circle · batch 10 · one epoch per frame (Playground's pace)`,
    await idleFrames(page, 2),
    await train(browser, page, 5),
    trainCount,
    pg,
  );
});

test('the largest network with pictures: 7 features, 8 hidden layers of 16, 10 classes', async ({
  page,
  browser,
}) => {
  await openTraining(page);
  await page.getByText('Your own data (CSV)').click();
  await page.getByRole('textbox', { name: 'CSV data' }).fill(tenClassCsv());
  await page.getByRole('button', { name: 'Use this CSV' }).click();
  await expect(page.getByTestId('data-summary')).toContainText('10 classes');
  // The features take the CSV's column names (x1, x2).
  for (const name of ['x1²', 'x2²', 'x1·x2', 'sin x1', 'sin x2']) {
    await page.getByRole('checkbox', { name, exact: true }).check();
  }
  await buildNetwork(page, [16, 16, 16, 16, 16, 16, 16, 16], 'tanh');
  await expect(page.getByTestId('network-shape')).toHaveText(/^7 → (16 → ){8}10$/);
  await setField(page, 'Learning rate η', '0.03');
  await page.getByRole('combobox', { name: 'Speed' }).selectOption('max');
  const { train: trainCount } = await dataSize(page);
  const pg = await playground(page, [7, ...Array<number>(8).fill(16), 10]);
  report(
    '7-16×8-10 (largest allowed) tanh/softmax · 10-class CSV · batch 10 · as fast as possible',
    await idleFrames(page, 2),
    await train(browser, page, 6),
    trainCount,
    pg,
  );
});

test('2-8-8-1 (tanh) on the circle', async ({ page, browser }) => {
  await openTraining(page);
  await buildNetwork(page, [8, 8], 'tanh');
  await setField(page, 'Learning rate η', '0.03');
  await page.getByRole('combobox', { name: 'Speed' }).selectOption('max');
  const { train: trainCount } = await dataSize(page);
  const pg = await playground(page, [2, 8, 8, 1]);
  report(
    '2-8-8-1 tanh · circle · batch 10 · as fast as possible',
    await idleFrames(page, 2),
    await train(browser, page, 4),
    trainCount,
    pg,
  );
});

test('digits 64-16-10 (tanh/softmax): examples/s in the worker with the view live', async ({
  page,
  browser,
}) => {
  await openTraining(page);
  await page
    .getByRole('combobox', { name: 'Dataset' })
    .selectOption({ label: 'Handwritten digits 8×8 (1,797 × 64, 10 classes)' });
  await expect(page.getByTestId('data-summary')).toContainText('64 inputs · 10 classes');
  await setField(page, 'Units in hidden layer 1', '16');
  await expect(page.getByTestId('network-shape')).toHaveText('64 → 16 → 10');
  await page.getByRole('combobox', { name: 'Speed' }).selectOption('max');
  const { train: trainCount } = await dataSize(page);
  const run = await train(browser, page, 8);
  report(
    `64-16-10 tanh/softmax · digits (${trainCount} training points) · batch 10 · as fast as possible`,
    await idleFrames(page, 2),
    run,
    trainCount,
    null,
  );
});

/**
 * A 5 MB CSV as a learner's file: 20,000 rows of 40 numbers and a class name, loaded through the
 * file input (from a file on disk, as a learner picks one: no copy through the page's script).
 * Every main-thread task from the choice of the file until the page has settled: the longest, and
 * the long tasks (≥ 50 ms) the page saw.
 */
function fiveMegabyteCsv(): string {
  const columns = 40;
  const rows = [[...Array.from({ length: columns }, (_, i) => `f${i}`), 'label'].join(',')];
  let seed = 1;
  const random = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
  for (let r = 0; r < 20_000; r++) {
    const k = r % 10;
    const cells = Array.from({ length: columns }, (_, i) =>
      (random() * 5 + (i % 10 === k ? 4 : 0)).toFixed(3),
    );
    rows.push([...cells, `class_${k}`].join(','));
  }
  return rows.join('\n');
}

test('a 5 MB CSV loaded as a file: the longest main-thread task', async ({ page, browser }) => {
  const text = fiveMegabyteCsv();
  const file = join(tmpdir(), `backstep-bench-${process.pid}.csv`);
  writeFileSync(file, text);
  await openTraining(page);
  await page.getByText('Your own data (CSV)').click();
  const idle = await idleFrames(page, 2);
  const stop = await startRecording(page);
  await browser.startTracing(page, { categories: ['toplevel', 'devtools.timeline'] });
  const start = Date.now();
  await page.getByLabel('Load a CSV file…').setInputFiles(file);
  await expect(page.getByTestId('data-summary')).toHaveText(
    '10000 training and 10000 test points · 40 inputs · 10 classes',
    { timeout: 60_000 },
  );
  const read = Date.now() - start;
  // What follows the data (the network fitted, the session started, the work saved) settles too.
  await page.waitForTimeout(3000);
  const trace = await browser.stopTracing();
  const { times, long } = await stop();
  const main = mainThreadTasks(trace, Date.now() - start);
  const f = frameStats(times);
  console.log(
    [
      `\n5 MB CSV (${count(text.length)} characters, 20,000 rows × 41 columns) loaded as a file`,
      `  idle page first (the machine's noise): ${idle.fps.toFixed(1)} fps, max ${ms(idle.max)}`,
      `  read and shown in ${(read / 1000).toFixed(1)} s; frames meanwhile and 3 s after: ${f.fps.toFixed(1)} fps, p95 ${ms(f.p95)}, max ${ms(f.max)}`,
      `  main thread (trace, ${count(main.tasks)} tasks): longest ${ms(main.longestTaskMs)} wall / ${ms(main.longestTaskCpuMs)} CPU; over 16 ms: ${main.tasksOver16} by wall clock, ${main.cpuOver16} by CPU time`,
      `  long tasks (≥ 50 ms, PerformanceObserver('longtask')): ${long.length}${long.length ? ` (${long.map((d) => d.toFixed(0)).join(', ')} ms)` : ''}`,
    ].join('\n'),
  );

  // The work saved with the file, opened again: the page's long tasks from its start until the
  // data is shown, and 3 s after.
  await page.addInitScript(() => {
    const w = window as unknown as { __startupLong: number[] };
    w.__startupLong = [];
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) w.__startupLong.push(entry.duration);
    }).observe({ type: 'longtask', buffered: true });
  });
  const reloaded = Date.now();
  await page.reload();
  await expect(page.getByTestId('data-summary')).toHaveText(
    '10000 training and 10000 test points · 40 inputs · 10 classes',
    { timeout: 60_000 },
  );
  const shown = Date.now() - reloaded;
  await page.waitForTimeout(3000);
  const startup = await page.evaluate(
    () => (window as unknown as { __startupLong: number[] }).__startupLong,
  );
  console.log(
    `  opened again (a reload): data shown in ${(shown / 1000).toFixed(1)} s; long tasks: ${startup.length}${startup.length ? ` (${startup.map((d) => d.toFixed(0)).join(', ')} ms)` : ''}`,
  );
});

/**
 * The loss landscape while training (issue 16): 2-16-16-16-16-1 on 500 training points, as fast as
 * possible, the 64 × 64 landscape live. Its refreshes a second (the panel counts the grids drawn)
 * and the page's frame rate, for the default pick (the last layer's two weights) and for two
 * weights of the first layer (the worst: drawn 32 × 32 while training, as the panel says). Budget:
 * ≥ 2 refreshes a second at 60 fps.
 */
test('loss landscape: refreshes a second while training 2-16-16-16-16-1 on 500 points', async ({
  page,
}) => {
  await openTraining(page);
  await buildNetwork(page, [16, 16, 16, 16], 'tanh');
  await setField(page, 'Points', '1000');
  await setField(page, 'Training share', '0.5');
  await expect(page.getByTestId('data-summary')).toHaveText(/^500 training/);
  const region = page.getByRole('region', { name: 'Loss landscape' });
  await region.getByRole('button', { name: 'Show the loss landscape' }).click();
  await expect(region.getByRole('img', { name: /Contour map/ })).toBeVisible({ timeout: 30_000 });
  await page.getByRole('combobox', { name: 'Speed' }).selectOption('max');
  const pictures = region.locator('.landscape-pictures');
  const refreshes = async () => Number(await pictures.getAttribute('data-refreshes'));
  const measure = async (name: string) => {
    await page.getByRole('button', { name: 'Train', exact: true }).click();
    await page.waitForTimeout(1500);
    const stop = await startRecording(page);
    const before = await refreshes();
    const start = Date.now();
    await page.waitForTimeout(8000);
    const seconds = (Date.now() - start) / 1000;
    const count = (await refreshes()) - before;
    const { times } = await stop();
    const drawn = await region.getByTestId('landscape-resolution').textContent();
    await page.getByRole('button', { name: 'Pause training' }).click();
    const fps = (times.length - 1) / (((times.at(-1) ?? 0) - (times[0] ?? 0)) / 1000);
    console.log(
      `landscape ${name} (${drawn}): ${(count / seconds).toFixed(2)} refreshes/s, page ${fps.toFixed(1)} fps (load ${loadavg()[0]?.toFixed(1)})`,
    );
  };
  await measure('w₁₁⁽⁵⁾ and w₂₁⁽⁵⁾ (default pick)');
  await region
    .getByRole('combobox', { name: 'First parameter' })
    .selectOption({ label: 'Weight w₁₁⁽¹⁾' });
  await region
    .getByRole('combobox', { name: 'Second parameter' })
    .selectOption({ label: 'Weight w₂₂⁽¹⁾' });
  await expect(region.getByRole('img', { name: /over w₁₁⁽¹⁾/ })).toBeVisible({ timeout: 60_000 });
  await measure('w₁₁⁽¹⁾ and w₂₂⁽¹⁾ (first layer)');
});
