/// <reference types="vitest/config" />
import { defineConfig, type Plugin } from 'vite';
import react from '@vitejs/plugin-react';

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

// KaTeX (235 kB) and React DOM (200 kB) are most of the main chunk; training loads on its own.
// base './' so the built site works from any path (GitHub Pages, a sub-folder, a file share).
export default defineConfig({
  base: './',
  plugins: [react(), katexWoff2Only()],
  build: { target: 'es2022', chunkSizeWarningLimit: 850 },
  test: {
    include: ['src/**/*.test.ts', 'tests/unit/**/*.test.ts'],
    environment: 'node',
    reporters: process.env.CI
      ? ['default', ['json', { outputFile: 'test-reports/vitest.json' }]]
      : ['default'],
  },
});
