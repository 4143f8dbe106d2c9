import { defineConfig } from 'vitest/config';

/**
 * The fault and scale tests: a real server killed with SIGKILL mid-sync, mid-import and
 * mid-scenario, and a backup and restore larger than their heap. Minutes of work each, so they
 * run as their own suite (`npm run test:faults`), which `.ci/run` calls on both databases after
 * `npm test`, instead of inside `npm test`.
 */
export default defineConfig({
  test: {
    pool: 'forks',
    include: ['src/faults.test.ts', 'src/db/backup-memory.test.ts'],
    globalSetup: ['src/testing/global-setup.ts'],
    maxWorkers: 2,
    testTimeout: 900_000,
    hookTimeout: 120_000,
  },
});
