import { test } from '@playwright/test';
import { percentiles, type ProfileNode, type TraceEvent } from '../measure';
import { grabHandle, openNetwork, profiled } from './edits';

/**
 * Where the frame that shows a weight edit goes: per edit, from the pointermove to the end of its
 * frame (as the stepper bench times it), the self time of each event of the renderer's main thread
 * (script, style, layout, paint…), from a Chromium trace. N edits, 250 ms apart, after 10 to warm
 * up. Env: SPLIT=k compares the first k edits with the rest (in the bench's drag, a number of the
 * largest network's chain rule starts crossing zero at the 20th); WORST=n prints the n slowest
 * edits; CPU=1 samples the script instead (a --minify false build names its functions), with
 * WORST=n that of the n slowest edits.
 */

type Row = Record<string, number>;

const mean = (values: number[]) => values.reduce((a, b) => a + b, 0) / values.length;

/** Self time of each event name inside [start, end], each event cut to the window. */
function selfTimes(events: TraceEvent[], start: number, end: number): Row {
  const inside = events.filter((e) => e.ts + (e.dur ?? 0) > start - 20_000 && e.ts < end);
  const children = new Map<TraceEvent, number>();
  const stack: TraceEvent[] = [];
  for (const e of inside) {
    while (
      stack.length &&
      (stack.at(-1) as TraceEvent).ts + ((stack.at(-1) as TraceEvent).dur ?? 0) <= e.ts
    )
      stack.pop();
    const parent = stack.at(-1);
    if (parent) children.set(parent, (children.get(parent) ?? 0) + (e.dur ?? 0));
    stack.push(e);
  }
  const row: Row = { window: (end - start) / 1000 };
  for (const e of inside) {
    const dur = e.dur ?? 0;
    const shown = Math.min(e.ts + dur, end) - Math.max(e.ts, start);
    if (shown <= 0 || dur === 0) continue;
    row[e.name] = (row[e.name] ?? 0) + ((dur - (children.get(e) ?? 0)) * (shown / dur)) / 1000;
  }
  return row;
}

/** Script time per function (self and with callees) in the windows, from the trace's CPU samples. */
function scriptTimes(events: TraceEvent[], main: TraceEvent, windows: [number, number][]): string {
  const nodes = new Map<number, ProfileNode>();
  const samples: { ts: number; id: number }[] = [];
  let t = 0;
  for (const e of events) {
    if (e.pid !== main.pid) continue;
    if (e.name === 'Profile') t = e.args?.data?.startTime ?? t;
    if (e.name !== 'ProfileChunk') continue;
    for (const n of e.args?.data?.cpuProfile?.nodes ?? []) nodes.set(n.id, n);
    const deltas = e.args?.data?.timeDeltas ?? [];
    (e.args?.data?.cpuProfile?.samples ?? []).forEach((id, i) => {
      t += deltas[i] ?? 0;
      samples.push({ ts: t, id });
    });
  }
  const name = (n: ProfileNode) =>
    `${n.callFrame.functionName || '(anonymous)'} ${(n.callFrame.url ?? '').split('/').pop()}:${n.callFrame.lineNumber}`;
  const self = new Map<string, number>();
  const total = new Map<string, number>();
  let previous = samples[0]?.ts ?? 0;
  for (const s of samples) {
    const dt = s.ts - previous;
    previous = s.ts;
    if (!windows.some(([a, b]) => s.ts >= a && s.ts <= b)) continue;
    const node = nodes.get(s.id);
    if (!node) continue;
    self.set(name(node), (self.get(name(node)) ?? 0) + dt);
    const seen = new Set<string>();
    for (
      let n: ProfileNode | undefined = node;
      n;
      n = n.parent === undefined ? undefined : nodes.get(n.parent)
    ) {
      if (seen.has(name(n))) continue;
      seen.add(name(n));
      total.set(name(n), (total.get(name(n)) ?? 0) + dt);
    }
  }
  const top = (m: Map<string, number>) =>
    [...m]
      .sort((a, b) => b[1] - a[1])
      .slice(0, Number(process.env.TOP ?? 30))
      .map(([k, v]) => `  ${(v / 1000 / windows.length).toFixed(2)} ms  ${k}`)
      .join('\n');
  return `script per edit, self:\n${top(self)}\nwith callees:\n${top(total)}`;
}

test('phases of the frame that shows an edit', async ({ page }) => {
  await openNetwork(page, ...profiled());
  const move = await grabHandle(page);
  await page.evaluate(() => {
    type Scheduler = { postTask(task: () => void, options: { priority: string }): unknown };
    const scheduler = (window as unknown as { scheduler: Scheduler }).scheduler;
    window.addEventListener(
      'pointermove',
      () => {
        performance.mark('edit');
        requestAnimationFrame(() =>
          scheduler.postTask(() => performance.mark('frame-end'), { priority: 'user-blocking' }),
        );
      },
      { capture: true },
    );
  });
  for (let i = 1; i <= 10; i++) {
    await move(i);
    await page.waitForTimeout(150);
  }
  const cdp = await page.context().newCDPSession(page);
  const events: TraceEvent[] = [];
  cdp.on('Tracing.dataCollected', (e) => events.push(...(e.value as unknown as TraceEvent[])));
  await cdp.send('Tracing.start', {
    categories: process.env.CPU
      ? 'disabled-by-default-v8.cpu_profiler,blink.user_timing,toplevel'
      : 'devtools.timeline,disabled-by-default-devtools.timeline,blink.user_timing,toplevel,v8',
    transferMode: 'ReportEvents',
  });
  const count = Number(process.env.N ?? 40);
  for (let i = 1; i <= count; i++) {
    await move(i);
    await page.waitForTimeout(250);
  }
  const done = new Promise((resolve) => cdp.once('Tracing.tracingComplete', resolve));
  await cdp.send('Tracing.end');
  await done;
  await page.mouse.up();

  const main = events.find((e) => e.name === 'thread_name' && e.args?.name === 'CrRendererMain');
  if (!main) throw new Error('No renderer main thread in the trace.');
  const marks = (name: string) =>
    events
      .filter((e) => e.name === name && e.ph !== 'e')
      .map((e) => e.ts)
      .sort((a, b) => a - b);
  const ends = marks('frame-end');
  const windows = marks('edit').flatMap((s): [number, number][] => {
    const end = ends.find((t) => t > s);
    return end === undefined ? [] : [[s, end]];
  });
  if (process.env.CPU) {
    // With WORST=n, the script of the n longest windows only.
    const worstFirst = [...windows].sort((a, b) => b[1] - b[0] - (a[1] - a[0]));
    const n = Number(process.env.WORST ?? 0);
    console.log(scriptTimes(events, main, n > 0 ? worstFirst.slice(0, n) : windows));
    return;
  }
  const own = events
    .filter((e) => e.pid === main.pid && e.tid === main.tid && e.ph === 'X' && e.dur !== undefined)
    .sort((a, b) => a.ts - b.ts || (b.dur ?? 0) - (a.dur ?? 0));
  const rows = windows.map(([s, e]) => selfTimes(own, s, e));
  const summary = (part: Row[], label: string) => {
    const names = [...new Set(part.flatMap((r) => Object.keys(r)))];
    const lines = names
      .map((n) => ({ n, values: part.map((r) => r[n] ?? 0) }))
      .filter(({ values }) => mean(values) > 0.05)
      .sort((a, b) => mean(b.values) - mean(a.values))
      .map(
        ({ n, values }) =>
          `  ${n.padEnd(44)} mean ${mean(values).toFixed(2)}  p50 ${percentiles(values).p50.toFixed(2)}  p95 ${percentiles(values).p95.toFixed(2)} ms`,
      );
    return [`${label} (${part.length} edits)`, ...lines].join('\n');
  };
  const split = Number(process.env.SPLIT ?? 0);
  console.log(
    split > 0
      ? `${summary(rows.slice(0, split), 'first edits')}\n${summary(rows.slice(split), 'the others')}`
      : summary(rows, 'every edit'),
  );
  const worst = [...rows].sort((a, b) => (b.window ?? 0) - (a.window ?? 0));
  for (const row of worst.slice(0, Number(process.env.WORST ?? 0))) {
    const parts = Object.entries(row)
      .filter(([, v]) => v > 0.3)
      .sort((a, b) => b[1] - a[1]);
    console.log(`slow edit: ${parts.map(([k, v]) => `${k} ${v.toFixed(1)}`).join(', ')}`);
  }
});
