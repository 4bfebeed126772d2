import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    globalSetup: ['test/support/build-worker.ts'],
    testTimeout: 30_000,
    hookTimeout: 120_000,
    // Each file starts its own workerd; two at a time suits the 2-core CI machine.
    maxWorkers: 2,
    reporters: ['default', './test/support/summary-reporter.ts'],
  },
});
