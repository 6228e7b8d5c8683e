import { defineConfig } from 'vitest/config';

/**
 * Two projects: unit tests run in parallel; end-to-end tests (real bot processes against the
 * loopback Bot API, some measuring pace) run one file at a time so they do not compete for
 * the machine's two cores.
 *
 * Unit tests run two files at a time. Vitest's default is one fewer worker than cores, which on
 * the 2-core CI machine is a single worker, idle whenever its test waits on a file write; the
 * orchestrating process itself does little.
 */
export default defineConfig({
  test: {
    testTimeout: 30_000,
    hookTimeout: 30_000,
    pool: 'forks',
    // One embedded PostgreSQL per run for the store's PostgreSQL tests (see test/support/postgres.ts).
    globalSetup: ['test/support/postgresGlobal.ts'],
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          include: ['test/**/*.test.ts'],
          exclude: ['test/e2e/**'],
          maxWorkers: 2,
        },
      },
      {
        extends: true,
        test: { name: 'e2e', include: ['test/e2e/**/*.test.ts'], fileParallelism: false },
      },
    ],
  },
});
