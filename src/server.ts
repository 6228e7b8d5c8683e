import type { Server } from 'node:http';
import type { Update } from 'telegraf/types';
import { boot, warnAboutDebugOutput } from './boot.ts';
import { callApiWith } from './bot/api.ts';
import { createBot } from './bot/app.ts';
import { registerCommands } from './bot/commands.ts';
import { readEnvironment } from './env.ts';
import { errorMessage } from './errors.ts';
import { defaultKnowledgePaths } from './knowledge/live.ts';
import { stopAll } from './lifecycle.ts';
import { dailyBackupService } from './ops/dailyBackup.ts';
import { UpdateDispatcher } from './updates/dispatcher.ts';
import { Inbox } from './updates/inbox.ts';
import { sharedInstance } from './updates/pgInstance.ts';
import { UpdatePoller } from './updates/poller.ts';
import { createDashboard } from './web/dashboard/http.ts';
import { setOfficerMenuButtons } from './web/dashboard/menuButton.ts';
import { createWebServer, type HealthReport, listen, webhookTarget } from './web.ts';

/** Whole shutdown, after which the process exits 1; under the 5 s a supervisor usually allows. */
const SHUTDOWN_GRACE_MS = 4500;
/** How long handlers in flight may take to finish once stopping. */
const HANDLER_GRACE_MS = 2500;
const SERVICES_GRACE_MS = 1200;
const LONG_POLL_SECONDS = 25;

/**
 * Starts the bot and stops it cleanly on SIGINT/SIGTERM. Long polling by default; with
 * WEBHOOK_URL set, Telegram posts updates to this process instead (and /healthz is served
 * on the same port). Starting in one mode removes the other mode's registration. Either way
 * every update goes through the inbox (recorded before it is acknowledged, handled once) and
 * the dispatcher (one chat in order, chats side by side).
 */
async function main(): Promise<void> {
  const { config, logger, store, knowledge, parks, layer, version, unlock, actionKeys } =
    await boot(readEnvironment());
  const app = createBot({ config, store, logger, knowledge, parks, layer });
  const ownServices = [
    ...app.services,
    // On PostgreSQL the backup is pg_dump's (README "Scaling out"), not a copy of DATA_DIR.
    ...(config.DATABASE_URL
      ? []
      : [
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
        ]),
  ];
  const handle = (update: Update) => app.bot.handleUpdate(update);
  // With PostgreSQL: the shared inbox, and the scheduler's services on the leader only.
  const shared = config.DATABASE_URL
    ? sharedInstance({
        url: config.DATABASE_URL,
        handle,
        services: ownServices,
        logger,
      })
    : null;
  const services = shared ? shared.services : ownServices;
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
      ...(shared ? await shared.health() : {}),
    };
  };

  if (!app.officerDesk) throw new Error('the tickets feature is not built');
  const dashboard = createDashboard({
    config,
    knowledge,
    knowledgePaths: defaultKnowledgePaths(),
    store,
    desk: app.officerDesk,
    layer,
    ...(actionKeys ? { actionKeys } : {}),
    parks,
    logger,
    now: () => new Date(),
  });
  const inbox = shared ? null : await Inbox.open(config.DATA_DIR);
  const dispatcher = inbox ? new UpdateDispatcher({ inbox, handle, logger }) : shared?.dispatcher;
  if (!dispatcher) throw new Error('no update dispatcher');
  if (inbox) {
    inbox.onDiskRefusal = (error) =>
      logger.error(
        { err: error },
        'the disk refused to record updates; answering them from memory',
      );
  }
  let poller: UpdatePoller | undefined;
  const webServers: Server[] = [];
  let stopping = false;
  const shutdown = async (signal: NodeJS.Signals, exitCode = 0) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, 'stopping');
    setTimeout(() => {
      logger.error('shutdown took too long; exiting');
      process.exit(1);
    }, SHUTDOWN_GRACE_MS).unref();
    // 1. Take no more updates: end the long poll, refuse new webhook connections.
    await poller?.stop();
    for (const server of webServers) server.close();
    // 2. Let handlers in flight finish, bounded; unfinished ones stay in the inbox for the restart.
    const drained = await dispatcher.drain(HANDLER_GRACE_MS);
    if (!drained) {
      logger.warn({ inFlight: dispatcher.inFlight }, 'updates still running; they resume on start');
    }
    for (const server of webServers) server.closeAllConnections();
    // 3. Stop the outbox and schedulers (their sends in flight are answered and marked), bounded.
    await withinMs(
      Promise.allSettled(services.map((service) => service.stop())),
      SERVICES_GRACE_MS,
    );
    // 4. Write what can be written; a disk that failed earlier must not turn this into a crash.
    const flushWhatCan = async () => {
      try {
        await Promise.all([store.flush(), inbox?.flush(), shared?.close()]);
      } catch (error) {
        logger.error({ err: error }, 'some changes could not be written before stopping');
      }
    };
    await stopAll([], { flush: flushWhatCan }, unlock).catch(() => undefined);
    logger.info('stopped');
    process.exit(exitCode);
  };
  process.once('SIGINT', (signal) => void shutdown(signal));
  process.once('SIGTERM', (signal) => void shutdown(signal));
  process.on('unhandledRejection', (error) => {
    logger.error({ err: error }, 'a background task failed');
  });

  warnAboutDebugOutput(process.env.DEBUG, logger);
  app.bot.botInfo ??= await app.bot.telegram.getMe();
  await registerCommands(app.bot.telegram, app.commands, config, logger);
  await setOfficerMenuButtons(app.bot.telegram, config, store.users, logger);
  await dashboard.prepare();
  const healthToken = config.HEALTH_TOKEN;

  if (config.WEBHOOK_URL && config.WEBHOOK_SECRET) {
    const target = webhookTarget(config.WEBHOOK_URL);
    await app.bot.telegram.setWebhook(target.url, { secret_token: config.WEBHOOK_SECRET });
    const web = createWebServer({
      health,
      healthToken,
      webhook: {
        path: target.path,
        secret: config.WEBHOOK_SECRET,
        accept: (update) => dispatcher.accept([update]),
      },
      routes: dashboard.handle,
    });
    webServers.push(web);
    await listen(web, config.PORT, config.HOST);
  } else {
    await app.bot.telegram.deleteWebhook({ drop_pending_updates: false });
    poller = new UpdatePoller({
      dispatcher,
      logger,
      getUpdates: (offset, signal) =>
        callApiWith(
          app.bot.telegram,
          'getUpdates',
          { offset, timeout: LONG_POLL_SECONDS },
          { signal },
        ) as Promise<Update[]>,
      onFatal: (error) => {
        logger.fatal({ err: error }, 'Telegram refused the bot token; stopping');
        void shutdown('SIGTERM', 1);
      },
    });
  }
  if (config.HEALTH_PORT) {
    const healthServer = createWebServer({ health, healthToken });
    webServers.push(healthServer);
    await listen(healthServer, config.HEALTH_PORT, config.HEALTH_HOST);
  }
  if (config.WEB_PORT) {
    const dashboardWeb = createWebServer({ health, healthToken, routes: dashboard.handle });
    webServers.push(dashboardWeb);
    await listen(dashboardWeb, config.WEB_PORT, config.HOST);
  }
  dispatcher.resume();
  for (const service of services) service.start();
  poller?.start();
  logger.info({ mode, version }, 'bot started');
}

function withinMs(work: Promise<unknown>, ms: number): Promise<unknown> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise((resolve) => {
    timer = setTimeout(resolve, ms);
  });
  return Promise.race([work, timeout]).finally(() => clearTimeout(timer));
}

main().catch((error: unknown) => {
  process.stderr.write(`Cannot start the bot: ${errorMessage(error)}\n`);
  process.exit(1);
});
