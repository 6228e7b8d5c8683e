import { Composer, type Middleware } from 'telegraf';
import type { BotContext } from './context.ts';

/** What an officer-only part answers: its commands and the patterns of its buttons, if any. */
export interface OfficerSurface {
  commands: string[];
  callbacks?: RegExp[];
}

/**
 * The refusal every officer-only command, button and text step gives anyone not in OFFICER_IDS,
 * in their language: an alert over the chat for a button, a message otherwise. Nothing changes.
 */
export async function refuseNonOfficer(ctx: BotContext): Promise<void> {
  if (ctx.callbackQuery) await ctx.answerCbQuery(ctx.t('error.notOfficer'), { show_alert: true });
  else await ctx.reply(ctx.t('error.notOfficer'));
}

/**
 * The one officer guard: a feature's officer handlers run only for senders in OFFICER_IDS
 * (checked on the server for every update); anyone else using one of its commands or buttons
 * is told so, and nothing changes. Other updates pass on untouched. Officer dialogue steps are
 * guarded by the dispatcher with the same refusal (`audience: 'officer'` in dialogueStep.ts).
 */
export function officerOnly(
  surface: OfficerSurface,
  ...handlers: Middleware<BotContext>[]
): Composer<BotContext> {
  const composer = new Composer<BotContext>();
  composer.use(Composer.optional((ctx: BotContext) => ctx.isOfficer, Composer.compose(handlers)));
  composer.command(surface.commands, async (ctx, next) => {
    if (ctx.isOfficer) return next();
    await refuseNonOfficer(ctx);
  });
  surface.callbacks?.forEach((pattern) => {
    composer.action(pattern, async (ctx, next) => {
      if (ctx.isOfficer) return next();
      await refuseNonOfficer(ctx);
    });
  });
  return composer;
}
