import { defineConfig } from '@playwright/test';
import { chromiumArgs, requireChromium } from './tests/e2e/browser';

// E2E_PORT lets several runs share a machine: each builds into its own folder and serves it.
const port = Number(process.env.E2E_PORT ?? 4173);
const outDir = `node_modules/.e2e-dist/${port}`;

export default defineConfig({
  testDir: './tests/e2e',
  outputDir: `test-results/${port}`,
  fullyParallel: true,
  workers: 2,
  retries: 0,
  timeout: 30_000,
  reporter: process.env.CI
    ? [['list'], ['json', { outputFile: 'test-reports/playwright.json' }]]
    : [['list']],
  use: {
    baseURL: `http://localhost:${port}/`,
    browserName: 'chromium',
    launchOptions: { executablePath: requireChromium(), args: chromiumArgs },
    trace: 'off',
    // The offline build's service worker precaches the whole app on every first visit: only the
    // offline tests need it (they allow it themselves).
    serviceWorkers: 'block',
  },
  webServer: {
    command: `npx vite build --logLevel warn --outDir ${outDir} --emptyOutDir && npx vite preview --outDir ${outDir} --port ${port} --strictPort`,
    url: `http://localhost:${port}/`,
    reuseExistingServer: false,
    timeout: 120_000,
  },
});
