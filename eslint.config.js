import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';

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
              group: [
                'react',
                'react-*',
                'd3*',
                'zustand*',
                'katex*',
                'zundo',
                'lz-string',
                'zod',
                '../*',
              ],
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
