import type { Logger } from 'pino';
import { Telegraf } from 'telegraf';
import type { UserFromGetMe } from 'telegraf/types';
import type { Config } from '../config.ts';
import type { ValidationProblem } from '../knowledge/index.ts';
import type { LiveKnowledge } from '../knowledge/live.ts';
import type { BackgroundService } from '../lifecycle.ts';
import type { ParkDirectory } from '../parks/index.ts';
import type { FileLayer } from '../store/fileLayer.ts';
import { isNotSavedError, type Store } from '../store/index.ts';
import { jobStats } from '../store/outbox.ts';
import { type ApiPolicy, type ApiTransport, applyApiPolicy } from './api.ts';
import type { BotContext, CommandSpec } from './context.ts';
import type { Feature, FeatureDeps, FeatureDirectory, FeatureParts } from './features/feature.ts';
import { features } from './features/index.ts';
import { floodControl } from './floodControl.ts';
import { languageFromTelegram, translator } from './i18n/index.ts';
import { useLeanDispatch } from './leanDispatch.ts';
import {
  apiPolicyMiddleware,
  chatGuard,
  profileMiddleware,
  sessionMiddleware,
  updateLogger,
} from './middleware.ts';
import type { Session } from './sessionTypes.ts';

export type { BackgroundService } from '../lifecycle.ts';

export interface BotDeps {
  config: Config;
  store: Store<Session>;
  logger: Logger;
  /** The knowledge base answers come from; officers can reload it. */
  knowledge: LiveKnowledge;
  /** The operator-edited parks list, loaded at boot. */
  parks: ParkDirectory;
  /** Replaces HTTP to Telegram (offline console). */
  transport?: ApiTransport;
  /** Known bot identity, so no getMe is needed (console, unit tests). */
  botInfo?: UserFromGetMe;
  /** The clock, replaceable in tests. */
  now?: () => Date;
  /** The store's file operations (boot's, with the e2e full-disk hook); node's by default. */
  layer?: FileLayer;
  /** The features, in handler order; src/bot/features/index.ts unless a test passes its own. */
  features?: readonly Feature[];
}

export interface BotApp {
  bot: Telegraf<BotContext>;
  /** When the last update arrived (ms since epoch), for /healthz. */
  lastUpdateAt(): number | null;
  /** Messages waiting in the broadcast outbox, for /healthz. */
  outboxLength(): number;
  commands: CommandSpec[];
  services: BackgroundService[];
  /** The tickets feature's handling, for the dashboard (undefined when a test leaves it out). */
  officerDesk: FeatureParts['officerDesk'];
}

/**
 * Every dialogue kind a feature stores must be declared as a step for the dispatcher, once:
 * a kind without a declaration would fall back to registration order, the hazard it replaces.
 */
function assertEveryStepDeclared(listed: readonly Feature[], directory: FeatureDirectory): void {
  const kinds = listed.flatMap((feature) => feature.dialogues ?? []).map((s) => s.shape.kind.value);
  const declared = directory.steps().map((step) => step.kind as string);
  const missing = kinds.filter((kind) => !declared.includes(kind));
  const twice = declared.filter((kind, index) => declared.indexOf(kind) !== index);
  if (missing.length > 0 || twice.length > 0) {
    throw new Error(`dialogue steps: undeclared ${missing.join(', ')}; twice ${twice.join(', ')}`);
  }
}

/**
 * Wires the features of features/index.ts into one bot; starts nothing, so tests and the
 * console can drive it. Adding a feature never changes this file.
 */
export function createBot(deps: BotDeps): BotApp {
  const { config, store, logger } = deps;
  useLeanDispatch();
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

  const built: FeatureParts[] = [];
  const directory: FeatureDirectory = {
    commands: () => built.flatMap((parts) => parts.commands ?? []),
    menu: () => built.flatMap((parts) => parts.menu ?? []),
    steps: () => built.flatMap((parts) => parts.steps ?? []),
    async forgetUser(userId) {
      for (const parts of built) await parts.forgetUser?.(userId);
    },
    async reload() {
      const problems: ValidationProblem[] = [];
      for (const parts of built) problems.push(...((await parts.onReload?.()) ?? []));
      return problems;
    },
  };
  const featureDeps: FeatureDeps = {
    config,
    store,
    telegram: bot.telegram,
    logger,
    knowledge: deps.knowledge,
    parks: deps.parks,
    now: deps.now ?? (() => new Date()),
    features: directory,
    ...(deps.layer ? { layer: deps.layer } : {}),
  };
  const listed = deps.features ?? features;
  for (const feature of listed) built.push(feature.create(featureDeps));
  assertEveryStepDeclared(listed, directory);

  let lastUpdateAt: number | null = null;
  bot.use((_ctx, next) => {
    lastUpdateAt = Date.now();
    return next();
  });
  bot.use(updateLogger(logger));
  bot.use(apiPolicyMiddleware(policy));
  bot.use(floodControl(config, store.users));
  bot.use(chatGuard(config));
  bot.use(profileMiddleware(store.users, config));
  bot.use(sessionMiddleware(store.sessions));
  for (const parts of built) if (parts.composer) bot.use(parts.composer);

  bot.catch(async (error, ctx) => {
    (ctx.log ?? logger).error({ err: error, updateType: ctx.updateType }, 'handler failed');
    const t =
      ctx.t ?? translator(languageFromTelegram(ctx.from?.language_code, config.DEFAULT_LANG));
    try {
      if (ctx.callbackQuery) await ctx.answerCbQuery().catch(() => undefined);
      if (ctx.chat) await ctx.reply(t(isNotSavedError(error) ? 'error.notSaved' : 'error.generic'));
    } catch (replyError) {
      logger.warn({ err: replyError }, 'could not tell the user about the failure');
    }
  });

  return {
    bot,
    commands: directory.commands(),
    services: built.flatMap((parts) => parts.services ?? []),
    officerDesk: built.find((parts) => parts.officerDesk)?.officerDesk,
    lastUpdateAt: () => lastUpdateAt,
    outboxLength: () =>
      store.notices.outbox.jobs().reduce((sum, job) => sum + jobStats(job).pending, 0),
  };
}
