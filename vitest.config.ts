import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['packages/core/src/**/*.test.ts', 'test/**/*.test.ts'],
    // A stray console call is a bug: the library has no business printing.
    setupFiles: ['test/setup.ts'],
    // Correctness, not speed: the differential and worked-case suites do seconds of work, and CI has two cores.
    testTimeout: 60_000,
  },
});
