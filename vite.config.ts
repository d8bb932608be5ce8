/// <reference types="vitest/config" />
import { defineConfig, type HtmlTagDescriptor, type Plugin, type Rollup } from 'vite';
import react from '@vitejs/plugin-react';
import { VitePWA } from 'vite-plugin-pwa';

/**
 * KaTeX's stylesheet offers each font as woff2, woff and ttf; every browser we run in reads woff2,
 * so the other two (about 800 kB) are left out of the build.
 */
function katexWoff2Only(): Plugin {
  return {
    name: 'katex-woff2-only',
    enforce: 'pre',
    transform(code, id) {
      if (!id.includes('katex') || !id.endsWith('.css')) return null;
      return {
        code: code.replace(/,url\([^)]+\.(?:woff|ttf)\) format\("(?:woff|truetype)"\)/g, ''),
        map: null,
      };
    },
  };
}

/**
 * main.tsx starts KaTeX and then the app (boot.tsx) with import(), each a module tree of its own
 * (see there); index.html fetches the app's chunk and the chunks it imports (KaTeX's) from the
 * start, with their stylesheets, as it fetched the one chunk they were all in before.
 */
function preloadStartupChunks(): Plugin {
  return {
    name: 'preload-startup-chunks',
    apply: 'build',
    transformIndexHtml: {
      order: 'post',
      handler(_html, { bundle, chunk: entry }) {
        const chunks = new Map<string, Rollup.OutputChunk>();
        for (const c of Object.values(bundle ?? {}))
          if (c.type === 'chunk') chunks.set(c.fileName, c);
        const boot = [...chunks.values()].find((c) => c.facadeModuleId?.endsWith('/src/boot.tsx'));
        if (!entry || !boot) throw new Error('No chunk for src/boot.tsx.');
        const startup = new Set<Rollup.OutputChunk>();
        const add = (c: Rollup.OutputChunk | undefined) => {
          if (!c || startup.has(c) || c === entry || entry.imports.includes(c.fileName)) return;
          startup.add(c);
          for (const name of c.imports) add(chunks.get(name));
        };
        add(boot);
        return [...startup].flatMap((c): HtmlTagDescriptor[] => [
          {
            tag: 'link',
            attrs: { rel: 'modulepreload', crossorigin: true, href: `./${c.fileName}` },
            injectTo: 'head',
          },
          ...[...(c.viteMetadata?.importedCss ?? [])].map((css): HtmlTagDescriptor => ({
            tag: 'link',
            attrs: { rel: 'stylesheet', crossorigin: true, href: `./${css}` },
            injectTo: 'head',
          })),
        ]);
      },
    },
  };
}

/**
 * Offline and installable: after a first visit a service worker (Workbox, generated at build) has
 * every file of the build — the lazily loaded training chunk, its worker and KaTeX's fonts too — so
 * a classroom with flaky Wi-Fi reloads the app without a network. The worker is a same-origin file
 * and main.tsx registers it from the bundle (no inline script), within index.html's CSP.
 */
const offline = VitePWA({
  registerType: 'autoUpdate',
  injectRegister: false,
  manifest: {
    name: 'Backstep — step through backpropagation',
    short_name: 'Backstep',
    description: 'Step through backpropagation one number at a time.',
    start_url: './',
    scope: './',
    display: 'standalone',
    background_color: '#f8fafc',
    theme_color: '#1f2937',
    icons: [
      { src: 'pwa-192x192.png', sizes: '192x192', type: 'image/png' },
      { src: 'pwa-512x512.png', sizes: '512x512', type: 'image/png' },
      {
        src: 'maskable-icon-512x512.png',
        sizes: '512x512',
        type: 'image/png',
        purpose: 'maskable',
      },
      { src: 'favicon.svg', sizes: 'any', type: 'image/svg+xml' },
    ],
  },
  // The icons are precached with the rest of public/ (globPatterns): listed once, not twice.
  includeManifestIcons: false,
  workbox: {
    globPatterns: ['**/*.{js,css,html,svg,png,woff2,webmanifest}'],
    // The main chunk (KaTeX and React DOM) is larger than Workbox's 2 MB default allows for.
    maximumFileSizeToCacheInBytes: 4_000_000,
    navigateFallback: 'index.html',
    cleanupOutdatedCaches: true,
    // A new build takes over at once (autoUpdate reloads the page), and the first visit is
    // controlled without a reload, so it already works offline.
    clientsClaim: true,
    skipWaiting: true,
  },
});

// KaTeX (235 kB) and React DOM (200 kB) are most of the main chunk; training's views load on their
// own, and so does each dataset in the box (src/data/realDatasets.ts: 281 kB of CSV, 70 kB
// gzipped), when it is chosen or a saved work names it; globPatterns precaches them all (*.js).
// base './' so the built site works from any path (GitHub Pages, a sub-folder, a file share).
export default defineConfig({
  base: './',
  plugins: [react(), katexWoff2Only(), preloadStartupChunks(), offline],
  build: { target: 'es2022', chunkSizeWarningLimit: 1150 },
  test: {
    include: ['src/**/*.test.ts', 'tests/unit/**/*.test.ts'],
    environment: 'node',
    reporters: process.env.CI
      ? ['default', ['json', { outputFile: 'test-reports/vitest.json' }]]
      : ['default'],
  },
});
