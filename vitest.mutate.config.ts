import { defineConfig } from 'vitest/config';

/**
 * The unit tests that exercise the officer guards (bot and dashboard API) and the ticket
 * lifecycle, for `npm run mutate`. Left out: tests that drive the bot in a `beforeAll` (the
 * dashboard API's main test, the keyboard walk, the menu reminder), because what runs there
 * belongs to no test, so Stryker would run every test against each mutant it reaches (hours on
 * this machine); apiGuard.test.ts checks the dashboard's officer check per test instead. Also
 * left out: the browser test (Chromium).
 */
export default defineConfig({
  test: {
    testTimeout: 30_000,
    hookTimeout: 30_000,
    include: [
      'test/bot/**/*.test.ts',
      'test/store/tickets*.test.ts',
      'test/hostile/**/*.test.ts',
      'test/web/dashboard/apiGuard.test.ts',
      'test/web/dashboard/initData.test.ts',
    ],
    exclude: ['test/bot/keyboards.test.ts', 'test/bot/dialogues/menuRemind.test.ts'],
  },
});
