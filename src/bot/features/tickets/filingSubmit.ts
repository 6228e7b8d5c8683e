import type { NewTicket } from '../../../store/tickets/index.ts';
import type { BotContext } from '../../context.ts';
import type { TicketDraft, TicketFilingDialogue } from './dialogues.ts';
import type { TicketEnv } from './env.ts';
import { sendToOfficers } from './notify.ts';
import { officerButtons, officerCard, targetsText } from './render.ts';

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
 * Files the ticket: the code is assigned synchronously inside the store, the ticket is durable
 * before the filer sees its code, then officers get the card (no identity when anonymous).
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
  if (!underLimit(env, ctx)) {
    await ctx.reply(ctx.t('tickets.limit', { limit: env.config.TICKET_LIMIT_PER_HOUR }));
    return;
  }
  const from = ctx.from;
  const chatId = ctx.chat?.id;
  if (!from || chatId === undefined) return;
  const input: NewTicket = {
    type: draft.type,
    category: draft.category,
    parkId: draft.parkId ?? null,
    parkName: draft.parkName ?? null,
    company: draft.company ?? null,
    description: draft.description,
    attachments: draft.attachments,
    anonymous: draft.type === 'complaint' && draft.anonymous !== false,
    filer: {
      userId: from.id,
      chatId,
      name: [from.first_name, from.last_name].filter(Boolean).join(' '),
      username: from.username,
    },
  };
  const ticket = await env.tickets.create(input);
  ctx.session.dialogue = { kind: 'idle' };
  await ctx.saveSession();
  await ctx.reply(
    `${ctx.t('tickets.filed', { code: ticket.code })}\n${targetsText(env, ctx.t, ticket)}`,
  );
  const view = env.tickets.view(ticket.code);
  if (!view) return;
  env.logger.info({ code: ticket.code, type: ticket.type }, 'ticket filed');
  // In the officers' forum the ticket opens its own topic with the card; otherwise a card.
  if (await env.desk?.announce(ticket)) return;
  await sendToOfficers(env, (t, lang) => ({
    text: `${t('tickets.notice.new')}\n${officerCard(env, t, lang, view)}`,
    extra: { reply_markup: { inline_keyboard: officerButtons(t, view) } },
  }));
}
