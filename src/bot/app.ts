import type { Logger } from 'pino';
import { Telegraf } from 'telegraf';
import type { UserFromGetMe } from 'telegraf/types';
import type { Config } from '../config.ts';
import type { Store } from '../store/index.ts';
import { type ApiPolicy, type ApiTransport, applyApiPolicy } from './api.ts';
import type { BotContext, CommandSpec, MenuItem } from './context.ts';
import { dialogueFeature } from './features/dialogue.ts';
import { fallbackFeature } from './features/fallback.ts';
import type { Feature } from './features/feature.ts';
import { helpFeature } from './features/help.ts';
import { languageFeature } from './features/language.ts';
import { startFeature } from './features/start.ts';
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
  commands: CommandSpec[];
  services: BackgroundService[];
}

/** Wires the features into one bot; starts nothing, so tests and the console can drive it. */
export function createBot(deps: BotDeps): BotApp {
  const { config, store, logger } = deps;
  const bot = new Telegraf<BotContext>(config.BOT_TOKEN, {
    telegram: { apiRoot: config.TELEGRAM_API_ROOT },
  });
  if (deps.botInfo) bot.botInfo = deps.botInfo;

  const policy: ApiPolicy = {
    logger,
    transport: deps.transport,
    onBlocked: (chatId) => store.users.markInactive(chatId),
  };
  applyApiPolicy(bot.telegram, policy);

  const services: BackgroundService[] = [];
  const features: Feature[] = [];
  const menu = (): MenuItem[] => features.flatMap((feature) => feature.menu);
  const commands = (): CommandSpec[] => features.flatMap((feature) => feature.commands);
  features.push(
    dialogueFeature(),
    startFeature(store.users, menu),
    languageFeature(store.users),
    helpFeature(commands),
    fallbackFeature(),
  );

  bot.use(apiPolicyMiddleware(policy));
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

  return { bot, commands: commands(), services };
}
