import { fileURLToPath } from 'node:url';
import { defineConfig } from '@playwright/test';
import { chromiumArgs, requireChromium } from '../e2e/browser';

/** Browser benchmarks: one at a time (timings need the machine), printed, never pass/fail on speed. */
// BENCH_PORT lets a bench run beside other servers: it builds into its own folder and serves it.
const port = Number(process.env.BENCH_PORT ?? 4175);
// BENCH_OUT: where it builds (node_modules may be shared with other checkouts).
const outDir = process.env.BENCH_OUT ?? `node_modules/.bench-dist/${port}`;

export default defineConfig({
  testDir: '.',
  testMatch: '*.bench.spec.ts',
  fullyParallel: false,
  workers: 1,
  retries: 0,
  timeout: 180_000,
  reporter: [['list']],
  use: {
    baseURL: `http://localhost:${port}/`,
    browserName: 'chromium',
    viewport: { width: 1366, height: 800 },
    launchOptions: { executablePath: requireChromium(), args: chromiumArgs },
    trace: 'off',
  },
  webServer: {
    command: `npx vite build --logLevel warn --outDir ${outDir} --emptyOutDir && npx vite preview --outDir ${outDir} --port ${port} --strictPort`,
    cwd: fileURLToPath(new URL('../..', import.meta.url)),
    url: `http://localhost:${port}/`,
    reuseExistingServer: false,
    timeout: 120_000,
  },
});
