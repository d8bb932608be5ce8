import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import { importX, createNodeResolver } from 'eslint-plugin-import-x';

export default tseslint.config(
  { ignores: ['dist', 'node_modules', 'test-results', 'test-reports', 'playwright-report'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['src/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
    },
  },
  {
    // The engine is pure TypeScript: numbers in, snapshots out.
    files: ['src/engine/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['react', 'react-*', 'd3*', 'zustand*', 'katex*', 'lz-string', 'zod', '../*'],
              message: 'src/engine stays pure TypeScript with no dependencies outside itself.',
            },
          ],
        },
      ],
      'no-restricted-globals': ['error', 'window', 'document', 'localStorage'],
      'no-restricted-properties': [
        'error',
        { object: 'Math', property: 'random', message: 'Use the seeded generator (createRng).' },
      ],
    },
  },
  {
    // Layers point one way (README, Layout): engine ← data, layout ← math ← practice ← store ←
    // training ← works ← components. A folder imports only from the floors below it, and no files import
    // each other in a circle.
    files: ['src/**/*.{ts,tsx}'],
    plugins: { 'import-x': importX },
    settings: {
      'import-x/extensions': ['.ts', '.tsx'],
      'import-x/parsers': { '@typescript-eslint/parser': ['.ts', '.tsx'] },
      'import-x/resolver-next': [createNodeResolver({ extensions: ['.ts', '.tsx', '.js'] })],
    },
    rules: {
      'import-x/no-cycle': 'error',
      'import-x/no-restricted-paths': [
        'error',
        {
          zones: layerZones([
            ['engine'],
            ['data', 'layout'],
            ['math'],
            ['practice'],
            ['store'],
            ['training'],
            ['works'],
            ['hooks'],
            ['components'],
            ['boot.tsx'],
            ['main.tsx'],
          ]),
        },
      ],
    },
  },
  {
    // zod is configured once (jitless, for the CSP) in src/store/zod.ts: import it from there.
    files: ['src/**/*.{ts,tsx}'],
    ignores: ['src/store/zod.ts', 'src/engine/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [
            { name: 'zod', message: "Import { z } from 'src/store/zod' (jitless for the CSP)." },
          ],
        },
      ],
    },
  },
  {
    // Node scripts: CI summary and configs.
    files: ['.ci/**/*.mjs', '*.config.{js,ts}'],
    languageOptions: { globals: { process: 'readonly', console: 'readonly' } },
  },
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
    },
  },
);

/**
 * One zone per folder: it may not import any folder on its own floor or a higher one. Floors are
 * listed from the ground up; folders on one floor do not import each other; the top floor may
 * import anything.
 */
function layerZones(floors) {
  const at = (name) => `./src/${name}`;
  return floors.slice(0, -1).flatMap((floor, level) =>
    floor.map((name) => ({
      target: at(name),
      from: floors
        .slice(level)
        .flat()
        .filter((other) => other !== name)
        .map(at),
      message: `src/${name} sits below these folders (README, Layout): move the shared thing down instead.`,
    })),
  );
}
