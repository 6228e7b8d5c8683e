import type { Logger } from 'pino';
import type { MiddlewareFn } from 'telegraf';
import type { Config } from '../config.ts';
import type { SessionRepository, UserRepository } from '../store/index.ts';
import { type ApiPolicy, applyApiPolicy } from './api.ts';
import type { BotContext } from './context.ts';
import { languageFromTelegram, languageOfUser, translator } from './i18n/index.ts';
import { newSession, type Session, sessionKey } from './sessionTypes.ts';
import { profileFromTelegram } from './telegramInput.ts';

/**
 * Gives each update its own child logger (`ctx.log`) carrying `update_id`, so every line a
 * handler logs can be matched to the update that caused it, and nothing else about the user.
 */
export function updateLogger(logger: Logger): MiddlewareFn<BotContext> {
  return (ctx, next) => {
    // Made on first use: most updates log nothing, and a pino child costs an object per update.
    let child: Logger | undefined;
    Object.defineProperty(ctx, 'log', {
      configurable: true,
      get: () => {
        child ??= logger.child({ update_id: ctx.update.update_id });
        return child;
      },
      set: (value: Logger) => {
        child = value;
      },
    });
    return next();
  };
}

/** Applies the sending rules to the Telegram object Telegraf made for this update. */
export function apiPolicyMiddleware(policy: ApiPolicy): MiddlewareFn<BotContext> {
  return (ctx, next) => {
    applyApiPolicy(ctx.telegram, policy);
    return next();
  };
}

/**
 * Drops what the bot does not serve: updates with no sender (channel posts), group chats other
 * than the officers' group (commands get a pointer to the private chat), and anyone but an
 * officer inside the officers' group.
 */
export function chatGuard(config: Config): MiddlewareFn<BotContext> {
  return async (ctx, next) => {
    if (!ctx.from || ctx.from.is_bot) return;
    if (ctx.callbackQuery && !ctx.callbackQuery.message) {
      // The bot posts no inline-mode messages, so a button press without a message is forged.
      const lang = languageFromTelegram(ctx.from.language_code, config.DEFAULT_LANG);
      await ctx.answerCbQuery(translator(lang)('error.staleButton'));
      return;
    }
    const chat = ctx.chat;
    if (chat && chat.id === config.OFFICER_CHAT_ID && !config.OFFICER_IDS.includes(ctx.from.id)) {
      // Someone who is not an officer, inside the officers' group: no dialogue, no button.
      const t = translator(languageFromTelegram(ctx.from.language_code, config.DEFAULT_LANG));
      if (ctx.callbackQuery) await ctx.answerCbQuery(t('error.notOfficer'), { show_alert: true });
      const said = ctx.message && 'text' in ctx.message ? ctx.message.text : '';
      if (said.startsWith('/')) await ctx.reply(t('error.notOfficer'));
      return;
    }
    if (!chat || chat.type === 'private' || chat.id === config.OFFICER_CHAT_ID) return next();
    if (chat.type === 'channel') return;
    const text = ctx.message && 'text' in ctx.message ? ctx.message.text : '';
    if (text.startsWith('/')) {
      const lang = languageFromTelegram(ctx.from.language_code, config.DEFAULT_LANG);
      await ctx.reply(translator(lang)('error.groupChat'));
    }
  };
}

/** Loads the profile, language and officer flag the handlers use. */
export function profileMiddleware(users: UserRepository, config: Config): MiddlewareFn<BotContext> {
  return async (ctx, next) => {
    const from = ctx.from;
    const profile = profileFromTelegram(from);
    if (!from || !profile) return;
    ctx.config = config;
    ctx.profile = await users.touch(profile);
    ctx.lang = languageOfUser(ctx.profile, config.DEFAULT_LANG);
    ctx.t = translator(ctx.lang);
    ctx.isOfficer = config.OFFICER_IDS.includes(from.id);
    return next();
  };
}

/**
 * A persisted session per user and chat, one update at a time. Handlers that start or advance a dialogue call
 * `saveSession` before replying, so the step is durable before the user sees the next prompt;
 * anything else changed is saved after the handler.
 *
 * Decision: when the handler throws, the unsaved rest is dropped, not written (as grammY does).
 * The user is then told something went wrong, so the session stays at the last step they were
 * shown; a half-applied change written after a failure would be a step no one saw. What a
 * handler saved explicitly before failing stays saved. See CONTRIBUTING.md ("Sessions").
 */
export function sessionMiddleware(sessions: SessionRepository<Session>): MiddlewareFn<BotContext> {
  const queues = new Map<string, Promise<void>>();
  return async (ctx, next) => {
    const key = sessionKey(ctx);
    // Telegram delivers updates in batches that Telegraf handles at once; two quick taps of one
    // user would both read the session before either saved it. One update per session at a time.
    const previous = queues.get(key) ?? Promise.resolve();
    let release = () => {};
    const gate = new Promise<void>((resolve) => {
      release = resolve;
    });
    const turn = previous.then(() => gate);
    queues.set(key, turn);
    await previous;
    const stored = sessions.load ? await sessions.load(key) : sessions.get(key);
    ctx.session = structuredClone(stored) ?? newSession();
    let saved = JSON.stringify(ctx.session);
    ctx.saveSession = async () => {
      const current = JSON.stringify(ctx.session);
      if (current === saved) return;
      saved = current;
      await sessions.set(key, { ...ctx.session, updatedAt: new Date().toISOString() });
    };
    ctx.sessionWrite = <R>(next: (result: R) => Session) => {
      let written: Session | undefined;
      return {
        key,
        sessionAfter(result: R) {
          written = next(result);
          return { ...written, updatedAt: new Date().toISOString() };
        },
        // What was committed is now the session: the handler goes on from it.
        committed: () => {
          if (!written) return;
          ctx.session = structuredClone(written);
          saved = JSON.stringify(written);
        },
      };
    };
    try {
      await next();
      await ctx.saveSession().catch((error: unknown) => {
        ctx.log.error({ err: error }, 'could not save a session');
      });
    } finally {
      release();
      if (queues.get(key) === turn) queues.delete(key);
    }
  };
}
