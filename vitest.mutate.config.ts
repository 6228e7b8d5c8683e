import { defineConfig } from 'vitest/config';

/** The unit tests that exercise the officer guards and the ticket lifecycle, for `npm run mutate`. */
export default defineConfig({
  test: {
    testTimeout: 30_000,
    hookTimeout: 30_000,
    include: ['test/bot/**/*.test.ts', 'test/store/tickets*.test.ts', 'test/hostile/**/*.test.ts'],
  },
});
