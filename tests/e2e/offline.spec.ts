import { expect, test } from '@playwright/test';
import { expectPhase, openFresh, stepForward } from './helpers';

/** Any screen, any connection: after a first visit the app loads and works without a network. */

// Every other test blocks the service worker (playwright.config.ts): these need it.
test.use({ serviceWorkers: 'allow' });

test('after a first visit the app reloads and works offline, the Train tab included', async ({
  page,
  context,
}) => {
  const errors = await openFresh(page);
  // The service worker has the whole build once it controls the page (it claims it on activation).
  await page.evaluate(() => navigator.serviceWorker.ready);
  await expect
    .poll(() => page.evaluate(() => navigator.serviceWorker.controller !== null))
    .toBe(true);

  await context.setOffline(true);
  await page.reload();
  await expectPhase(page, 'Start of pass', 'step 1 of 9 · pass 1');
  await stepForward(page, 2);
  await expectPhase(page, 'Forward pass — layer 2 of 2', 'step 3 of 9 · pass 1');
  // KaTeX's fonts came from the cache too.
  const fonts = await page.evaluate(
    async () => (await document.fonts.load('16px KaTeX_Main')).length,
  );
  expect(fonts).toBeGreaterThan(0);

  // The lazily loaded training chunk and its worker were precached as well.
  await page.getByRole('tab', { name: 'Train' }).click();
  await page.getByRole('button', { name: 'One epoch' }).click();
  await expect(page.getByTestId('train-epoch')).toHaveText('1');
  // So were the datasets in the box, each a chunk of its own loaded only when chosen.
  await page
    .getByRole('combobox', { name: 'Dataset' })
    .selectOption({ label: 'Handwritten digits 8×8 (1,797 × 64, 10 classes)' });
  await expect(page.getByTestId('data-summary')).toHaveText(
    '899 training and 898 test points · 64 inputs · 10 classes',
  );
  expect(errors).toEqual([]);
});

test('the app can be installed: a web app manifest with icons, all from the same origin', async ({
  page,
}) => {
  await openFresh(page);
  const href = await page.locator('link[rel="manifest"]').getAttribute('href');
  expect(href).toBeTruthy();
  const manifestUrl = new URL(href ?? '', page.url());
  const response = await page.request.get(manifestUrl.href);
  expect(response.ok()).toBe(true);
  const manifest = (await response.json()) as {
    name: string;
    short_name: string;
    start_url: string;
    display: string;
    icons: { src: string; sizes: string; purpose?: string }[];
  };
  expect(manifest.short_name).toBe('Backstep');
  expect(manifest.display).toBe('standalone');
  const sizes = manifest.icons.map((icon) => icon.sizes);
  expect(sizes).toEqual(expect.arrayContaining(['192x192', '512x512']));
  expect(manifest.icons.some((icon) => icon.purpose === 'maskable')).toBe(true);
  for (const icon of manifest.icons) {
    const url = new URL(icon.src, manifestUrl);
    expect(url.origin).toBe(manifestUrl.origin);
    expect((await page.request.get(url.href)).ok(), icon.src).toBe(true);
  }
  // The service worker is a same-origin script file, registered without any inline script.
  const worker = await page.evaluate(async () => {
    const registration = await navigator.serviceWorker.ready;
    return registration.active?.scriptURL ?? '';
  });
  expect(new URL(worker).origin).toBe(manifestUrl.origin);
  expect(await page.locator('script:not([src])').count()).toBe(0);
});
