import { TicketNotFoundError, TicketTransitionError } from '../../../store/tickets/index.ts';
import type { BotContext } from '../../context.ts';
import type { OfficerAction } from './dialogues.ts';
import type { TicketEnv } from './env.ts';
import {
  type ActionOutcome,
  carryOutOfficerAction,
  NOTE_LIMIT,
  REPLY_LIMIT,
  takeTicketAs,
} from './officerService.ts';

export { NOTE_LIMIT, REPLY_LIMIT };

/** Refuses (and changes nothing) unless the sender is in OFFICER_IDS; checked on every update. */
export async function requireOfficer(ctx: BotContext): Promise<boolean> {
  if (ctx.isOfficer) return true;
  if (ctx.callbackQuery) await ctx.answerCbQuery(ctx.t('error.notOfficer'), { show_alert: true });
  else await ctx.reply(ctx.t('error.notOfficer'));
  return false;
}

/** Runs a store change, turning "no such ticket" and refused transitions into clear replies. */
export async function guarded(ctx: BotContext, code: string, run: () => Promise<void>) {
  try {
    await run();
  } catch (error) {
    if (error instanceof TicketNotFoundError) {
      await ctx.reply(ctx.t('tickets.notFound', { code }));
    } else if (error instanceof TicketTransitionError) {
      await ctx.reply(ctx.t('tickets.badTransition', { code }));
    } else {
      throw error;
    }
  }
}

/** Tells the officer in the chat what became of an action carried out by officerService. */
async function tell(ctx: BotContext, code: string, outcome: ActionOutcome, done: 'taken' | 'done') {
  if (outcome.kind === 'done') {
    await ctx.reply(
      ctx.t(done === 'taken' ? 'tickets.officer.taken' : 'tickets.officer.done', { code }),
    );
  } else if (outcome.kind === 'notFound') {
    await ctx.reply(ctx.t('tickets.notFound', { code }));
  } else if (outcome.kind === 'badTransition') {
    await ctx.reply(ctx.t('tickets.badTransition', { code }));
  } else if (outcome.kind === 'tooLong') {
    await ctx.reply(ctx.t('tickets.tooLong', { limit: outcome.limit, length: outcome.length }));
  } else {
    await ctx.reply(ctx.t(`reply.${outcome.delivery}`, { code }));
  }
}

/** Takes the ticket and tells the filer it is being handled. */
export async function takeTicket(env: TicketEnv, ctx: BotContext, code: string) {
  await tell(ctx, code, await takeTicketAs(env, ctx.profile.id, code), 'taken');
}

/** A reply, question, resolution or rejection from the chat; see {@link carryOutOfficerAction}. */
export async function performOfficerAction(
  env: TicketEnv,
  ctx: BotContext,
  action: OfficerAction,
  code: string,
  text: string,
): Promise<void> {
  await tell(
    ctx,
    code,
    await carryOutOfficerAction(env, ctx.profile.id, action, code, text),
    'done',
  );
}
