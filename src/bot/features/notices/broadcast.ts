import { Composer } from 'telegraf';
import type { MessageEntity } from 'telegraf/types';
import { recipientsOf } from '../../../delivery/segments.ts';
import type { Media, Segment } from '../../../store/notices.ts';
import { PRIORITY } from '../../../store/outbox.ts';
import { callApiWith } from '../../api.ts';
import {
  BROADCAST_SEGMENT,
  BROADCAST_STEP,
  BROADCAST_STOP,
  onCallback,
} from '../../callbackData.ts';
import type { BotContext } from '../../context.ts';
import { defineStep } from '../../dialogueStep.ts';
import { entitiesToHtml } from '../../entities.ts';
import { callbackButton, clearButtons } from '../../keyboard.ts';
import { broadcastHistory, progressView } from './broadcastProgress.ts';
import { labelsOf, type NoticeDeps, type NoticePart } from './deps.ts';
import { segmentsLabel } from './labels.ts';
import { pressedSegment, segmentToggleRows, toggled } from './segmentPicker.ts';
import { renderOutMessage } from './send.ts';

/** One message each: longer texts would be split, and a split message can half-send. */
const MAX_TEXT = 3500;
const MAX_CAPTION = 900;

/** The outbox job id of a broadcast. */
export const broadcastJobId = (broadcastId: string) => `b${broadcastId}`;

/** Active subscribers of `segments`, as the outbox will address them. */
export function segmentRecipients(deps: NoticeDeps, segments: Segment[]): number[] {
  const indexed = deps.notices.recipients;
  if (indexed) return indexed(segments);
  return recipientsOf(segments, deps.users.all(), (user) =>
    deps.notices.subscriptions.channelsOf(user.id, user.role),
  );
}

/**
 * /broadcast (officers): compose a text (optionally one photo or document), toggle segments,
 * preview with the recipient count, confirm. Delivery goes through the outbox; /broadcasts lists
 * the history. Every command and button checks `isOfficer` again.
 */
export function broadcastFeature(deps: NoticeDeps): NoticePart {
  const composer = new Composer<BotContext>();

  composer.command('broadcast', async (ctx) => {
    ctx.session.dialogue = { kind: 'broadcastCompose' };
    await ctx.saveSession();
    await ctx.reply(ctx.t('broadcast.askText'));
  });

  composer.command('broadcasts', async (ctx) => {
    await ctx.reply(broadcastHistory(ctx, deps));
  });

  /** The notice itself: text, or a photo or document with its caption (run by the dispatcher). */
  const readNotice = async (ctx: BotContext) => {
    if (!ctx.message) return;
    const message = ctx.message;
    let text = '';
    let entities: MessageEntity[] | undefined;
    let media: Media | undefined;
    if ('text' in message) {
      text = message.text;
      entities = message.entities;
    } else if ('photo' in message) {
      const largest = message.photo.at(-1);
      if (largest) media = { type: 'photo', fileId: largest.file_id };
      text = message.caption ?? '';
      entities = message.caption_entities;
    } else if ('document' in message) {
      media = { type: 'document', fileId: message.document.file_id };
      text = message.caption ?? '';
      entities = message.caption_entities;
    }
    if (text.trim() === '' && !media) {
      await ctx.reply(ctx.t('broadcast.needText'));
      return;
    }
    const max = media ? MAX_CAPTION : MAX_TEXT;
    if (text.length > max) {
      await ctx.reply(ctx.t('broadcast.tooLong', { max }));
      return;
    }
    const html = entitiesToHtml(text, entities);
    ctx.session.dialogue = { kind: 'broadcastSegments', text, html, media, segments: [] };
    await ctx.saveSession();
    await askSegments(ctx, []);
  };

  const askSegments = (ctx: BotContext, chosen: Segment[]) =>
    ctx.reply(ctx.t('broadcast.askSegments'), {
      reply_markup: {
        inline_keyboard: [
          ...segmentToggleRows(ctx, deps, chosen, BROADCAST_SEGMENT),
          [callbackButton(ctx.t('broadcast.previewButton'), BROADCAST_STEP.build('pv'))],
        ],
      },
    });

  onCallback(composer, BROADCAST_SEGMENT, async (ctx, pressed) => {
    const dialogue = ctx.session.dialogue;
    const segment = pressedSegment(deps, pressed);
    if (dialogue.kind !== 'broadcastSegments' || !segment) {
      await ctx.answerCbQuery(ctx.t('error.staleButton'));
      return;
    }
    dialogue.segments = toggled(dialogue.segments, segment);
    await ctx.saveSession();
    await ctx.answerCbQuery();
    await ctx
      .editMessageText(ctx.t('broadcast.askSegments'), {
        reply_markup: {
          inline_keyboard: [
            ...segmentToggleRows(ctx, deps, dialogue.segments, BROADCAST_SEGMENT),
            [callbackButton(ctx.t('broadcast.previewButton'), BROADCAST_STEP.build('pv'))],
          ],
        },
      })
      .catch(() => undefined);
  });

  onCallback(composer, BROADCAST_STEP, async (ctx, step) => {
    const dialogue = ctx.session.dialogue;
    if (dialogue.kind !== 'broadcastSegments') {
      await ctx.answerCbQuery(ctx.t('error.staleButton'));
      return;
    }
    if (step === 'pv' && dialogue.segments.length === 0) {
      await ctx.answerCbQuery(ctx.t('schedule.needSegment'));
      return;
    }
    await ctx.answerCbQuery();
    await clearButtons(ctx);
    if (step === 'back') {
      await askSegments(ctx, dialogue.segments);
      return;
    }
    if (step === 'no') {
      ctx.session.dialogue = { kind: 'idle' };
      await ctx.saveSession();
      await ctx.reply(ctx.t('broadcast.cancelled'));
      return;
    }
    const to = segmentRecipients(deps, dialogue.segments);
    const segments = segmentsLabel(dialogue.segments, labelsOf(ctx, deps.parks));
    if (step === 'pv') {
      const sample = renderOutMessage(
        {
          kind: 'broadcast',
          broadcastId: 'preview',
          text: dialogue.text,
          html: dialogue.html,
          media: dialogue.media,
        },
        ctx.lang,
        deps.config.TZ,
      );
      if (dialogue.media) {
        const target = { chat_id: ctx.chat?.id, ...sample.payload };
        await callApiWith(ctx.telegram, sample.method, target, {});
      }
      const buttons = [
        callbackButton(ctx.t('broadcast.back'), BROADCAST_STEP.build('back')),
        callbackButton(ctx.t('broadcast.cancel'), BROADCAST_STEP.build('no')),
      ];
      if (to.length > 0)
        buttons.unshift(callbackButton(ctx.t('broadcast.send'), BROADCAST_STEP.build('go')));
      const summary = ctx.t('broadcast.preview', { count: to.length, segments });
      const extra = to.length === 0 ? `\n${ctx.t('broadcast.noRecipients')}` : '';
      const body = dialogue.media ? '' : `\n\n${String(sample.payload.text)}`;
      await ctx.reply(`${summary}${extra}${body}`, {
        reply_markup: { inline_keyboard: [buttons] },
      });
      return;
    }
    ctx.session.dialogue = { kind: 'idle' };
    await ctx.saveSession();
    const broadcast = await deps.notices.broadcasts.add({
      officerId: ctx.profile.id,
      text: dialogue.text,
      media: dialogue.media,
      segments: dialogue.segments,
      recipients: to.length,
    });
    const { text, markup } = progressView(ctx.t, ctx.lang, deps, broadcast.id);
    const progress = await ctx.reply(text, { reply_markup: markup });
    await deps.notices.broadcasts.setProgress(broadcast.id, {
      chatId: progress.chat.id,
      messageId: progress.message_id,
    });
    await deps.notices.outbox.enqueue({
      id: broadcastJobId(broadcast.id),
      priority: PRIORITY.broadcast,
      message: {
        kind: 'broadcast',
        broadcastId: broadcast.id,
        text: dialogue.text,
        html: dialogue.html,
        media: dialogue.media,
      },
      to,
    });
    deps.worker.notify();
  });

  onCallback(composer, BROADCAST_STOP, async (ctx, id) => {
    await deps.notices.outbox.cancel(broadcastJobId(id));
    await ctx.answerCbQuery(ctx.t('broadcast.stopping'));
  });

  const compose = defineStep({
    kind: 'broadcastCompose',
    audience: 'officer',
    accepts: () => ['text', 'media'],
    callbacks: [BROADCAST_SEGMENT, BROADCAST_STEP],
    leave: 'end',
    left: (ctx) => ctx.t('broadcast.left'),
    pending: (ctx) => ctx.t('broadcast.composePending'),
    onMessage: readNotice,
  });

  return {
    name: 'broadcast',
    composer,
    steps: [compose],
    commands: [
      { command: 'broadcast', description: 'cmd.broadcast', audience: 'officer' },
      { command: 'broadcasts', description: 'cmd.broadcasts', audience: 'officer' },
    ],
    menu: [],
  };
}
