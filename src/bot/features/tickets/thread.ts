import { Composer } from 'telegraf';
import type { Message } from 'telegraf/types';
import type { Attachment, Ticket } from '../../../store/tickets/index.ts';
import { FILER_ACTION, narrow, onCallback, RATING } from '../../callbackData.ts';
import type { BotContext } from '../../context.ts';
import { defineStep, readsAsQuestion } from '../../dialogueStep.ts';
import { callbackButton, rows } from '../../keyboard.ts';
import type { TicketEnv } from './env.ts';
import { attachmentOf, textOf } from './evidence.ts';
import { DESCRIPTION_LIMIT } from './filing.ts';
import { toOfficers } from './noticeTargets.ts';
import { sendToOfficers } from './notify.ts';
import { changeKey, guarded } from './officerActions.ts';
import { remember } from './threadMemory.ts';

const CODE_IN_TEXT = /#((?:KN|HT)-\d{4,})/;

export const isOpen = (ticket: Ticket) =>
  ticket.status === 'new' || ticket.status === 'in_progress';

/** An officer asked a question and the filer has not answered it yet. */
export function awaitsFiler(ticket: Ticket): boolean {
  if (!isOpen(ticket)) return false;
  const lastAsk = ticket.history.findLastIndex((entry) => entry.action === 'ask');
  if (lastAsk < 0) return false;
  return !ticket.history.slice(lastAsk + 1).some((entry) => entry.by === 'filer');
}

/**
 * Adds the filer's words and files to their open ticket and tells the officers; the ticket is
 * saved before the filer is told.
 */
export async function addToTicket(
  env: TicketEnv,
  ctx: BotContext,
  code: string,
  item: { text: string | null; attachments: Attachment[]; messageIds: number[] },
): Promise<void> {
  const note = item.text;
  if (note && note.length > DESCRIPTION_LIMIT) {
    await ctx.reply(ctx.t('tickets.tooLong', { limit: DESCRIPTION_LIMIT, length: note.length }));
    return;
  }
  await guarded(ctx, code, async () => {
    const ticket = env.tickets.get(code);
    if (!ticket || ticket.filer.userId !== ctx.profile.id || !isOpen(ticket)) {
      await ctx.reply(ctx.t('tickets.notOpen', { code }));
      return;
    }
    // A ticket with a topic in the officers' forum gets the filer's messages copied into it below;
    // otherwise officers are told through the ticket outbox, written with the addition.
    const inTopic = env.desk?.threadOf(code) !== undefined;
    const info = { event: 'info' as const, note: note ?? '', files: item.attachments.length };
    await env.tickets.addInfo(code, note, item.attachments, {
      key: changeKey(ctx),
      ...(inTopic ? {} : { notify: [toOfficers(env, info)] }),
    });
    env.wakeOutbox();
    remember(ctx, item.messageIds, code);
    await ctx.saveSession();
    await ctx.reply(ctx.t('thread.added', { code }));
    // With a topic, the filer's own messages are copied into it (no link to the filer).
    if (inTopic) await env.desk?.copyFromFiler(ticket, item);
  });
}

const itemOf = (message: Message) => {
  const attachment = attachmentOf(message);
  return {
    text: textOf(message),
    attachments: attachment ? [attachment] : [],
    messageIds: [message.message_id],
  };
};

/** The ticket a swipe-reply points at: a bot message that names one of the user's open tickets. */
function repliedTicket(env: TicketEnv, ctx: BotContext, message: Message): Ticket | undefined {
  const original = 'reply_to_message' in message ? message.reply_to_message : undefined;
  if (!original || original.from?.id !== ctx.botInfo.id) return undefined;
  const quoted = 'text' in original ? original.text : 'caption' in original ? original.caption : '';
  const code = CODE_IN_TEXT.exec(quoted ?? '')?.[1];
  const ticket = code ? env.tickets.get(code) : undefined;
  return ticket && ticket.filer.userId === ctx.profile.id ? ticket : undefined;
}

/**
 * The user's open ticket that already holds files of this attachment's album: whether this very
 * file is there already (a redelivery) and whether it is the album's first (the one the filer
 * was told about). Undefined for a file of no album, or of an album no ticket holds yet.
 */
function albumOf(env: TicketEnv, ctx: BotContext, attachment: Attachment | undefined) {
  const albumId = attachment?.albumId;
  if (!attachment || albumId === undefined) return undefined;
  for (const ticket of env.tickets.byFiler(ctx.profile.id)) {
    if (!isOpen(ticket)) continue;
    const parts = ticket.attachments.filter((other) => other.albumId === albumId);
    if (parts.length === 0) continue;
    const ids = parts.flatMap((part) => (part.messageId === undefined ? [] : [part.messageId]));
    return {
      code: ticket.code,
      already: ids.includes(attachment.messageId ?? -1),
      first: Math.min(...ids) === attachment.messageId,
    };
  }
  return undefined;
}

/**
 * The conversation follows the ticket: while an officer waits for the filer's answer, the filer's
 * plain text, files or swipe-reply go into that ticket (asking which one when several wait); an
 * edit of such a message is added as a new version.
 */
export function threadComposer(env: TicketEnv) {
  const composer = new Composer<BotContext>();

  composer.on('message', async (ctx, next) => {
    const message = ctx.message;
    const text = 'text' in message ? message.text : '';
    if (ctx.session.dialogue.kind !== 'idle' || text.startsWith('/')) return next();
    if (!readsAsQuestion(ctx) || ctx.isOfficer) return next();
    const item = itemOf(message);
    if (item.text === null && item.attachments.length === 0) return next();
    const album = albumOf(env, ctx, item.attachments[0]);
    if (album) {
      // The album's first file was added (and the filer told): the rest follow it quietly. The
      // ticket itself records the album, so a restart between two files loses nothing, and a
      // file delivered again is found there and not added twice.
      if (!album.first) {
        if (!album.already) {
          await env.tickets.addInfo(album.code, item.text, item.attachments, {
            key: changeKey(ctx),
          });
        }
        remember(ctx, item.messageIds, album.code);
        await ctx.saveSession();
        return;
      }
      // The first file again (a crash came before the filer was told): tell them now.
      return addToTicket(env, ctx, album.code, item);
    }
    const into = (code: string) => addToTicket(env, ctx, code, item);
    const replied = repliedTicket(env, ctx, message);
    if (replied) return into(replied.code);
    const waiting = env.tickets.byFiler(ctx.profile.id).filter(awaitsFiler);
    if (waiting.length === 0) return next();
    const [only] = waiting;
    if (waiting.length === 1 && only) return into(only.code);
    ctx.session.dialogue = { kind: 'ticket_pick', codes: waiting.map((t) => t.code), ...item };
    await ctx.saveSession();
    const buttons = waiting.map((t) =>
      callbackButton(`#${t.code}`, FILER_ACTION.build('to', t.code)),
    );
    await ctx.reply(ctx.t('thread.which'), { reply_markup: { inline_keyboard: rows(buttons, 2) } });
  });

  onCallback(composer, narrow(FILER_ACTION, 'to'), async (ctx, _verb, code) => {
    await ctx.answerCbQuery();
    const dialogue = ctx.session.dialogue;
    if (dialogue.kind !== 'ticket_pick' || !dialogue.codes.includes(code)) {
      await ctx.reply(ctx.t('error.staleButton'));
      return;
    }
    await ctx.editMessageReplyMarkup(undefined).catch(() => undefined);
    ctx.session.dialogue = { kind: 'idle' };
    await ctx.saveSession();
    await addToTicket(env, ctx, code, dialogue);
  });

  composer.on('edited_message', async (ctx, next) => {
    const edited = ctx.editedMessage;
    const dialogue = ctx.session.dialogue;
    if (dialogue.kind === 'ticket_filing' && dialogue.descriptionMessageId === edited.message_id) {
      const text = textOf(edited);
      if (!text || text.length > DESCRIPTION_LIMIT) return next();
      dialogue.draft.description = text;
      await ctx.saveSession();
      await ctx.reply(ctx.t('thread.draftEdited'));
      return;
    }
    const code = ctx.session.threadMessages?.[String(edited.message_id)];
    const text = textOf(edited);
    if (!code || !text) return next();
    const ticket = env.tickets.get(code);
    if (!ticket || ticket.filer.userId !== ctx.profile.id || !isOpen(ticket)) return next();
    const note = ctx.t('thread.editedNote', { text });
    const inTopic = env.desk?.threadOf(code) !== undefined;
    await env.tickets.addInfo(code, note, [], {
      key: changeKey(ctx),
      ...(inTopic ? {} : { notify: [toOfficers(env, { event: 'edited', note: text })] }),
    });
    env.wakeOutbox();
    await ctx.reply(ctx.t('thread.edited', { code }));
    if (inTopic) {
      // The ticket's topic in the officers' forum shows the new version.
      await sendToOfficers(
        env,
        (t) => ({ text: t('thread.noticeEdited', { code, text }) }),
        env.telegram,
        { code },
      );
    }
  });

  return composer;
}

/** Adding information after ➕, and choosing the ticket for a message. */
export const threadSteps = (env: TicketEnv) => [
  defineStep({
    kind: 'ticket_info',
    accepts: () => ['text', 'media'],
    callbacks: [FILER_ACTION, RATING],
    leave: 'end',
    left: (ctx, dialogue) => ctx.t('thread.infoLeft', { code: dialogue.code }),
    pending: (ctx, dialogue) => ctx.t('thread.infoPending', { code: dialogue.code }),
    async onMessage(ctx, dialogue) {
      ctx.session.dialogue = { kind: 'idle' };
      await addToTicket(env, ctx, dialogue.code, itemOf(ctx.message as Message));
    },
  }),
  defineStep({
    kind: 'ticket_pick',
    accepts: () => ['media'],
    callbacks: [narrow(FILER_ACTION, 'to')],
    leave: 'end',
    left: (ctx) => ctx.t('thread.pickLeft'),
    pending: (ctx) => ctx.t('thread.pickPending'),
    async onMessage(ctx, dialogue) {
      // The other photos of an album arrive one by one: they join the message waiting for a ticket.
      const item = itemOf(ctx.message as Message);
      // A file delivered again (after a crash) is already here.
      if (item.messageIds.every((id) => dialogue.messageIds.includes(id))) return;
      dialogue.attachments.push(...item.attachments);
      dialogue.messageIds.push(...item.messageIds);
      await ctx.saveSession();
    },
  }),
];
