import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import globals from 'globals';

export default tseslint.config(
  { ignores: ['**/dist/**', 'build/**', 'docs/api/**', 'node_modules/**', 'coverage/**', '**/custom-elements.json'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      // Portals forbid them by Content-Security-Policy.
      'no-eval': 'error',
      'no-implied-eval': 'error',
      'no-new-func': 'error',
      eqeqeq: ['error', 'always'],
      '@typescript-eslint/no-explicit-any': 'off',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    files: ['scripts/**', 'bench/**', '**/*.test.ts', 'test/**'],
    languageOptions: { globals: { process: 'readonly', console: 'readonly' } },
  },
  // @safecheck/elements: browser code (demo pages, the benchmark page) and the Node tools around it.
  {
    files: ['demo/**/*.{js,mjs}', 'bench/elements/**/*.{js,mjs}'],
    languageOptions: { globals: { ...globals.browser } },
  },
  {
    files: [
      'web-test-runner.config.mjs',
      'rollup.config.mjs',
      'scripts/start.mjs',
      'scripts/serve-demo.mjs',
      'packages/elements/scripts/**',
      'packages/elements/custom-elements-manifest.config.mjs',
      'demo/**/*.test.mjs',
      'demo/build.mjs',
      'bench/elements/run.mjs',
      'packages/core/bin/**',
      'test/**/*.mjs',
    ],
    languageOptions: { globals: { ...globals.node } },
  },
);
