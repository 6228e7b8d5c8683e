import { StoreUnavailableError } from '../../../store/envelope.ts';
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

/**
 * The idempotency key of a change made by this update: Telegram redelivering the update, or the
 * inbox running it again after a crash, finds the change already made and makes it once.
 */
export const changeKey = (ctx: BotContext): string => `u${ctx.update.update_id}`;

/**
 * Runs a store change, turning "no such ticket", refused transitions and failed writes into
 * clear replies.
 */
export async function guarded(ctx: BotContext, code: string, run: () => Promise<void>) {
  try {
    await run();
  } catch (error) {
    if (error instanceof TicketNotFoundError) {
      await ctx.reply(ctx.t('tickets.notFound', { code }));
    } else if (error instanceof TicketTransitionError) {
      await ctx.reply(ctx.t('tickets.badTransition', { code }));
    } else if (isStorageError(error)) {
      ctx.log.error({ err: error }, 'a ticket change could not be saved');
      await ctx.reply(ctx.t('tickets.actionNotSaved', { code }));
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

/** A failed file write (ENOSPC, EIO, EROFS…) or a database that refused it: the change was not made. */
export function isStorageError(error: unknown): boolean {
  if (error instanceof StoreUnavailableError) return true;
  const code = (error as NodeJS.ErrnoException | null)?.code;
  return error instanceof Error && typeof code === 'string' && /^E[A-Z]+$/.test(code);
}

/** Takes the ticket and tells the filer it is being handled. */
export async function takeTicket(env: TicketEnv, ctx: BotContext, code: string) {
  await guarded(ctx, code, async () => {
    await tell(ctx, code, await takeTicketAs(env, ctx.profile.id, code, changeKey(ctx)), 'taken');
  });
}

/** A reply, question, resolution or rejection from the chat; see {@link carryOutOfficerAction}. */
export async function performOfficerAction(
  env: TicketEnv,
  ctx: BotContext,
  action: OfficerAction,
  code: string,
  text: string,
): Promise<void> {
  await guarded(ctx, code, async () => {
    const outcome = await carryOutOfficerAction(
      env,
      ctx.profile.id,
      action,
      code,
      text,
      changeKey(ctx),
    );
    await tell(ctx, code, outcome, 'done');
  });
}
