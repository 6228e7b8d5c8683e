import { defineConfig } from 'vitest/config';
import { BaseSequencer, type TestSpecification } from 'vitest/node';

/**
 * The tests `npm run mutate` runs against each mutant of the officer guards and the ticket
 * lifecycle: the ones that press officer buttons and send officer commands and steps as someone
 * else (bot, desk, dashboard API), and the ticket store. A test left out can only let a mutant
 * survive, never kill one, so the list cannot flatter the score; kept short, a run takes tens of
 * minutes rather than hours on a shared 2-core machine. A guard test here sets its bot up in
 * `beforeEach`: what runs in a `beforeAll` belongs to no test, and Stryker would then run every
 * test against each mutant it reaches (so the dashboard API's main test, the keyboard walk and
 * the hostile suite stay out; apiGuard.test.ts checks the dashboard's officer check per test).
 */
const GUARD_TESTS = [
  'test/bot/officerGuards.test.ts',
  'test/bot/officerSurface.test.ts',
  'test/bot/notices.test.ts',
  'test/bot/start.test.ts',
  'test/bot/knowledge.test.ts',
  'test/bot/desk/*.test.ts',
  'test/bot/dialogues/officerReply.test.ts',
  'test/bot/reliability.test.ts',
  'test/bot/dialogues/roles.test.ts',
  'test/bot/dialogues/threads.test.ts',
  'test/bot/callbackData.test.ts',
  'test/web/dashboard/apiGuard.test.ts',
  'test/web/dashboard/kbGuard.test.ts',
  'test/web/dashboard/initData.test.ts',
  'test/store/tickets.test.ts',
  // The lifecycle on both backends (the contract suite): the PostgreSQL half needs the global setup.
  'test/store/contract/tickets-lifecycle.test.ts',
];

/** Runs the files in the order listed (the forged-press tests first), so a mutant dies early. */
class ListedOrder extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const rank = (file: TestSpecification) => {
      const index = GUARD_TESTS.findIndex((pattern) =>
        file.moduleId.includes(pattern.split('*')[0] ?? pattern),
      );
      return index < 0 ? GUARD_TESTS.length : index;
    };
    return [...files].sort((a, b) => rank(a) - rank(b));
  }
}

export default defineConfig({
  test: {
    testTimeout: 30_000,
    hookTimeout: 30_000,
    globalSetup: ['test/support/postgresGlobal.ts'],
    include: GUARD_TESTS,
    sequence: { sequencer: ListedOrder },
  },
});
