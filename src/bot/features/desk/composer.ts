import { Composer } from 'telegraf';
import type { Message } from 'telegraf/types';
import { parseCode } from '../../../store/tickets/index.ts';
import { DESK_ASSIGN, DESK_ASSIGN_TO, DESK_RELAY, onCallback } from '../../callbackData.ts';
import type { BotContext } from '../../context.ts';
import { callbackButton, rows } from '../../keyboard.ts';
import { attachmentOf, textOf } from '../tickets/evidence.ts';
import { NOTE_LIMIT } from '../tickets/officerActions.ts';
import { assignTicket, officerName, resolveOfficer } from './assign.ts';
import type { DeskEnv } from './env.ts';
import { deliverRelay, queueRelay, undoRelay } from './relay.ts';
import { type RightsReport, rightsText } from './rights.ts';
import { threadOf } from './topicApi.ts';

/** What the desk needs from its owner: the cached rights check, re-run by /setup. */
export interface DeskControl {
  recheck(): Promise<RightsReport>;
  sync(code: string): Promise<void>;
}

const argumentsOf = (ctx: BotContext): string => {
  const text = ctx.message && 'text' in ctx.message ? ctx.message.text : '';
  return text.replace(/^\/\S+\s*/, '').trim();
};

/** The ticket whose topic this update is in, if any. */
export function topicTicket(env: DeskEnv, ctx: BotContext): string | undefined {
  if (ctx.chat?.id !== env.config.OFFICER_CHAT_ID || env.config.OFFICER_CHAT_ID === undefined) {
    return undefined;
  }
  const message = ctx.msg;
  if (!message) return undefined;
  const thread = threadOf(message);
  return thread === undefined ? undefined : env.deskStore.codeOfThread(thread);
}

/** Tells the group an assignment happened, in the ticket's topic when it has one. */
async function announceOwner(env: DeskEnv, ctx: BotContext, code: string, officerId: number) {
  await ctx.reply(ctx.t('desk.assigned', { code, name: officerName(env, officerId) }));
}

async function assignAndSay(
  env: DeskEnv,
  control: DeskControl,
  ctx: BotContext,
  code: string,
  officerId: number,
) {
  const outcome = await assignTicket(env, code, officerId, ctx.profile.id);
  if (outcome === 'closed') return ctx.reply(ctx.t('tickets.notOpen', { code }));
  if (outcome === 'notOfficer') return ctx.reply(ctx.t('desk.assign.notOfficer'));
  if (outcome === 'same') return ctx.reply(ctx.t('desk.assign.same', { code }));
  await control.sync(code);
  await announceOwner(env, ctx, code, officerId);
}

/**
 * The officers' side of the desk: writing in a ticket's topic (relayed after the undo window,
 * `//` kept as a note, nothing relayed from non-officers), Undo / Send now, /setup, /assign.
 * Mounted inside the officer guard except the topic handler, which sees ticket topics only, in
 * the officers' group, where chatGuard admits no one else.
 */
export function deskTopicComposer(env: DeskEnv): Composer<BotContext> {
  const composer = new Composer<BotContext>();
  composer.on('message', async (ctx, next) => {
    const code = topicTicket(env, ctx);
    if (code === undefined) return next();
    // Only officers get here: chatGuard (middleware.ts) stops anyone not in OFFICER_IDS inside
    // the officers' group, the only chat with ticket topics; their message is never relayed.
    const message = ctx.message as Message;
    const text = textOf(message) ?? '';
    if ('text' in message && text.startsWith('/') && !text.startsWith('//')) return next();
    if (ctx.session.dialogue.kind !== 'idle') return next();
    const attachment = attachmentOf(message);
    if (!('text' in message) && !attachment) return;
    const thread = threadOf(message);
    if (text.startsWith('//')) {
      const note = text.replace(/^\/\/\s*/, '');
      if (note.length > NOTE_LIMIT) {
        return ctx.reply(ctx.t('tickets.tooLong', { limit: NOTE_LIMIT, length: note.length }));
      }
      await env.tickets.note(code, ctx.profile.id, note);
      await ctx.reply(ctx.t('desk.note.saved', { code }), {
        reply_parameters: { message_id: message.message_id, allow_sending_without_reply: true },
      });
      return;
    }
    await queueRelay(env, ctx, {
      code,
      kind: attachment ? 'copy' : 'text',
      text,
      fromChatId: message.chat.id,
      messageId: message.message_id,
      ...(thread === undefined ? {} : { threadId: thread }),
    });
  });
  return composer;
}

/** Officer-only commands and buttons of the desk; the officer guard is around this. */
export function deskOfficerComposer(env: DeskEnv, control: DeskControl): Composer<BotContext> {
  const composer = new Composer<BotContext>();

  onCallback(composer, DESK_RELAY, async (ctx, verb, id) => {
    const relay = env.deskStore.relay(id);
    if (relay?.state !== 'pending') {
      await ctx.answerCbQuery(ctx.t('desk.relay.tooLate'), { show_alert: true });
      return;
    }
    await ctx.answerCbQuery();
    if (verb === 'undo') await undoRelay(env, id);
    else await deliverRelay(env, id);
  });

  composer.command('setup', async (ctx) => {
    if (env.config.OFFICER_CHAT_ID === undefined) return ctx.reply(ctx.t('desk.setup.noGroup'));
    const report = await control.recheck();
    await ctx.reply(rightsText(ctx.t, report));
  });

  composer.command('assign', async (ctx) => {
    const words = argumentsOf(ctx).split(/\s+/).filter(Boolean);
    const inTopic = topicTicket(env, ctx);
    const first = words[0] ?? '';
    const code = parseCode(first) ?? inTopic ?? null;
    const who = (parseCode(first) ? words.slice(1) : words).join(' ');
    if (!code || !who) return ctx.reply(ctx.t('desk.usage.assign'));
    const officerId = resolveOfficer(env, who);
    if (officerId === undefined) return ctx.reply(ctx.t('desk.assign.notOfficer'));
    await assignAndSay(env, control, ctx, code, officerId);
  });

  onCallback(composer, DESK_ASSIGN, async (ctx, code) => {
    await ctx.answerCbQuery();
    const buttons = env.config.OFFICER_IDS.map((id) =>
      callbackButton(officerName(env, id), DESK_ASSIGN_TO.build(code, id)),
    );
    await ctx.reply(ctx.t('desk.assign.pick', { code }), {
      reply_markup: { inline_keyboard: rows(buttons, 2) },
    });
  });

  onCallback(composer, DESK_ASSIGN_TO, async (ctx, code, officerId) => {
    await ctx.answerCbQuery();
    await ctx.editMessageReplyMarkup(undefined).catch(() => undefined);
    await assignAndSay(env, control, ctx, code, officerId);
  });

  return composer;
}
