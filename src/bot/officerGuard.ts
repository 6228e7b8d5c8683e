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
 * One check decides which side an update takes: an officer's goes through the handlers (and on
 * past them, if none takes it), anyone else's meets the refusals.
 */
export function officerOnly(
  surface: OfficerSurface,
  ...handlers: Middleware<BotContext>[]
): Composer<BotContext> {
  const refusals = new Composer<BotContext>();
  refusals.command(surface.commands, refuseNonOfficer);
  surface.callbacks?.forEach((pattern) => {
    refusals.action(pattern, refuseNonOfficer);
  });
  return new Composer<BotContext>(
    Composer.branch((ctx: BotContext) => ctx.isOfficer, Composer.compose(handlers), refusals),
  );
}
