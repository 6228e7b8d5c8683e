import { Composer } from 'telegraf';
import type { Channel } from '../../../store/notices.ts';
import { onCallback, PARK_CHOICE } from '../../callbackData.ts';
import type { BotContext } from '../../context.ts';
import { defineStep } from '../../dialogueStep.ts';
import { callbackButton, clearButtons, rows } from '../../keyboard.ts';
import type { NoticeDeps } from './deps.ts';

/** The longest park name a user may type (as in filing). */
export const PARK_NAME_LIMIT = 100;

type ParkDeps = Pick<NoticeDeps, 'notices' | 'parks'>;

/** The user's park as they gave it: one of the list, or a name they typed (no channel of its own). */
export function parkLine(ctx: BotContext, deps: Pick<NoticeDeps, 'parks'>): string | null {
  const park = ctx.session.park;
  if (!park) return null;
  if ('name' in park) return ctx.t('park.mineOther', { park: park.name });
  const listed = deps.parks().find((candidate) => candidate.id === park.id);
  return listed ? ctx.t('park.mine', { park: listed.name[ctx.lang] }) : null;
}

/**
 * Asks a worker or enterprise their park (after the role at onboarding and in /role, and from
 * /subscribe): one button per listed park, "another park" to type its name, and skip.
 */
export async function askPark(ctx: BotContext, deps: Pick<NoticeDeps, 'parks'>): Promise<void> {
  const parks = deps.parks();
  if (parks.length === 0) return;
  const buttons = parks.map((park) =>
    callbackButton(park.name[ctx.lang], PARK_CHOICE.build({ park: park.id })),
  );
  buttons.push(callbackButton(ctx.t('park.askOther'), PARK_CHOICE.build('other')));
  buttons.push(callbackButton(ctx.t('park.askSkip'), PARK_CHOICE.build('skip')));
  const current = parkLine(ctx, deps);
  await ctx.reply(current ? `${ctx.t('park.ask')}\n${current}` : ctx.t('park.ask'), {
    reply_markup: { inline_keyboard: rows(buttons, 2) },
  });
}

/** The user's channels without any park channel: a typed park has none, a new park replaces it. */
const withoutParks = (channels: readonly Channel[]) =>
  channels.filter((channel) => !channel.startsWith('park:'));

/** The park buttons and the typed "another park" answer. */
export function parkChoice(deps: ParkDeps) {
  const composer = new Composer<BotContext>();
  const { subscriptions } = deps.notices;

  onCallback(composer, PARK_CHOICE, async (ctx, choice) => {
    await ctx.answerCbQuery();
    await clearButtons(ctx);
    if (ctx.isOfficer) return ctx.reply(ctx.t('role.officer'));
    if (choice === 'ask') return askPark(ctx, deps);
    if (choice === 'skip') {
      if (ctx.session.dialogue.kind === 'parkOther') ctx.session.dialogue = { kind: 'idle' };
      await ctx.saveSession();
      return ctx.reply(ctx.t('park.skipped'));
    }
    if (choice === 'other') {
      ctx.session.dialogue = { kind: 'parkOther' };
      await ctx.saveSession();
      return ctx.reply(ctx.t('park.otherAsk'), {
        reply_markup: {
          inline_keyboard: [[callbackButton(ctx.t('park.otherSkip'), PARK_CHOICE.build('skip'))]],
        },
      });
    }
    const park = deps.parks().find((candidate) => candidate.id === choice.park);
    if (!park) return ctx.reply(ctx.t('error.staleButton'));
    const mine = subscriptions.channelsOf(ctx.profile.id, ctx.profile.role);
    await subscriptions.set(ctx.profile.id, [...withoutParks(mine), `park:${park.id}`]);
    ctx.session.park = { id: park.id };
    if (ctx.session.dialogue.kind === 'parkOther') ctx.session.dialogue = { kind: 'idle' };
    await ctx.saveSession();
    await ctx.reply(ctx.t('park.saved', { park: park.name[ctx.lang] }));
  });

  const steps = [
    defineStep({
      kind: 'parkOther',
      accepts: () => ['text'],
      callbacks: [PARK_CHOICE],
      leave: 'end',
      left: (ctx) => ctx.t('park.otherLeft'),
      pending: (ctx) => ctx.t('park.otherPending'),
      async onMessage(ctx) {
        const text = ctx.message && 'text' in ctx.message ? ctx.message.text.trim() : '';
        if (text === '') return ctx.reply(ctx.t('park.otherAsk'));
        if (text.length > PARK_NAME_LIMIT) {
          return ctx.reply(ctx.t('park.otherTooLong', { limit: PARK_NAME_LIMIT }));
        }
        const mine = subscriptions.channelsOf(ctx.profile.id, ctx.profile.role);
        const dropped = mine.some((channel) => channel.startsWith('park:'));
        if (dropped) await subscriptions.set(ctx.profile.id, withoutParks(mine));
        ctx.session.park = { name: text };
        ctx.session.dialogue = { kind: 'idle' };
        await ctx.saveSession();
        const saved = ctx.t('park.otherSaved', { park: text });
        await ctx.reply(dropped ? `${saved}\n${ctx.t('park.otherDropped')}` : saved);
      },
    }),
  ];
  return { composer, steps };
}
