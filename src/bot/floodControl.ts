import type { MiddlewareFn } from 'telegraf';
import type { Config } from '../config.ts';
import type { UserRepository } from '../store/index.ts';
import type { BotContext } from './context.ts';
import { languageOfUser, translator } from './i18n/index.ts';

interface Bucket {
  tokens: number;
  updatedAt: number;
  /** Until when the user's updates are dropped; 0 when not cooling down. */
  coolingUntil: number;
}

/** Per-user token buckets: generous for people (a burst, then a steady rate), firm for scripts. */
export class FloodGate {
  private readonly buckets = new Map<string, Bucket>();

  constructor(
    private readonly perMinute: number,
    private readonly burst: number,
    private readonly cooldownMs: number,
    private readonly now: () => number = Date.now,
  ) {}

  /** 'pass', 'warn' (first update over the limit: tell the user once) or 'drop'. */
  check(key: string): 'pass' | 'warn' | 'drop' {
    const now = this.now();
    const bucket = this.buckets.get(key) ?? { tokens: this.burst, updatedAt: now, coolingUntil: 0 };
    this.buckets.set(key, bucket);
    if (bucket.coolingUntil > now) return 'drop';
    bucket.tokens = Math.min(
      this.burst,
      bucket.tokens + ((now - bucket.updatedAt) / 60_000) * this.perMinute,
    );
    bucket.updatedAt = now;
    if (bucket.tokens >= 1) {
      bucket.tokens -= 1;
      return 'pass';
    }
    bucket.coolingUntil = now + this.cooldownMs;
    bucket.tokens = 0;
    this.forgetIdle(now);
    return 'warn';
  }

  /** Keeps memory bounded: a full, idle bucket carries no information. */
  private forgetIdle(now: number): void {
    if (this.buckets.size < 10_000) return;
    const refillMs = (this.burst / this.perMinute) * 60_000;
    for (const [key, bucket] of this.buckets) {
      if (bucket.coolingUntil < now && now - bucket.updatedAt > refillMs) this.buckets.delete(key);
    }
  }
}

/**
 * Runs before anything touches the store: an update over the user's limit costs a map lookup
 * and nothing else, so one flooding user cannot slow the others. The first update over the
 * limit gets one polite notice; the rest are dropped until the cool-down ends.
 */
export function floodControl(config: Config, users: UserRepository): MiddlewareFn<BotContext> {
  const cooldownMs = config.FLOOD_COOLDOWN_SECONDS * 1000;
  const messages = new FloodGate(config.FLOOD_MESSAGES_PER_MINUTE, config.FLOOD_BURST, cooldownMs);
  const buttons = new FloodGate(config.FLOOD_BUTTONS_PER_MINUTE, config.FLOOD_BURST, cooldownMs);
  return async (ctx, next) => {
    const from = ctx.from;
    if (!from || config.OFFICER_IDS.includes(from.id)) return next();
    const gate = ctx.callbackQuery ? buttons : messages;
    const verdict = gate.check(String(from.id));
    if (verdict === 'pass') return next();
    if (verdict === 'drop') return;
    const lang = languageOfUser(
      users.get(from.id) ?? { lang: null, languageCode: from.language_code },
      config.DEFAULT_LANG,
    );
    const notice = translator(lang)('error.slowDown', { seconds: config.FLOOD_COOLDOWN_SECONDS });
    if (ctx.callbackQuery) await ctx.answerCbQuery(notice).catch(() => undefined);
    else if (ctx.chat?.type === 'private') await ctx.reply(notice).catch(() => undefined);
  };
}
