import { readFileSync } from 'node:fs';
import type { DestinationStream, Logger } from 'pino';
import { type Session, sessionIsIdle, sessionSchema } from './bot/session.ts';
import { type Config, ConfigError, loadConfig } from './config.ts';
import { errorMessage } from './errors.ts';
import { KnowledgeValidationError } from './knowledge/index.ts';
import { defaultKnowledgePaths, LiveKnowledge } from './knowledge/live.ts';
import { createLogger } from './logger.ts';
import { loadParks, type ParkDirectory, ParksFileError } from './parks/index.ts';
import { type FileLayer, fileLayerFromEnv } from './store/fileLayer.ts';
import { openStore, type Store, StoreCorruptError } from './store/index.ts';
import { DataDirLockedError, lockDataDir } from './store/lock.ts';
import { PgActionKeys } from './store/pg/dashboardActions.ts';
import { openPgStore } from './store/pg/index.ts';

export interface Booted {
  config: Config;
  logger: Logger;
  store: Store<Session>;
  knowledge: LiveKnowledge;
  parks: ParkDirectory;
  /** The store's file operations (with the full-disk fault hook in e2e tests), for other writers. */
  layer: FileLayer;
  version: string;
  /** Releases DATA_DIR after the last write. */
  unlock: () => Promise<void>;
  /** With DATABASE_URL: the dashboard's Idempotency-Key log in the shared database. */
  actionKeys?: PgActionKeys;
}

function fail(message: string): never {
  process.stderr.write(`${message}\n`);
  process.exit(1);
}

/** The version operators see in /healthz and logs. */
export function packageVersion(): string {
  const raw = readFileSync(new URL('../package.json', import.meta.url), 'utf8');
  return (JSON.parse(raw) as { version?: string }).version ?? '0.0.0';
}

/**
 * Everything the bot needs before it can take an update, each failure stopping the program
 * with one clear message: bad configuration, a data folder in use, a corrupt data file,
 * invalid knowledge files.
 */
export async function boot(
  env: Record<string, string | undefined>,
  logTo?: DestinationStream,
): Promise<Booted> {
  let config: Config;
  try {
    config = loadConfig(env);
  } catch (error) {
    if (error instanceof ConfigError) fail(`Cannot start the bot. ${error.message}`);
    throw error;
  }
  const logger = createLogger(config.LOG_LEVEL, logTo);
  if (config.DATABASE_URL)
    return bootOnPostgres(config, config.DATABASE_URL, logger, fileLayerFromEnv(env));
  const unlock = await lockDataDir(config.DATA_DIR, {
    onTakeover: (stale) =>
      logger.warn(
        { stalePid: stale.pid, staleStartTime: stale.startTime },
        'took over a stale data folder lock: its process is gone (or its pid now belongs to another process)',
      ),
  }).catch((error: unknown) => {
    if (error instanceof DataDirLockedError) fail(`Cannot start the bot: ${error.message}`);
    throw error;
  });
  const layer = fileLayerFromEnv(env);
  const store = await openStore({
    dataDir: config.DATA_DIR,
    sessionSchema,
    sessionIsIdle,
    backupDir: config.BACKUP_DIR,
    layer,
  }).catch(async (error: unknown) => {
    await unlock();
    if (error instanceof StoreCorruptError)
      fail(`Cannot start the bot: data file ${error.message}`);
    throw error;
  });
  if (store.migration) {
    logger.info(
      { files: store.migration.files, backup: store.migration.backup },
      'moved the data folder to the sharded layout; the backup taken first is kept',
    );
  }
  return finishBoot(config, logger, store, layer, unlock);
}

/**
 * With DATABASE_URL the data lives in PostgreSQL, shared by every instance: no DATA_DIR lock
 * (several bots run at once), the schema migrated at open under its advisory lock. `unlock`
 * closes the store's connections.
 */
async function bootOnPostgres(
  config: Config,
  url: string,
  logger: Logger,
  layer: FileLayer,
): Promise<Booted> {
  const store = await openPgStore({
    url,
    sessionSchema,
    sessionIsIdle,
    onError: (error) => logger.error({ err: error }, 'database connection problem'),
  }).catch((error: unknown) =>
    fail(
      `Cannot start the bot with the database at ${describeDatabase(url)}: ${errorMessage(error)}`,
    ),
  );
  const booted = await finishBoot(config, logger, store, layer, () => store.close());
  return { ...booted, actionKeys: new PgActionKeys(store.pool) };
}

/** Where the database is, without the password, for messages an operator reads. */
export function describeDatabase(url: string): string {
  try {
    const parsed = new URL(url);
    return `${parsed.hostname}:${parsed.port || '5432'}${parsed.pathname}`;
  } catch {
    return 'DATABASE_URL';
  }
}

async function finishBoot(
  config: Config,
  logger: Logger,
  store: Store<Session>,
  layer: FileLayer,
  unlock: () => Promise<void>,
): Promise<Booted> {
  const knowledge = await LiveKnowledge.load(defaultKnowledgePaths()).catch(
    async (error: unknown) => {
      await unlock();
      if (error instanceof KnowledgeValidationError) fail(`Cannot start the bot. ${error.message}`);
      throw error;
    },
  );
  let parks: ParkDirectory;
  try {
    parks = loadParks(config.PARKS_FILE);
  } catch (error) {
    await unlock();
    if (error instanceof ParksFileError) fail(`Cannot start the bot: ${error.message}`);
    throw error;
  }
  return { config, logger, store, knowledge, parks, layer, version: packageVersion(), unlock };
}

/**
 * Telegraf's debug output (`DEBUG=telegraf:*`) logs whole Bot API payloads, chat ids included,
 * which would put an anonymous complainant's chat next to their ticket code in the logs.
 */
export function warnAboutDebugOutput(debug: string | undefined, logger: Logger): boolean {
  const patterns = (debug ?? '').split(/[\s,]+/).filter((part) => part && !part.startsWith('-'));
  const enabled = patterns.some((part) => part === '*' || part.startsWith('telegraf'));
  if (enabled) {
    logger.warn(
      { DEBUG: debug },
      'DEBUG turns on telegraf debug output, which logs message payloads and chat ids; unset it in production',
    );
  }
  return enabled;
}
