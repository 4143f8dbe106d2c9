import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    // e2e/ too, so `npm test` (what CI runs, with its JSON report) includes the browser journeys.
    include: ['src/**/*.test.ts', 'migrations/**/*.test.ts', 'web/src/**/*.test.ts', 'e2e/**/*.test.ts'],
    globalSetup: ['src/testing/global-setup.ts'],
    // Each test file gets its own database cloned from one migrated template.
    pool: 'forks',
    testTimeout: 30_000,
    hookTimeout: 60_000,
  },
});
