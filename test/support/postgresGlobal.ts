import type { TestProject } from 'vitest/node';
import { startPostgres } from './postgres.ts';

/**
 * vitest globalSetup: one embedded PostgreSQL for the whole run (a start costs about a second),
 * its admin URL provided to the test files, which each create their own database. Stopped, and
 * its folder removed, when the run ends; a failure to start fails the run with the reason.
 */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const server = await startPostgres();
  project.provide('postgresUrl', server.url);
  return () => server.stop();
}
