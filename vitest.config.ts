import { defineConfig } from 'vitest/config';

/**
 * Workers for the whole run, journeys and server tests in one pool. A journey waits on its
 * browser and server much of the time, so a third worker on two cores keeps both busy; vitest
 * requires projects that share a pool to share this number.
 */
const WORKERS = 3;

/**
 * One `npm test` runs everything: the server's unit and integration tests and the browser
 * journeys, side by side (what CI runs, with its JSON report). Timing choices, measured on 2
 * cores, are in docs/decisions.md ("A test suite a newcomer runs in minutes").
 */
export default defineConfig({
  test: {
    pool: 'forks',
    // Limits for a stuck test, not budgets: with two workers on a machine others share too, the
    // rollup property test took 21 s alone and over 30 s beside another file. A worker's first
    // file also pays for loading PGlite: over 60 s for that hook on such a machine.
    testTimeout: 60_000,
    hookTimeout: 120_000,
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
          // Three workers on two cores, shared with the journeys (see WORKERS).
          maxWorkers: WORKERS,
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
          // Builds the web app once and starts one demo server per worker, which the demo journeys
          // that worker runs share one after another.
          globalSetup: ['e2e/support/global-setup.ts'],
          // In the same pool as the server tests (vitest queues a group's projects by name, so the
          // journeys start first and the server files fill the workers as journeys end).
          maxWorkers: WORKERS,
          // Like the server tests, a worker keeps its loaded modules (playwright, the app's
          // modules for the journeys with a server of their own) from one journey to the next.
          isolate: false,
          testTimeout: 240_000,
          hookTimeout: 240_000,
        },
      },
    ],
  },
});
