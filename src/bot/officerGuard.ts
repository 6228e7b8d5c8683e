import { Composer, type Middleware } from 'telegraf';
import type { BotContext } from './context.ts';

/** What an officer-only part answers: its commands and the patterns of its buttons. */
export interface OfficerSurface {
  commands: string[];
  callbacks: RegExp[];
}

/**
 * The one officer guard: a feature's officer handlers run only for senders in OFFICER_IDS
 * (checked on the server for every update); anyone else using one of its commands or buttons
 * is told so, and nothing changes. Other updates pass on untouched.
 */
export function officerOnly(
  surface: OfficerSurface,
  ...handlers: Middleware<BotContext>[]
): Composer<BotContext> {
  const composer = new Composer<BotContext>();
  composer.use(Composer.optional((ctx: BotContext) => ctx.isOfficer, Composer.compose(handlers)));
  composer.command(surface.commands, async (ctx, next) => {
    if (ctx.isOfficer) return next();
    await ctx.reply(ctx.t('error.notOfficer'));
  });
  for (const pattern of surface.callbacks) {
    composer.action(pattern, async (ctx, next) => {
      if (ctx.isOfficer) return next();
      await ctx.answerCbQuery(ctx.t('error.notOfficer'), { show_alert: true });
    });
  }
  return composer;
}
