import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['packages/core/src/**/*.test.ts', 'test/**/*.test.ts'],
    // A stray console call is a bug: the library has no business printing.
    setupFiles: ['test/setup.ts'],
  },
});
