import { defineConfig } from 'vitest/config';

/**
 * One `npm test` runs everything: the server's unit and integration tests, then the browser
 * journeys (what CI runs, with its JSON report). Timing choices, measured on 2 cores, are in
 * docs/decisions.md ("A test suite a newcomer runs in minutes").
 */
export default defineConfig({
  test: {
    pool: 'forks',
    // Limits for a stuck test, not budgets: with two workers on a machine others share too, the
    // rollup property test took 21 s alone and over 30 s beside another file. A worker's first
    // file also pays for loading PGlite: over 60 s for that hook on such a machine.
    testTimeout: 60_000,
    hookTimeout: 120_000,
    // The journeys' teardown stops the shared demo server and drops the run's databases on a
    // PostgreSQL server; each drop waits for a checkpoint of everything the run wrote.
    teardownTimeout: 120_000,
    projects: [
      {
        extends: true,
        test: {
          name: 'server',
          include: ['src/**/*.test.ts', 'migrations/**/*.test.ts', 'web/src/**/*.test.ts', 'web/build/**/*.test.ts', 'bench/**/*.test.ts'],
          // The fault and scale tests are a suite of their own (vitest.faults.config.ts, `npm run test:faults`).
          exclude: ['src/faults.test.ts', 'src/db/backup-memory.test.ts'],
          // Migrates once; each test file gets its own database copied from that template.
          globalSetup: ['src/testing/global-setup.ts'],
          // Two workers on two cores: vitest's default (cores − 1) ran every file one after the other.
          maxWorkers: 2,
          // A worker keeps the modules it has loaded (Fastify, Kysely, PGlite's WebAssembly…) for its
          // next file instead of loading them again. Files share no state through them: each opens
          // its own database and app, and module-level caches are keyed by database or app.
          isolate: false,
        },
      },
      {
        extends: true,
        test: {
          name: 'e2e',
          include: ['e2e/**/*.test.ts'],
          // Builds the web app once and starts the demo server all demo journeys share.
          globalSetup: ['e2e/support/global-setup.ts'],
          // After the server tests, two journeys at a time, each worker's on a demo server of its
          // own (e2e/support/worker-demo-server.ts): a journey waits on its browser and its server
          // in turn, and one at a time left a core idle for most of the run.
          sequence: { groupOrder: 1 },
          maxWorkers: 2,
          // The worker keeps playwright-core and the server's modules from one journey to the next
          // (as the server project does): loading them again cost seconds per journey.
          isolate: false,
          // A screen waits for its server; on a machine others share, an answer can take over
          // expect.poll's default second (a denominator shown late failed a journey that way).
          expect: { poll: { timeout: 15_000 } },
          testTimeout: 240_000,
          hookTimeout: 240_000,
        },
      },
    ],
  },
});
