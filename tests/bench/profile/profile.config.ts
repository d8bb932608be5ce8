import { defineConfig } from '@playwright/test';
import { chromiumArgs, requireChromium } from '../../e2e/browser';

/**
 * Profiling the stepper's weight edit (not a benchmark: nothing is asserted). Serve a build first,
 * `npx vite build --outDir /tmp/p && npx vite preview --outDir /tmp/p --port 4620`, then e.g.
 * `SHAPE=big npx playwright test --config tests/bench/profile/profile.config.ts phases`.
 * PROFILE_URL: the served build (http://localhost:4620/ by default).
 */
export default defineConfig({
  testDir: '.',
  testMatch: '*.profile.spec.ts',
  workers: 1,
  retries: 0,
  timeout: 300_000,
  reporter: [['list']],
  use: {
    baseURL: process.env.PROFILE_URL ?? 'http://localhost:4620/',
    browserName: 'chromium',
    viewport: { width: 1366, height: 800 },
    launchOptions: { executablePath: requireChromium(), args: chromiumArgs },
  },
});
