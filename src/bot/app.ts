import type { Logger } from 'pino';
import { Telegraf } from 'telegraf';
import type { UserFromGetMe } from 'telegraf/types';
import type { Config } from '../config.ts';
import type { LiveKnowledge } from '../knowledge/live.ts';
import { retentionService } from '../ops/retention.ts';
import type { Store } from '../store/index.ts';
import { type ApiPolicy, type ApiTransport, applyApiPolicy } from './api.ts';
import type { BotContext, CommandSpec, MenuItem } from './context.ts';
import { dialogueFeature } from './features/dialogue.ts';
import { fallbackFeature } from './features/fallback.ts';
import type { Feature } from './features/feature.ts';
import { helpFeature } from './features/help.ts';
import { knowledgeFeature } from './features/knowledge/index.ts';
import { languageFeature } from './features/language.ts';
import { createNotices } from './features/notices/index.ts';
import { privacyFeature } from './features/privacy.ts';
import { startFeature } from './features/start.ts';
import { loadParks, ticketDigestService, ticketsFeature } from './features/tickets/index.ts';
import { floodControl } from './floodControl.ts';
import { translator } from './i18n/index.ts';
import {
  apiPolicyMiddleware,
  chatGuard,
  profileMiddleware,
  sessionMiddleware,
} from './middleware.ts';
import type { Session } from './session.ts';

export interface BotDeps {
  config: Config;
  store: Store<Session>;
  logger: Logger;
  /** The knowledge base answers come from; officers can reload it. */
  knowledge: LiveKnowledge;
  /** Replaces HTTP to Telegram (offline console). */
  transport?: ApiTransport;
  /** Known bot identity, so no getMe is needed (console, unit tests). */
  botInfo?: UserFromGetMe;
  /** The clock, replaceable in tests. */
  now?: () => Date;
}

/** Work that runs beside the update loop (schedulers, outbox); started and stopped by the entry point. */
export interface BackgroundService {
  name: string;
  start(): void;
  /** Resolves once the service has stopped and its last writes are durable. */
  stop(): Promise<void>;
}

export interface BotApp {
  bot: Telegraf<BotContext>;
  /** When the last update arrived (ms since epoch), for /healthz. */
  lastUpdateAt(): number | null;
  /** Messages waiting in the broadcast outbox, for /healthz. */
  outboxLength(): number;
  commands: CommandSpec[];
  services: BackgroundService[];
}

/** Wires the features into one bot; starts nothing, so tests and the console can drive it. */
export function createBot(deps: BotDeps): BotApp {
  const { config, store, logger } = deps;
  const bot = new Telegraf<BotContext>(config.BOT_TOKEN, {
    // Webhook replies would bypass the sending policy (no retries, no splitting): always call the API.
    telegram: { apiRoot: config.TELEGRAM_API_ROOT, webhookReply: false },
  });
  if (deps.botInfo) bot.botInfo = deps.botInfo;

  const policy: ApiPolicy = {
    logger,
    transport: deps.transport,
    onBlocked: (chatId) => store.users.markInactive(chatId),
  };
  applyApiPolicy(bot.telegram, policy);

  const ticketEnv = {
    config,
    tickets: store.tickets,
    users: store.users,
    parks: loadParks(config.PARKS_FILE),
    telegram: bot.telegram,
    logger,
    now: deps.now ?? (() => new Date()),
  };
  const services: BackgroundService[] = [ticketDigestService(ticketEnv)];
  const notices = createNotices({
    config,
    users: store.users,
    notices: store.notices,
    parks: () => ticketEnv.parks.list(),
    telegram: bot.telegram,
    logger,
    now: ticketEnv.now,
  });
  services.push(
    ...notices.services,
    retentionService({
      tickets: store.tickets,
      months: config.RETENTION_MONTHS,
      now: ticketEnv.now,
      logger,
    }),
  );
  const features: Feature[] = [];
  const menu = (): MenuItem[] => features.flatMap((feature) => feature.menu);
  const commands = (): CommandSpec[] => features.flatMap((feature) => feature.commands);
  features.push(
    dialogueFeature(),
    // Wraps the role buttons of /start to subscribe a new user; must come before startFeature.
    notices.onboarding,
    startFeature(store.users, menu),
    languageFeature(store.users),
    helpFeature(commands),
    ...notices.features,
    privacyFeature({
      users: store.users,
      sessions: store.sessions,
      tickets: store.tickets,
      forgetElsewhere: (userId) => notices.forgetUser(userId),
    }),
    // Before knowledge: a user in a ticket dialogue is answering a prompt, not asking a question.
    ticketsFeature(ticketEnv),
    knowledgeFeature(deps.knowledge, store.feedback, ticketEnv.now, () => {
      try {
        ticketEnv.parks.reload();
        return [];
      } catch (error) {
        const message = error instanceof Error ? error.message : String(error);
        return [{ file: config.PARKS_FILE, field: '', message }];
      }
    }),
    fallbackFeature(),
  );

  let lastUpdateAt: number | null = null;
  bot.use((_ctx, next) => {
    lastUpdateAt = Date.now();
    return next();
  });
  bot.use(apiPolicyMiddleware(policy));
  bot.use(floodControl(config, store.users));
  bot.use(chatGuard(config));
  bot.use(profileMiddleware(store.users, config));
  bot.use(sessionMiddleware(store.sessions, logger));
  for (const feature of features) bot.use(feature.composer);

  bot.catch(async (error, ctx) => {
    logger.error({ err: error, updateType: ctx.updateType }, 'handler failed');
    const t = ctx.t ?? translator(config.DEFAULT_LANG);
    try {
      if (ctx.callbackQuery) await ctx.answerCbQuery().catch(() => undefined);
      if (ctx.chat) await ctx.reply(t('error.generic'));
    } catch (replyError) {
      logger.warn({ err: replyError }, 'could not tell the user about the failure');
    }
  });

  return {
    bot,
    commands: commands(),
    services,
    lastUpdateAt: () => lastUpdateAt,
    outboxLength: () => notices.outboxLength(),
  };
}
