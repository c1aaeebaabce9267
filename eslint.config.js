import js from '@eslint/js';
import globals from 'globals';

export default [
  { ignores: ['extension/vendor/**', 'node_modules/**', 'build/**', 'test-artifacts/**'] },
  js.configs.recommended,
  {
    rules: {
      'no-eval': 'error',
      'no-implied-eval': 'error',
      'no-new-func': 'error',
      'no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
    },
  },
  {
    // Content scripts and the shared files they load are classic scripts (MV3 content scripts
    // cannot be modules without web_accessible_resources). ES-module code imports them for effect.
    files: ['extension/src/content/**/*.js', 'extension/src/shared/**/*.js'],
    languageOptions: { sourceType: 'script', globals: { ...globals.browser, chrome: 'readonly', browser: 'readonly' } },
  },
  {
    files: ['extension/src/background/**/*.js', 'extension/src/pages/**/*.js'],
    languageOptions: { sourceType: 'module', globals: { ...globals.browser, ...globals.serviceworker, chrome: 'readonly', browser: 'readonly' } },
  },
  {
    // The extension talks to nothing but its native host.
    files: ['extension/**/*.js'],
    rules: {
      'no-restricted-globals': ['error', 'fetch', 'XMLHttpRequest', 'WebSocket', 'EventSource'],
      'no-restricted-properties': ['error', { object: 'navigator', property: 'sendBeacon' }],
    },
  },
  {
    files: ['tests/**/*.js', 'bench/**/*.mjs', 'bench/**/*.js', 'scripts/**/*.mjs', 'eslint.config.js'],
    languageOptions: { sourceType: 'module', globals: { ...globals.node } },
  },
  {
    // E2E tests pass functions to page.evaluate / worker.evaluate: they run in
    // the page or the service worker, where these globals exist.
    files: ['tests/e2e/**/*.js', 'tests/e2e/**/*.mjs'],
    languageOptions: { globals: { ...globals.node, ...globals.browser, chrome: 'readonly' } },
  },
];
