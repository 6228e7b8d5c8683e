import { Composer } from 'telegraf';
import {
  describeRepeat,
  formatWhen,
  type ParsedReminder,
  type ParseError,
  parseReminder,
} from '../../../scheduling/index.ts';
import type { Reminder } from '../../../store/reminders.ts';
import {
  MENU,
  narrow,
  onCallback,
  REMINDER_CONFIRM,
  REMINDER_SAVED,
  REMINDER_SNOOZE,
} from '../../callbackData.ts';
import type { BotContext } from '../../context.ts';
import { defineStep } from '../../dialogueStep.ts';
import { callbackButton, clearButtons, rows } from '../../keyboard.ts';
import type { NoticeDeps, NoticePart } from './deps.ts';

/** The hint for a refused `/remind`, followed by a blank line, or nothing for an empty one. */
function parseProblem(ctx: BotContext, error: ParseError, near: string): string {
  if (error === 'empty') return '';
  if (error === 'unread_time' || error === 'ambiguous') {
    return `${ctx.t(`remind.error.${error}`, { near })}\n\n`;
  }
  return `${ctx.t(`remind.error.${error}`)}\n\n`;
}

const SNOOZE_MS: Record<string, number> = { '10': 10 * 60_000, '60': 60 * 60_000, tm: 86_400_000 };

/**
 * /remind reads "when + text" with the scheduling grammar and saves at once, echoing the time in
 * the user's language and zone with Undo and Change time buttons; /reminders lists them with delete buttons; delivered
 * reminders can be snoozed.
 */
export function remindersFeature(deps: NoticeDeps): NoticePart {
  const composer = new Composer<BotContext>();
  const { reminders } = deps.notices;
  const tz = deps.config.TZ;
  const when = (ctx: BotContext, iso: string) => formatWhen(new Date(iso), ctx.lang, tz);

  /** "⏰ Saved for …" with Undo and Change time: nothing waits for a confirmation to be forgotten. */
  const savedView = (ctx: BotContext, reminder: Reminder) => {
    const lines = [
      ctx.t('remind.savedAt', { when: when(ctx, reminder.dueAt), text: reminder.text }),
    ];
    if (reminder.repeat.kind !== 'once') {
      lines.push(ctx.t('remind.repeat', { repeat: describeRepeat(reminder.repeat, ctx.lang) }));
    }
    return {
      text: lines.join('\n'),
      extra: {
        reply_markup: {
          inline_keyboard: [
            [
              callbackButton(ctx.t('remind.undo'), REMINDER_SAVED.build('undo', reminder.id)),
              callbackButton(ctx.t('remind.change'), REMINDER_SAVED.build('chg', reminder.id)),
            ],
          ],
        },
      },
    };
  };

  const save = async (ctx: BotContext, parsed: ParsedReminder) => {
    const reminder = await reminders.add({
      userId: ctx.profile.id,
      text: parsed.text,
      dueAt: parsed.firstDue,
      repeat: parsed.repeat,
    });
    deps.scheduler.trackReminder(reminder);
    return reminder;
  };

  composer.command('remind', async (ctx) => {
    const input = ctx.payload.trim();
    if (input === '') {
      await ctx.reply(ctx.t('remind.help'));
      return;
    }
    const parsed = parseReminder(input, { now: deps.now(), timeZone: tz });
    if (!parsed.ok) {
      await ctx.reply(
        `${parseProblem(ctx, parsed.error, parsed.near ?? '')}${ctx.t('remind.help')}`,
      );
      return;
    }
    const view = savedView(ctx, await save(ctx, parsed.value));
    await ctx.reply(view.text, view.extra);
  });

  onCallback(composer, narrow(MENU, 'remind'), async (ctx) => {
    await ctx.answerCbQuery();
    await ctx.reply(ctx.t('remind.help'));
  });

  const own = (ctx: BotContext, id: string) => {
    const reminder = reminders.get(id);
    return reminder && reminder.userId === ctx.profile.id && reminder.status === 'pending'
      ? reminder
      : undefined;
  };

  onCallback(composer, narrow(REMINDER_SAVED, 'undo'), async (ctx, _verb, id) => {
    const reminder = own(ctx, id);
    await ctx.answerCbQuery();
    await clearButtons(ctx);
    if (!reminder) {
      await ctx.reply(ctx.t('notices.stale'));
      return;
    }
    await reminders.remove(reminder.id);
    deps.scheduler.untrackReminder(reminder.id);
    if (ctx.session.dialogue.kind === 'reminderRetime') ctx.session.dialogue = { kind: 'idle' };
    await ctx.reply(ctx.t('remind.undone', { text: reminder.text }));
  });

  onCallback(composer, narrow(REMINDER_SAVED, 'chg'), async (ctx, _verb, id) => {
    const reminder = own(ctx, id);
    await ctx.answerCbQuery();
    if (!reminder) {
      await ctx.reply(ctx.t('notices.stale'));
      return;
    }
    ctx.session.dialogue = { kind: 'reminderRetime', reminderId: reminder.id };
    await ctx.saveSession();
    await ctx.reply(ctx.t('remind.askTime', { text: reminder.text }));
  });

  /** The new time for a saved reminder: the old one stays until the new one is saved. */
  const retime = defineStep({
    kind: 'reminderRetime',
    accepts: () => ['text'],
    callbacks: [REMINDER_SAVED, REMINDER_CONFIRM],
    leave: 'end',
    left: (ctx) => ctx.t('remind.timeKept'),
    pending: (ctx) => ctx.t('remind.askTimeAgain'),
    async onMessage(ctx, dialogue) {
      const typed = ctx.message && 'text' in ctx.message ? ctx.message.text.trim() : '';
      const reminder = own(ctx, dialogue.reminderId);
      if (!reminder) {
        ctx.session.dialogue = { kind: 'idle' };
        await ctx.saveSession();
        await ctx.reply(ctx.t('notices.stale'));
        return;
      }
      const parsed = parseReminder(`${typed} - ${reminder.text}`, {
        now: deps.now(),
        timeZone: tz,
      });
      if (!parsed.ok) {
        await ctx.reply(
          `${parseProblem(ctx, parsed.error, parsed.near ?? '')}${ctx.t('remind.askTimeAgain')}`,
        );
        return;
      }
      const moved = await save(ctx, { ...parsed.value, text: reminder.text });
      await reminders.remove(reminder.id);
      deps.scheduler.untrackReminder(reminder.id);
      ctx.session.dialogue = { kind: 'idle' };
      await ctx.saveSession();
      const view = savedView(ctx, moved);
      await ctx.reply(view.text, view.extra);
    },
  });

  /** Sessions saved before reminders were saved at once may still hold an unconfirmed one. */
  onCallback(composer, REMINDER_CONFIRM, async (ctx, verb) => {
    const draft = ctx.session.dialogue;
    await ctx.answerCbQuery();
    await clearButtons(ctx);
    if (draft.kind !== 'reminderConfirm') {
      await ctx.reply(ctx.t('error.staleButton'));
      return;
    }
    ctx.session.dialogue = { kind: 'idle' };
    await ctx.saveSession();
    if (verb === 'no') {
      await ctx.reply(ctx.t('remind.cancelled'));
      return;
    }
    const reminder = await save(ctx, {
      text: draft.text,
      firstDue: new Date(draft.dueAt),
      repeat: draft.repeat,
    });
    await ctx.reply(ctx.t('remind.saved', { when: when(ctx, reminder.dueAt) }));
  });
  const legacyConfirm = defineStep({
    kind: 'reminderConfirm',
    accepts: () => [],
    callbacks: [REMINDER_SAVED, REMINDER_CONFIRM],
    leave: 'end',
    left: (ctx) => ctx.t('remind.cancelled'),
    pending: (ctx) => ctx.t('remind.legacyPending'),
  });

  const list = (ctx: BotContext) => {
    const mine = reminders.pendingOf(ctx.profile.id);
    if (mine.length === 0) return { text: ctx.t('remind.list.empty'), markup: undefined };
    const lines = mine.map((reminder, i) => {
      const repeat =
        reminder.repeat.kind === 'once' ? '' : ` 🔁 ${describeRepeat(reminder.repeat, ctx.lang)}`;
      return `${ctx.t('remind.list.item', { n: i + 1, when: when(ctx, reminder.dueAt), text: reminder.text })}${repeat}`;
    });
    const buttons = mine.map((reminder, i) =>
      callbackButton(
        ctx.t('remind.delete', { n: i + 1 }),
        REMINDER_SAVED.build('del', reminder.id),
      ),
    );
    return {
      text: [ctx.t('remind.list.title'), ...lines].join('\n'),
      markup: { inline_keyboard: rows(buttons, 3) },
    };
  };

  const showList = async (ctx: BotContext) => {
    const { text, markup } = list(ctx);
    await ctx.reply(text, markup ? { reply_markup: markup } : {});
  };
  composer.command('reminders', showList);
  onCallback(composer, narrow(MENU, 'reminders'), async (ctx) => {
    await ctx.answerCbQuery();
    await showList(ctx);
  });

  onCallback(composer, narrow(REMINDER_SAVED, 'del'), async (ctx, _verb, id) => {
    const reminder = reminders.get(id);
    if (!reminder || reminder.userId !== ctx.profile.id) {
      await ctx.answerCbQuery(ctx.t('notices.stale'));
      return;
    }
    await reminders.remove(reminder.id);
    deps.scheduler.untrackReminder(reminder.id);
    await ctx.answerCbQuery(ctx.t('remind.deleted'));
    const { text, markup } = list(ctx);
    await ctx.editMessageText(text, markup ? { reply_markup: markup } : {}).catch(() => undefined);
  });

  onCallback(composer, REMINDER_SNOOZE, async (ctx, id, by) => {
    const original = reminders.get(id);
    const delay = SNOOZE_MS[by];
    if (!original || original.userId !== ctx.profile.id || delay === undefined) {
      await ctx.answerCbQuery(ctx.t('notices.stale'));
      return;
    }
    const snoozed = await reminders.add({
      userId: ctx.profile.id,
      text: original.text,
      dueAt: new Date(deps.now().getTime() + delay),
      repeat: { kind: 'once' },
    });
    deps.scheduler.trackReminder(snoozed);
    await ctx.answerCbQuery();
    await clearButtons(ctx);
    await ctx.reply(ctx.t('remind.snoozed', { when: when(ctx, snoozed.dueAt) }));
  });

  return {
    name: 'reminders',
    composer,
    steps: [retime, legacyConfirm],
    commands: [
      { command: 'remind', description: 'cmd.remind', audience: 'everyone' },
      { command: 'reminders', description: 'cmd.reminders', audience: 'everyone' },
    ],
    menu: [{ label: 'menu.reminders', data: MENU.build('reminders'), audience: 'everyone' }],
  };
}
