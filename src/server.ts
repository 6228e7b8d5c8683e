import { type BotApp, createBot } from './bot/app.ts';
import { registerCommands } from './bot/commands.ts';
import { sessionSchema } from './bot/session.ts';
import { ConfigError, loadConfig } from './config.ts';
import { readEnvironment } from './env.ts';
import { createLogger } from './logger.ts';
import { openStore, StoreCorruptError } from './store/index.ts';

const SHUTDOWN_GRACE_MS = 4000;

function fail(message: string): never {
  process.stderr.write(`${message}\n`);
  process.exit(1);
}

/** Starts the bot on Telegram with long polling and stops it cleanly on SIGINT/SIGTERM. */
async function main(): Promise<void> {
  let config: ReturnType<typeof loadConfig>;
  try {
    config = loadConfig(readEnvironment());
  } catch (error) {
    if (error instanceof ConfigError) fail(`Cannot start the bot. ${error.message}`);
    throw error;
  }
  const logger = createLogger(config.LOG_LEVEL);
  const store = await openStore({ dataDir: config.DATA_DIR, sessionSchema }).catch(
    (error: unknown) => {
      if (error instanceof StoreCorruptError)
        fail(`Cannot start the bot: data file ${error.message}`);
      throw error;
    },
  );
  const app: BotApp = createBot({ config, store, logger });

  let stopping = false;
  const shutdown = async (signal: NodeJS.Signals) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, 'stopping');
    const force = setTimeout(() => {
      logger.error('shutdown took too long; exiting');
      process.exit(1);
    }, SHUTDOWN_GRACE_MS);
    force.unref();
    try {
      app.bot.stop(signal);
    } catch {
      // Polling had not started yet: nothing to stop.
    }
    await Promise.allSettled(app.services.map((service) => service.stop()));
    await store.flush();
    logger.info('stopped');
    process.exit(0);
  };
  process.once('SIGINT', shutdown);
  process.once('SIGTERM', shutdown);

  await registerCommands(app.bot.telegram, app.commands, config, logger);
  app.bot
    .launch({ dropPendingUpdates: false }, () => {
      for (const service of app.services) service.start();
      logger.info({ mode: 'polling' }, 'bot started');
    })
    .catch((error: unknown) => {
      logger.fatal({ err: error }, 'polling stopped with an error');
      void store.flush().finally(() => process.exit(1));
    });
}

main().catch((error: unknown) => {
  process.stderr.write(
    `Cannot start the bot: ${error instanceof Error ? error.message : String(error)}\n`,
  );
  process.exit(1);
});
