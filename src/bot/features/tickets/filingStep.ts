import type { Message } from 'telegraf/types';
import { FILING } from '../../callbackData.ts';
import type { BotContext } from '../../context.ts';
import { defineStep, type Incoming } from '../../dialogueStep.ts';
import { callbackButton } from '../../keyboard.ts';
import type { TicketFilingDialogue } from './dialogues.ts';
import type { TicketEnv } from './env.ts';
import {
  attachmentOf,
  continuesAlbum,
  evidenceCount,
  PASTE_JOIN_SECONDS,
  PASTE_PART_MIN,
  textOf,
} from './evidence.ts';
import {
  advance,
  COMPANY_LIMIT,
  DESCRIPTION_LIMIT,
  MAX_ATTACHMENTS,
  PARK_NAME_LIMIT,
  PART_LIMIT,
  prompt,
} from './filing.ts';
import { typeLabel } from './labels.ts';

const doneKeyboard = (ctx: BotContext) => ({
  reply_markup: {
    inline_keyboard: [[callbackButton(ctx.t('tickets.btn.done'), FILING.build('done'))]],
  },
});

/** Whether a text is the next part of the description Telegram split off a long paste. */
function continuesPaste(dialogue: TicketFilingDialogue, message: Message | undefined): boolean {
  const last = dialogue.lastPart;
  if (!last || !message || !('text' in message) || message.text.startsWith('/')) return false;
  return last.length >= PASTE_PART_MIN && message.date - last.at <= PASTE_JOIN_SECONDS;
}

function reads(dialogue: TicketFilingDialogue, ctx: BotContext): Incoming[] {
  switch (dialogue.step) {
    case 'park':
      return dialogue.parkOther ? ['text'] : [];
    case 'company':
      return ['text'];
    case 'description':
      return ['text', 'media'];
    case 'attachments':
      return continuesPaste(dialogue, ctx.message) ? ['text', 'media'] : ['media'];
    default:
      return [];
  }
}

async function readMessage(env: TicketEnv, ctx: BotContext, dialogue: TicketFilingDialogue) {
  const message = ctx.message as Message;
  const { draft } = dialogue;
  const text = textOf(message);
  const attachment = attachmentOf(message);
  const tooLong = (limit: number, length: number) =>
    ctx.reply(ctx.t('tickets.tooLong', { limit, length }));

  if (attachment && draft.attachments.some((kept) => kept.messageId === attachment.messageId)) {
    // Delivered again after a crash: kept already. An album's other files stay quiet.
    return attachment.albumId ? undefined : prompt(env, ctx, dialogue);
  }
  if (dialogue.step === 'park') {
    if (!text) return ctx.reply(ctx.t('park.otherAsk'));
    if (text.length > PARK_NAME_LIMIT) {
      return ctx.reply(ctx.t('park.otherTooLong', { limit: PARK_NAME_LIMIT }));
    }
    draft.parkName = text;
    dialogue.parkOther = false;
    await ctx.reply(ctx.t('filing.parkNamed', { park: text }));
    return advance(env, ctx, dialogue);
  }
  if (dialogue.step === 'company') {
    if (!text) return ctx.reply(ctx.t('tickets.textOnly'));
    if (text.length > COMPANY_LIMIT) return tooLong(COMPANY_LIMIT, text.length);
    draft.company = text;
    return advance(env, ctx, dialogue);
  }
  if (dialogue.step === 'description') {
    if (attachment) draft.attachments.push(attachment);
    if (!text) {
      await ctx.saveSession();
      return ctx.reply(ctx.t('filing.fileWithoutText'));
    }
    if (text.length > PART_LIMIT) return tooLong(PART_LIMIT, text.length);
    draft.description = text;
    dialogue.lastPart = { at: message.date, length: text.length };
    dialogue.descriptionMessageId = message.message_id;
    return advance(env, ctx, dialogue);
  }
  // attachments: a file (its caption joins the description), or the next part of a long paste.
  if (!attachment) {
    const joined = `${draft.description ?? ''}${text ?? ''}`;
    if (joined.length > DESCRIPTION_LIMIT) return tooLong(DESCRIPTION_LIMIT, joined.length);
    draft.description = joined;
    dialogue.lastPart = { at: message.date, length: text?.length ?? 0 };
    await ctx.saveSession();
    return ctx.reply(ctx.t('filing.partJoined', { length: joined.length }), doneKeyboard(ctx));
  }
  const albumPart = continuesAlbum([...draft.attachments, attachment], attachment);
  if (!albumPart && evidenceCount(draft.attachments) >= MAX_ATTACHMENTS) {
    return advance(env, ctx, dialogue);
  }
  draft.attachments.push(attachment);
  if (text) draft.description = `${draft.description ?? ''}\n\n${text}`.trim();
  // The other photos of an album arrive one by one, each a message: one answer for the album.
  if (albumPart) return ctx.saveSession();
  const count = evidenceCount(draft.attachments);
  if (count >= MAX_ATTACHMENTS && !attachment.albumId) return advance(env, ctx, dialogue);
  await ctx.saveSession();
  return ctx.reply(
    ctx.t('tickets.attachmentReceived', { count, max: MAX_ATTACHMENTS }),
    doneKeyboard(ctx),
  );
}

/**
 * Filing a complaint or request. A command puts the draft aside (offered again by /complaint),
 * a question at a button step is answered, and the draft stays where it was.
 */
export const filingStep = (env: TicketEnv) =>
  defineStep({
    kind: 'ticket_filing',
    accepts: reads,
    callbacks: [FILING],
    leave: 'suspend',
    // A complaint and a request draft are kept side by side.
    slot: (dialogue) => dialogue.draft.type,
    left: (ctx, dialogue) =>
      ctx.t('filing.suspended', {
        type: typeLabel(ctx.t, dialogue.draft.type).toLowerCase(),
        command: dialogue.draft.type,
      }),
    pending: (ctx, dialogue) =>
      ctx.t('filing.pending', { type: typeLabel(ctx.t, dialogue.draft.type) }),
    cancelled: (ctx, dialogue) =>
      ctx.t('filing.cancelled', { type: typeLabel(ctx.t, dialogue.draft.type).toLowerCase() }),
    onMessage: (ctx, dialogue) => readMessage(env, ctx, dialogue),
  });
