import { randomBytes } from 'node:crypto';
import { Composer } from 'telegraf';
import { message } from 'telegraf/filters';
import { parseCode } from '../../../store/tickets/index.ts';
import { OFFICER_PREVIEW, type OfficerVerb, onCallback } from '../../callbackData.ts';
import type { BotContext } from '../../context.ts';
import { defineStep } from '../../dialogueStep.ts';
import { callbackButton } from '../../keyboard.ts';
import type { OfficerAction } from './dialogues.ts';
import type { TicketEnv } from './env.ts';
import { NOTE_LIMIT, performOfficerAction, REPLY_LIMIT } from './officerActions.ts';

/** A pending officer text lapses after this long, so a forgotten step cannot catch later words. */
export const OFFICER_STEP_MS = 30 * 60_000;

/** `#KN-0001` in a bot message the officer swipe-replied to (the ticket notice or card). */
const CODE_IN_TEXT = /#((?:KN|HT)-\d{4,})/;

const expiry = (env: TicketEnv) => new Date(env.now().getTime() + OFFICER_STEP_MS).toISOString();

/** Asks for the officer's text for `code`; it will be previewed, never sent straight away. */
export async function beginOfficerInput(
  env: TicketEnv,
  ctx: BotContext,
  action: OfficerAction,
  code: string,
): Promise<void> {
  ctx.session.dialogue = { kind: 'ticket_officer', action, code, expiresAt: expiry(env) };
  await ctx.saveSession();
  await ctx.reply(ctx.t(`tickets.officer.prompt.${action}`, { code }));
}

/** Shows the officer's text back with Send / Edit / Cancel, bound to this ticket and preview. */
export async function showPreview(
  env: TicketEnv,
  ctx: BotContext,
  action: OfficerAction,
  code: string,
  text: string,
): Promise<void> {
  const limit = action === 'reply' || action === 'ask' ? REPLY_LIMIT : NOTE_LIMIT;
  if (text.length > limit) {
    await ctx.reply(ctx.t('tickets.tooLong', { limit, length: text.length }));
    return;
  }
  if (!env.tickets.get(code)) {
    await ctx.reply(ctx.t('tickets.notFound', { code }));
    return;
  }
  const pid = randomBytes(4).toString('hex');
  ctx.session.dialogue = {
    kind: 'ticket_officer_preview',
    action,
    code,
    text,
    pid,
    expiresAt: expiry(env),
  };
  await ctx.saveSession();
  const data = (verb: OfficerVerb) => OFFICER_PREVIEW.build(verb, code, pid);
  await ctx.reply(ctx.t(`reply.preview.${action}`, { code, text }), {
    reply_markup: {
      inline_keyboard: [
        [
          callbackButton(ctx.t('reply.btn.send'), data('send')),
          callbackButton(ctx.t('reply.btn.edit'), data('edit')),
        ],
        [callbackButton(ctx.t('reply.btn.cancel'), data('no'))],
      ],
    },
  });
}

const argumentsOf = (ctx: BotContext): string => {
  const text = ctx.message && 'text' in ctx.message ? ctx.message.text : '';
  return text.replace(/^\/\S+\s*/, '').trim();
};

/**
 * The officers' side of a reply: the 💬/❓/✅/⛔ buttons, /reply and /ask, and a swipe-reply to a
 * ticket message all lead to the same preview; only Send on that preview reaches the filer.
 * Mounted behind the one officer guard (tickets/index.ts), so every update here is an officer's.
 */
export function officerReplyComposer(env: TicketEnv) {
  const composer = new Composer<BotContext>();

  for (const action of ['reply', 'ask'] as const) {
    composer.command(action, async (ctx) => {
      const [rawCode = '', ...words] = argumentsOf(ctx).split(/\s+/);
      const code = parseCode(rawCode);
      const text = words.join(' ').trim();
      if (!code || !text) return ctx.reply(ctx.t(`tickets.usage.${action}`));
      await showPreview(env, ctx, action, code, text);
    });
  }

  onCallback(composer, OFFICER_PREVIEW, async (ctx, verb, code, pid) => {
    await ctx.answerCbQuery();
    await ctx.editMessageReplyMarkup(undefined).catch(() => undefined);
    const dialogue = ctx.session.dialogue;
    if (
      dialogue.kind !== 'ticket_officer_preview' ||
      dialogue.code !== code ||
      dialogue.pid !== pid
    ) {
      await ctx.reply(ctx.t('reply.stale'));
      return;
    }
    if (verb === 'edit') return beginOfficerInput(env, ctx, dialogue.action, dialogue.code);
    if (verb !== 'no') {
      // Written (with the filer's notice) before the preview is forgotten: a crash in between
      // runs this press again, and the update's key makes the reply once (issue #11).
      await performOfficerAction(env, ctx, dialogue.action, dialogue.code, dialogue.text);
    }
    ctx.session.dialogue = { kind: 'idle' };
    await ctx.saveSession();
    if (verb === 'no') await ctx.reply(ctx.t('reply.left', { code: dialogue.code }));
  });

  composer.on(message('text'), async (ctx, next) => {
    const original = ctx.message.reply_to_message;
    const text = ctx.message.text.trim();
    if (ctx.session.dialogue.kind !== 'idle' || text.startsWith('/')) return next();
    if (!original || original.from?.id !== ctx.botInfo.id) return next();
    const quoted =
      'text' in original ? original.text : 'caption' in original ? original.caption : '';
    const code = CODE_IN_TEXT.exec(quoted ?? '')?.[1];
    if (!code || !env.tickets.get(code)) return next();
    // A swipe-reply answers the filer after the desk's undo window (no preview step).
    if (env.desk) return env.desk.queueReply(ctx, code, text);
    await showPreview(env, ctx, 'reply', code, text);
  });

  return composer;
}

/** The two officer steps: typing the text, then the preview. Both lapse after OFFICER_STEP_MS. */
export const officerReplySteps = (env: TicketEnv) => [
  defineStep({
    kind: 'ticket_officer',
    audience: 'officer',
    accepts: () => ['text'],
    callbacks: [OFFICER_PREVIEW],
    leave: 'end',
    left: (ctx, dialogue) => ctx.t('reply.left', { code: dialogue.code }),
    pending: (ctx, dialogue) => ctx.t('reply.inputPending', { code: dialogue.code }),
    expiresAt: (dialogue) => dialogue.expiresAt,
    expired: (ctx, dialogue) => ctx.t('reply.expired', { code: dialogue.code }),
    async onMessage(ctx, dialogue) {
      const text = ctx.message && 'text' in ctx.message ? ctx.message.text.trim() : '';
      await showPreview(env, ctx, dialogue.action, dialogue.code, text);
    },
  }),
  defineStep({
    kind: 'ticket_officer_preview',
    audience: 'officer',
    accepts: () => [],
    callbacks: [OFFICER_PREVIEW],
    leave: 'end',
    left: (ctx, dialogue) => ctx.t('reply.left', { code: dialogue.code }),
    pending: (ctx, dialogue) => ctx.t('reply.pending', { code: dialogue.code }),
    expiresAt: (dialogue) => dialogue.expiresAt,
    expired: (ctx, dialogue) => ctx.t('reply.expired', { code: dialogue.code }),
  }),
];
