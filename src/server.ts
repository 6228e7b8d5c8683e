import type { Server } from 'node:http';
import { boot } from './boot.ts';
import { createBot } from './bot/app.ts';
import { registerCommands } from './bot/commands.ts';
import { readEnvironment } from './env.ts';
import { errorMessage } from './errors.ts';
import { defaultKnowledgePaths } from './knowledge/live.ts';
import { stopAll } from './lifecycle.ts';
import { dailyBackupService } from './ops/dailyBackup.ts';
import { createDashboard } from './web/dashboard/http.ts';
import { setOfficerMenuButtons } from './web/dashboard/menuButton.ts';
import { createWebServer, type HealthReport, listen } from './web.ts';

const SHUTDOWN_GRACE_MS = 4000;

/**
 * Starts the bot and stops it cleanly on SIGINT/SIGTERM. Long polling by default; with
 * WEBHOOK_URL set, Telegram posts updates to this process instead (and /healthz is served
 * on the same port). Starting in one mode removes the other mode's registration.
 */
async function main(): Promise<void> {
  const { config, logger, store, knowledge, parks, version, unlock } = await boot(
    readEnvironment(),
  );
  const app = createBot({ config, store, logger, knowledge, parks });
  const services = [
    ...app.services,
    dailyBackupService({
      dataDir: config.DATA_DIR,
      backupDir: config.BACKUP_DIR,
      keep: config.BACKUP_KEEP,
      key: config.BACKUP_KEY,
      hour: config.BACKUP_HOUR,
      timeZone: config.TZ,
      flush: () => store.flush(),
      logger,
    }),
  ];
  const mode = config.WEBHOOK_URL ? 'webhook' : 'polling';
  const startedAt = Date.now();
  const health = async (): Promise<HealthReport> => {
    const lastUpdate = app.lastUpdateAt();
    return {
      mode,
      uptimeSeconds: Math.round((Date.now() - startedAt) / 1000),
      storeWritable: await store.isWritable(),
      lastUpdateAt: lastUpdate === null ? null : new Date(lastUpdate).toISOString(),
      outboxLength: app.outboxLength(),
      version,
    };
  };

  const dashboard = createDashboard({
    config,
    knowledge,
    knowledgePaths: defaultKnowledgePaths(),
    store,
    parks,
    telegram: app.bot.telegram,
    logger,
    now: () => new Date(),
  });
  let web: Server | undefined;
  let dashboardWeb: Server | undefined;
  let stopping = false;
  const shutdown = async (signal: NodeJS.Signals) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, 'stopping');
    setTimeout(() => {
      logger.error('shutdown took too long; exiting');
      process.exit(1);
    }, SHUTDOWN_GRACE_MS).unref();
    if (mode === 'polling') {
      try {
        app.bot.stop(signal);
      } catch {
        // Telegraf throws when polling has not started yet; there is nothing to stop then.
      }
    }
    for (const server of [web, dashboardWeb]) {
      server?.close();
      server?.closeAllConnections();
    }
    await stopAll(services, store, unlock);
    logger.info('stopped');
    process.exit(0);
  };
  process.once('SIGINT', shutdown);
  process.once('SIGTERM', shutdown);

  const startServices = () => {
    for (const service of services) service.start();
    logger.info({ mode, version }, 'bot started');
  };
  await registerCommands(app.bot.telegram, app.commands, config, logger);
  await setOfficerMenuButtons(app.bot.telegram, config, store.users, logger);
  await dashboard.prepare();

  if (config.WEBHOOK_URL && config.WEBHOOK_SECRET) {
    const url = new URL(config.WEBHOOK_URL);
    app.bot.botInfo ??= await app.bot.telegram.getMe();
    await app.bot.telegram.setWebhook(url.href, { secret_token: config.WEBHOOK_SECRET });
    const handle = app.bot.webhookCallback(url.pathname, { secretToken: config.WEBHOOK_SECRET });
    web = createWebServer({
      health,
      webhook: {
        path: url.pathname,
        secret: config.WEBHOOK_SECRET,
        handle: (req, res) => handle(req, res),
      },
      routes: dashboard.handle,
    });
    await listen(web, config.PORT, config.HOST);
    startServices();
    return;
  }

  if (config.HEALTH_PORT) {
    web = createWebServer({ health });
    await listen(web, config.HEALTH_PORT, config.HOST);
  }
  if (config.WEB_PORT) {
    dashboardWeb = createWebServer({ health, routes: dashboard.handle });
    await listen(dashboardWeb, config.WEB_PORT, config.HOST);
  }
  app.bot.launch({ dropPendingUpdates: false }, startServices).catch(async (error: unknown) => {
    logger.fatal({ err: error }, 'polling stopped with an error');
    await stopAll(services, store, unlock);
    process.exit(1);
  });
}

main().catch((error: unknown) => {
  process.stderr.write(`Cannot start the bot: ${errorMessage(error)}\n`);
  process.exit(1);
});
