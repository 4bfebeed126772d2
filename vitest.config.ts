import { defineConfig } from 'vitest/config';

// Two projects: `unit` tests pure modules in seconds (`npx vitest run --project unit`); `worker` builds the
// deployable bundle once (globalSetup) and runs it in workerd. `npm test` runs both.
export default defineConfig({
  test: {
    reporters: ['default', './test/support/summary-reporter.ts'],
    // Two files at a time suits the 2-core CI machine (each worker test file starts its own workerd).
    maxWorkers: 2,
    projects: [
      {
        test: {
          name: 'unit',
          include: ['test/unit/**/*.test.ts'],
          testTimeout: 30_000,
        },
      },
      {
        test: {
          name: 'worker',
          include: ['test/worker/**/*.test.ts'],
          globalSetup: ['test/support/build-worker.ts'],
          testTimeout: 30_000,
          hookTimeout: 120_000,
        },
      },
    ],
  },
});
