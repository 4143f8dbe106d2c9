import { defineConfig } from 'vitest/config';

/** Browser journeys (Playwright driving Debian's Chromium) against the real server: `npm run test:e2e`. */
export default defineConfig({
  test: {
    include: ['e2e/**/*.test.ts'],
    pool: 'forks',
    testTimeout: 240_000,
    hookTimeout: 180_000,
  },
});
