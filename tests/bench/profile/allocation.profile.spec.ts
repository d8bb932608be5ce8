import { test } from '@playwright/test';
import { grabHandle, openNetwork, profiled } from './edits';

/**
 * What a weight edit allocates, by function (V8's sampling heap profiler, objects collected since
 * included): N edits, 250 ms apart, after 8 to warm up. A --minify false build names the functions.
 */

interface HeapNode {
  callFrame: { functionName: string; url?: string; lineNumber: number };
  selfSize: number;
  children: HeapNode[];
}

test('allocation per weight edit', async ({ page }) => {
  await openNetwork(page, ...profiled());
  const move = await grabHandle(page);
  for (let i = 1; i <= 8; i++) {
    await move(i);
    await page.waitForTimeout(150);
  }
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('HeapProfiler.enable');
  await cdp.send('HeapProfiler.startSampling', {
    samplingInterval: 2048,
    includeObjectsCollectedByMajorGC: true,
    includeObjectsCollectedByMinorGC: true,
  });
  const count = Number(process.env.N ?? 20);
  for (let i = 1; i <= count; i++) {
    await move(i);
    await page.waitForTimeout(250);
  }
  const { profile } = (await cdp.send('HeapProfiler.stopSampling')) as unknown as {
    profile: { head: HeapNode };
  };
  await page.mouse.up();
  const self = new Map<string, number>();
  let all = 0;
  const walk = (node: HeapNode) => {
    const { functionName, url, lineNumber } = node.callFrame;
    const key = `${functionName || '(anonymous)'} ${(url ?? '').split('/').pop()}:${lineNumber}`;
    self.set(key, (self.get(key) ?? 0) + node.selfSize);
    all += node.selfSize;
    node.children.forEach(walk);
  };
  walk(profile.head);
  const kB = (bytes: number) => `${(bytes / 1024 / count).toFixed(0).padStart(6)} kB`;
  const top = [...self]
    .sort((a, b) => b[1] - a[1])
    .slice(0, Number(process.env.TOP ?? 25))
    .map(([k, v]) => `${kB(v)}  ${k}`);
  console.log([`allocated per edit: ${kB(all)}`, ...top].join('\n'));
});
