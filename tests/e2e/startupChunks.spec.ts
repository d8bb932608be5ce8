import { expect, test } from '@playwright/test';
import { openFresh } from './helpers';

/**
 * The page's code comes in three module trees (src/main.tsx): React and zod in the entry, then
 * KaTeX, then the app (boot.tsx). index.html fetches all three from the start, and the app's
 * stylesheet after the entry's (the cascade's order as in one file), so the split costs no round
 * trip (vite.config.ts, preloadStartupChunks).
 */
test('index.html preloads the app and KaTeX chunks and links the app stylesheet after the entry one', async ({
  page,
  request,
}) => {
  const html = await (await request.get('./')).text();
  const links = [
    ...html.matchAll(
      /<(?:link rel="(modulepreload|stylesheet)"|script type="(module)")[^>]*(?:href|src)="\.\/assets\/([\w.-]+)"/g,
    ),
  ].map((m) => `${m[1] ?? m[2]} ${m[3]?.replace(/-[\w-]{8}(\.\w+)$/, '$1')}`);
  expect(links).toEqual([
    'module index.js',
    'modulepreload rolldown-runtime.js',
    'stylesheet index.css',
    'modulepreload boot.js',
    'stylesheet boot.css',
    'modulepreload katex.js',
  ]);
  const errors = await openFresh(page);
  await expect(page.getByRole('tab', { name: 'Train' })).toBeVisible();
  expect(errors).toEqual([]);
});
