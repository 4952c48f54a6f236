import js from '@eslint/js';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'demo-output/**', 'test-results/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      'no-console': ['error', { allow: ['warn', 'error'] }],
      '@typescript-eslint/consistent-type-imports': 'error',
    },
  },
  {
    // webextension-polyfill stays behind the platform seam.
    files: ['src/**/*.{ts,tsx}'],
    ignores: ['src/platform/**'],
    rules: {
      'no-restricted-imports': ['error', { paths: ['webextension-polyfill'] }],
    },
  },
  {
    // Inside the seam, its types only: browser-api.ts hands out each browser's own namespace, so
    // neither bundle carries the polyfill's code.
    files: ['src/platform/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { paths: [{ name: 'webextension-polyfill', allowTypeImports: true, message: 'Use browser from ./browser-api (types may come from webextension-polyfill).' }] }],
    },
  },
  {
    files: ['scripts/**', 'test/**', 'bench/**'],
    rules: { 'no-console': 'off' },
  },
  {
    // Classic scripts: the picker's first (it must run before its modules load), the offscreen clipboard's.
    files: ['public/**/*.js'],
    languageOptions: { sourceType: 'script', globals: { history: 'readonly', location: 'readonly', document: 'readonly' } },
  },
  {
    files: ['scripts/**/*.mjs'],
    languageOptions: { globals: { process: 'readonly', console: 'readonly' } },
  },
  {
    // The core is pure: no browser APIs, no imports from the shell.
    files: ['src/core/**/*.ts'],
    rules: {
      'no-restricted-globals': ['error', 'chrome', 'browser', 'window', 'document', 'localStorage'],
      'no-restricted-imports': ['error', { patterns: ['webextension-polyfill', '**/platform/*', '**/pages/*', '**/background/*', '**/messages/*', '**/ui/*'] }],
    },
  },
);
