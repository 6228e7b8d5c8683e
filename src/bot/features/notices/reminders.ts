import { Composer } from 'telegraf';
import {
  describeRepeat,
  formatWhen,
  type ParseError,
  parseReminder,
} from '../../../scheduling/index.ts';
import type { BotContext } from '../../context.ts';
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
 * /remind reads "when + text" with the scheduling grammar, echoes the time in the user's language
 * and zone, and saves only after Confirm; /reminders lists them with delete buttons; delivered
 * reminders can be snoozed.
 */
export function remindersFeature(deps: NoticeDeps): NoticePart {
  const composer = new Composer<BotContext>();
  const { reminders } = deps.notices;
  const tz = deps.config.TZ;
  const when = (ctx: BotContext, iso: string) => formatWhen(new Date(iso), ctx.lang, tz);

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
    const { firstDue, repeat, text } = parsed.value;
    ctx.session.dialogue = { kind: 'reminderConfirm', text, dueAt: firstDue.toISOString(), repeat };
    await ctx.saveSession();
    const lines = [ctx.t('remind.confirm', { when: when(ctx, firstDue.toISOString()), text })];
    if (repeat.kind !== 'once') {
      lines.push(ctx.t('remind.repeat', { repeat: describeRepeat(repeat, ctx.lang) }));
    }
    await ctx.reply(lines.join('\n'), {
      reply_markup: {
        inline_keyboard: [
          [
            callbackButton(ctx.t('remind.ok'), 'rem:ok'),
            callbackButton(ctx.t('remind.no'), 'rem:no'),
          ],
        ],
      },
    });
  });

  composer.action(/^rem:(ok|no)$/, async (ctx) => {
    const draft = ctx.session.dialogue;
    await ctx.answerCbQuery();
    await clearButtons(ctx);
    if (draft.kind !== 'reminderConfirm') {
      await ctx.reply(ctx.t('error.staleButton'));
      return;
    }
    ctx.session.dialogue = { kind: 'idle' };
    await ctx.saveSession();
    if (ctx.match[1] === 'no') {
      await ctx.reply(ctx.t('remind.cancelled'));
      return;
    }
    const reminder = await reminders.add({
      userId: ctx.profile.id,
      text: draft.text,
      dueAt: new Date(draft.dueAt),
      repeat: draft.repeat,
    });
    deps.scheduler.trackReminder(reminder);
    await ctx.reply(ctx.t('remind.saved', { when: when(ctx, reminder.dueAt) }));
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
      callbackButton(ctx.t('remind.delete', { n: i + 1 }), `rem:del:${reminder.id}`),
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
  composer.action('menu:reminders', async (ctx) => {
    await ctx.answerCbQuery();
    await showList(ctx);
  });

  composer.action(/^rem:del:([0-9a-f]+)$/, async (ctx) => {
    const reminder = reminders.get(ctx.match[1] ?? '');
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

  composer.action(/^rem:snz:([0-9a-f]+):(10|60|tm)$/, async (ctx) => {
    const original = reminders.get(ctx.match[1] ?? '');
    const delay = SNOOZE_MS[ctx.match[2] ?? ''];
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
    commands: [
      { command: 'remind', description: 'cmd.remind', audience: 'everyone' },
      { command: 'reminders', description: 'cmd.reminders', audience: 'everyone' },
    ],
    menu: [{ label: 'menu.reminders', data: 'menu:reminders', audience: 'everyone' }],
  };
}
