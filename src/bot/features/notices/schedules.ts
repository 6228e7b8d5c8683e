import { Composer } from 'telegraf';
import { nextNotice } from '../../../delivery/deadlineNotices.ts';
import { formatWhen, parseDeadlineRule, parseLeadDays } from '../../../scheduling/index.ts';
import type { Segment } from '../../../store/notices.ts';
import {
  narrow,
  onCallback,
  SCHEDULE_ITEM,
  SCHEDULE_SEGMENT,
  SCHEDULE_STEP,
} from '../../callbackData.ts';
import type { BotContext } from '../../context.ts';
import { defineStep } from '../../dialogueStep.ts';
import { callbackButton, clearButtons, rows } from '../../keyboard.ts';
import { labelsOf, messageText, type NoticeDeps, type NoticePart } from './deps.ts';
import { ruleLabel, segmentsLabel } from './labels.ts';
import { pressedSegment, segmentToggleRows, toggled } from './segmentPicker.ts';

const MAX_TEXT = 1000;

/**
 * /schedule (officers): a guided dialogue, segment → deadline rule → lead days → text →
 * confirm, creating a recurring deadline notice sent through the outbox at each lead time.
 * /schedules lists them with pause/resume and delete buttons.
 */
export function schedulesFeature(deps: NoticeDeps): NoticePart {
  const composer = new Composer<BotContext>();
  const { schedules } = deps.notices;
  const tz = deps.config.TZ;

  const segmentButtons = (ctx: BotContext, chosen: Segment[]) => ({
    inline_keyboard: [
      ...segmentToggleRows(ctx, deps, chosen, SCHEDULE_SEGMENT),
      [callbackButton(ctx.t('schedule.next'), SCHEDULE_STEP.build('next'))],
    ],
  });

  composer.command('schedule', async (ctx) => {
    ctx.session.dialogue = { kind: 'scheduleSegments', segments: [] };
    await ctx.saveSession();
    await ctx.reply(ctx.t('schedule.askSegments'), { reply_markup: segmentButtons(ctx, []) });
  });

  onCallback(composer, SCHEDULE_SEGMENT, async (ctx, pressed) => {
    const dialogue = ctx.session.dialogue;
    const segment = pressedSegment(deps, pressed);
    if (dialogue.kind !== 'scheduleSegments' || !segment) {
      await ctx.answerCbQuery(ctx.t('error.staleButton'));
      return;
    }
    dialogue.segments = toggled(dialogue.segments, segment);
    await ctx.saveSession();
    await ctx.answerCbQuery();
    await ctx
      .editMessageText(ctx.t('schedule.askSegments'), {
        reply_markup: segmentButtons(ctx, dialogue.segments),
      })
      .catch(() => undefined);
  });

  onCallback(composer, narrow(SCHEDULE_STEP, 'next'), async (ctx) => {
    const dialogue = ctx.session.dialogue;
    if (dialogue.kind !== 'scheduleSegments') {
      await ctx.answerCbQuery(ctx.t('error.staleButton'));
      return;
    }
    if (dialogue.segments.length === 0) {
      await ctx.answerCbQuery(ctx.t('schedule.needSegment'));
      return;
    }
    ctx.session.dialogue = { kind: 'scheduleRule', segments: dialogue.segments };
    await ctx.saveSession();
    await ctx.answerCbQuery();
    await clearButtons(ctx);
    await ctx.reply(ctx.t('schedule.askRule'));
  });

  /** The typed answer of the rule, lead-days and text steps (run by the dialogue dispatcher). */
  const readText = async (ctx: BotContext) => {
    const dialogue = ctx.session.dialogue;
    const text = messageText(ctx).trim();
    if (text === '') return;
    if (dialogue.kind === 'scheduleRule') {
      const rule = parseDeadlineRule(text);
      if (!rule) {
        await ctx.reply(`${ctx.t('schedule.badRule')}\n${ctx.t('schedule.askRule')}`);
        return;
      }
      ctx.session.dialogue = { kind: 'scheduleLead', segments: dialogue.segments, rule };
      await ctx.saveSession();
      await ctx.reply(ctx.t('schedule.askLead'));
      return;
    }
    if (dialogue.kind === 'scheduleLead') {
      const leadDays = parseLeadDays(text);
      if (!leadDays) {
        await ctx.reply(ctx.t('schedule.badLead'));
        return;
      }
      ctx.session.dialogue = { ...dialogue, kind: 'scheduleText', leadDays };
      await ctx.saveSession();
      await ctx.reply(ctx.t('schedule.askText'));
      return;
    }
    if (dialogue.kind === 'scheduleText') {
      const notice = text.slice(0, MAX_TEXT);
      ctx.session.dialogue = { ...dialogue, kind: 'scheduleConfirm', text: notice };
      await ctx.saveSession();
      const first = nextNotice(dialogue.rule, dialogue.leadDays, deps.now(), tz);
      await ctx.reply(
        ctx.t('schedule.summary', {
          segments: segmentsLabel(dialogue.segments, labelsOf(ctx, deps.parks)),
          rule: ruleLabel(dialogue.rule, ctx.t),
          lead: dialogue.leadDays.join(', '),
          text: notice,
          first: first ? formatWhen(first.noticeAt, ctx.lang, tz) : ctx.t('schedule.noFuture'),
        }),
        {
          reply_markup: {
            inline_keyboard: [
              [
                callbackButton(ctx.t('schedule.save'), SCHEDULE_STEP.build('save')),
                callbackButton(ctx.t('schedule.cancel'), SCHEDULE_STEP.build('no')),
              ],
            ],
          },
        },
      );
      return;
    }
  };

  onCallback(composer, narrow(SCHEDULE_STEP, 'save', 'no'), async (ctx, verb) => {
    const dialogue = ctx.session.dialogue;
    await ctx.answerCbQuery();
    await clearButtons(ctx);
    if (dialogue.kind !== 'scheduleConfirm') {
      await ctx.reply(ctx.t('error.staleButton'));
      return;
    }
    ctx.session.dialogue = { kind: 'idle' };
    await ctx.saveSession();
    if (verb === 'no') {
      await ctx.reply(ctx.t('schedule.cancelled'));
      return;
    }
    const { segments, rule, leadDays, text } = dialogue;
    const next = nextNotice(rule, leadDays, deps.now(), tz);
    const schedule = await schedules.add(
      { createdBy: ctx.profile.id, segments, rule, leadDays, text },
      next,
    );
    deps.scheduler.trackSchedule(schedule);
    await ctx.reply(ctx.t('schedule.saved'));
  });

  const list = (ctx: BotContext) => {
    const all = schedules.all();
    if (all.length === 0) return { text: ctx.t('schedule.list.empty'), markup: undefined };
    const labels = labelsOf(ctx, deps.parks);
    const lines = all.map((s, i) =>
      ctx.t('schedule.list.item', {
        n: i + 1,
        text: s.text,
        rule: ruleLabel(s.rule, ctx.t),
        lead: s.leadDays.join(', '),
        segments: segmentsLabel(s.segments, labels),
        next: s.paused
          ? ctx.t('schedule.pausedLabel')
          : s.nextNoticeAt
            ? formatWhen(new Date(s.nextNoticeAt), ctx.lang, tz)
            : ctx.t('schedule.noFuture'),
      }),
    );
    const buttons = all.flatMap((s, i) => [
      callbackButton(
        ctx.t(s.paused ? 'schedule.resume' : 'schedule.pause', { n: i + 1 }),
        SCHEDULE_ITEM.build('p', s.id),
      ),
      callbackButton(ctx.t('schedule.delete', { n: i + 1 }), SCHEDULE_ITEM.build('d', s.id)),
    ]);
    return {
      text: [ctx.t('schedule.list.title'), ...lines].join('\n\n'),
      markup: { inline_keyboard: rows(buttons, 4) },
    };
  };

  composer.command('schedules', async (ctx) => {
    const { text, markup } = list(ctx);
    await ctx.reply(text, markup ? { reply_markup: markup } : {});
  });

  onCallback(composer, SCHEDULE_ITEM, async (ctx, verb, id) => {
    const schedule = schedules.get(id);
    if (!schedule) {
      await ctx.answerCbQuery(ctx.t('notices.stale'));
      return;
    }
    if (verb === 'd') {
      await schedules.remove(schedule.id);
      deps.scheduler.untrackSchedule(schedule.id);
    } else {
      const resuming = schedule.paused;
      await schedules.setPaused(schedule.id, !resuming);
      if (resuming) {
        await schedules.setNext(
          schedule.id,
          nextNotice(schedule.rule, schedule.leadDays, deps.now(), tz),
        );
      }
      deps.scheduler.trackSchedule(schedules.get(schedule.id));
    }
    await ctx.answerCbQuery(ctx.t('schedule.updated'));
    const { text, markup } = list(ctx);
    await ctx.editMessageText(text, markup ? { reply_markup: markup } : {}).catch(() => undefined);
  });

  const steps = (['scheduleRule', 'scheduleLead', 'scheduleText'] as const).map((kind) =>
    defineStep({
      kind,
      audience: 'officer',
      accepts: () => ['text'],
      callbacks: [SCHEDULE_SEGMENT, SCHEDULE_STEP],
      leave: 'end',
      left: (ctx) => ctx.t('schedule.left'),
      pending: (ctx) => ctx.t('schedule.pending'),
      onMessage: readText,
    }),
  );

  return {
    name: 'schedules',
    composer,
    steps,
    commands: [
      { command: 'schedule', description: 'cmd.schedule', audience: 'officer' },
      { command: 'schedules', description: 'cmd.schedules', audience: 'officer' },
    ],
    menu: [],
  };
}
