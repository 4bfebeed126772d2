import { defineConfig } from 'vitest/config';

// Two projects: `unit` tests pure modules in seconds (`npx vitest run --project unit`); `worker` builds the
// deployable bundle once (globalSetup) and runs it in workerd. `npm test` runs both.
export default defineConfig({
  test: {
    reporters: ['default', './test/support/summary-reporter.ts'],
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
          // Each file starts its own workerd; two at a time suits the 2-core CI machine.
          maxWorkers: 2,
        },
      },
    ],
  },
});
