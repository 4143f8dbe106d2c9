import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'migrations/**/*.test.ts'],
    globalSetup: ['src/testing/global-setup.ts'],
    // Each test file gets its own database cloned from one migrated template.
    pool: 'forks',
    testTimeout: 30_000,
    hookTimeout: 60_000,
  },
});
