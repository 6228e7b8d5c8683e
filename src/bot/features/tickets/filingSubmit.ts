import { randomUUID } from 'node:crypto';
import type { NewTicket, Ticket } from '../../../store/tickets/index.ts';
import { FILING } from '../../callbackData.ts';
import type { BotContext } from '../../context.ts';
import { callbackButton } from '../../keyboard.ts';
import type { Session } from '../../sessionTypes.ts';
import { cleanText } from '../../telegramInput.ts';
import type { TicketDraft, TicketFilingDialogue } from './dialogues.ts';
import type { TicketEnv } from './env.ts';
import { toOfficers } from './noticeTargets.ts';
import { isStorageError } from './officerActions.ts';
import { targetsText } from './render.ts';
import { rememberIn } from './threadMemory.ts';

const HOUR = 3_600_000;

/** Whether this user may file another ticket under TICKET_LIMIT_PER_HOUR. */
export function underLimit(env: TicketEnv, ctx: BotContext): boolean {
  const since = new Date(env.now().getTime() - HOUR);
  return env.tickets.countFiledSince(ctx.profile.id, since) < env.config.TICKET_LIMIT_PER_HOUR;
}

/** Evidence of every kind; kept here for the callers that import it from this module. */
export { attachmentOf } from './evidence.ts';

function complete(draft: TicketDraft): draft is TicketDraft & {
  category: NonNullable<TicketDraft['category']>;
  description: string;
} {
  return draft.category !== undefined && draft.description !== undefined;
}

/**
 * Whether this filing asks about anonymity: every complaint, and any ticket a worker (or someone
 * who has not chosen a role) files, since a worker's request can expose them as much as a complaint.
 */
export function offersAnonymity(ctx: BotContext, draft: TicketDraft): boolean {
  return draft.type === 'complaint' || ctx.profile.role !== 'enterprise';
}

/** Anonymous unless the filer chose to give their name; a request nobody asked about is named. */
function isAnonymous(ctx: BotContext, draft: TicketDraft): boolean {
  if (!offersAnonymity(ctx, draft)) return false;
  return draft.type === 'complaint' ? draft.anonymous !== false : draft.anonymous === true;
}

/**
 * Files the ticket. The ticket and the officers' notification are one write; only once it is on
 * disk is the filer told the code, and only then does the dialogue end. Submitting the same draft
 * again (a double press, Telegram redelivering the press after a crash) finds the ticket filed
 * the first time and tells its code again instead of filing a second one.
 */
export async function submitTicket(
  env: TicketEnv,
  ctx: BotContext,
  dialogue: TicketFilingDialogue,
): Promise<void> {
  const { draft } = dialogue;
  if (!complete(draft)) {
    dialogue.step = draft.category === undefined ? 'category' : 'description';
    await ctx.saveSession();
    await ctx.reply(ctx.t('tickets.incomplete'));
    return;
  }
  const from = ctx.from;
  const chatId = ctx.chat?.id;
  if (!from || chatId === undefined) return;
  if (!draft.submissionId) {
    draft.submissionId = randomUUID();
    await ctx.saveSession();
  }
  let ticket = env.tickets.findSubmission(draft.submissionId);
  if (ticket && ticket.filer.userId !== from.id) ticket = undefined;
  const filedNow = !ticket;
  if (!ticket) {
    if (!underLimit(env, ctx)) {
      await ctx.reply(ctx.t('tickets.limit', { limit: env.config.TICKET_LIMIT_PER_HOUR }));
      return;
    }
    const input: NewTicket = {
      type: draft.type,
      category: draft.category,
      parkId: draft.parkId ?? null,
      parkName: draft.parkName ?? null,
      company: draft.company ?? null,
      description: draft.description,
      attachments: draft.attachments,
      anonymous: isAnonymous(ctx, draft),
      filer: {
        userId: from.id,
        chatId,
        name: [cleanText(from.first_name, 128), cleanText(from.last_name, 128)]
          .filter(Boolean)
          .join(' '),
        ...(cleanText(from.username, 64) && { username: cleanText(from.username, 64) }),
      },
    };
    // The dialogue ends in the same write as the ticket where the store can (PostgreSQL), with
    // the description remembered for edits as the filing handler does after it (lowdb).
    const ended = ctx.sessionWrite?.((filed: Ticket) => {
      const next: Session = { ...ctx.session, dialogue: { kind: 'idle' } };
      if (dialogue.descriptionMessageId) {
        rememberIn(next, [dialogue.descriptionMessageId], filed.code);
      }
      return next;
    });
    try {
      ticket = await env.tickets.create(input, {
        submissionId: draft.submissionId,
        notify: [toOfficers(env, { event: 'new' })],
        ...(ended && { session: ended }),
      });
    } catch (error) {
      if (!isStorageError(error)) throw error;
      env.logger.error({ err: error }, 'a ticket could not be saved');
      // The draft is kept; the Send button comes back so trying again is one press.
      await ctx.reply(ctx.t('tickets.notSaved'), {
        reply_markup: {
          inline_keyboard: [
            [callbackButton(ctx.t('tickets.btn.confirm'), FILING.build('confirm'))],
          ],
        },
      });
      return;
    }
  }
  await ctx.reply(
    `${ctx.t('tickets.filed', { code: ticket.code })}\n${targetsText(env, ctx.t, ticket)}`,
  );
  ctx.session.dialogue = { kind: 'idle' };
  await ctx.saveSession();
  if (!filedNow) return;
  env.logger.info({ code: ticket.code, type: ticket.type }, 'ticket filed');
  // In the officers' forum the ticket opens its own topic with the card: the written notice,
  // there for a crash before this point, is then not needed.
  if (await env.desk?.announce(ticket)) await env.tickets.finishNotice(ticket.code, 'created.0');
  env.wakeOutbox();
}
