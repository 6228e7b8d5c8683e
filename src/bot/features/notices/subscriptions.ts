import { Composer } from 'telegraf';
import { type Channel, channelSchema } from '../../../store/notices.ts';
import { defaultChannels } from '../../../store/subscriptions.ts';
import { ONBOARDING_PARK } from '../../callbackData.ts';
import type { BotContext } from '../../context.ts';
import { callbackButton, clearButtons } from '../../keyboard.ts';
import { labelsOf, type NoticeDeps, type NoticePart } from './deps.ts';
import { allChannels, channelLabel } from './labels.ts';

function subscriptionKeyboard(ctx: BotContext, deps: NoticeDeps) {
  const mine = deps.notices.subscriptions.channelsOf(ctx.profile.id, ctx.profile.role);
  const labels = labelsOf(ctx, deps.parks);
  const rows = allChannels(deps.parks).map((channel) => [
    callbackButton(
      `${mine.includes(channel) ? '✅' : '⬜'} ${channelLabel(channel, labels)}`,
      `sub:t:${channel}`,
    ),
  ]);
  rows.push([callbackButton(ctx.t('subs.leaveAll'), 'sub:none')]);
  return { inline_keyboard: rows };
}

/**
 * /subscribe toggles notice channels (general, workers, enterprises, each park); /unsubscribe
 * and the "stop all" button leave everything.
 */
export function subscriptionsFeature(deps: NoticeDeps): NoticePart {
  const composer = new Composer<BotContext>();
  const { subscriptions } = deps.notices;
  const show = (ctx: BotContext) =>
    ctx.reply(ctx.t('subs.title'), { reply_markup: subscriptionKeyboard(ctx, deps) });
  const leave = async (ctx: BotContext) => {
    await subscriptions.set(ctx.profile.id, []);
    await ctx.reply(ctx.t('subs.left'));
  };

  composer.command('subscribe', show);
  composer.action('menu:subscribe', async (ctx) => {
    await ctx.answerCbQuery();
    await show(ctx);
  });
  composer.command('unsubscribe', leave);
  composer.action('sub:none', async (ctx) => {
    await ctx.answerCbQuery();
    await clearButtons(ctx);
    await leave(ctx);
  });
  composer.action(/^sub:t:(.+)$/, async (ctx) => {
    const parsed = channelSchema.safeParse(ctx.match[1]);
    if (!parsed.success || !allChannels(deps.parks).includes(parsed.data)) {
      await ctx.answerCbQuery(ctx.t('notices.stale'));
      return;
    }
    await subscriptions.toggle(ctx.profile.id, ctx.profile.role, parsed.data);
    await ctx.answerCbQuery();
    await ctx
      .editMessageText(ctx.t('subs.title'), { reply_markup: subscriptionKeyboard(ctx, deps) })
      .catch(() => undefined);
  });

  return {
    name: 'subscriptions',
    composer,
    commands: [
      { command: 'subscribe', description: 'cmd.subscribe', audience: 'everyone' },
      { command: 'unsubscribe', description: 'cmd.unsubscribe', audience: 'everyone' },
    ],
    menu: [{ label: 'menu.subscribe', data: 'menu:subscribe', audience: 'everyone' }],
  };
}

/**
 * Runs around /start's role buttons (so it must come before the start feature): the first time a
 * user picks a role they are subscribed to general notices and their role's channel, told so,
 * and offered a one-tap way out. Changing the role later leaves subscriptions alone.
 */
export function subscriptionOnboarding(deps: Pick<NoticeDeps, 'notices' | 'parks'>): NoticePart {
  const composer = new Composer<BotContext>();
  const { subscriptions } = deps.notices;
  composer.action(/^role:(worker|enterprise)$/, async (ctx, next) => {
    if (ctx.isOfficer) return next();
    const before = ctx.profile.role;
    const firstTime = before === null && subscriptions.get(ctx.profile.id) === undefined;
    const role = ctx.match[1] === 'worker' ? 'worker' : 'enterprise';
    await next();
    if (firstTime) {
      const channels: Channel[] = defaultChannels(role);
      await subscriptions.set(ctx.profile.id, channels);
      const labels = labelsOf(ctx, deps.parks);
      await ctx.reply(
        ctx.t('subs.welcome', {
          channels: channels.map((channel) => channelLabel(channel, labels)).join(', '),
        }),
        {
          reply_markup: { inline_keyboard: [[callbackButton(ctx.t('subs.leaveAll'), 'sub:none')]] },
        },
      );
    } else if (before !== null && before !== role) {
      // The old role's channel follows the user to the new role; nothing else changes.
      const mine = subscriptions.channelsOf(ctx.profile.id, before);
      if (mine.includes(before)) {
        const moved = [...mine.filter((channel) => channel !== before && channel !== role), role];
        await subscriptions.set(ctx.profile.id, moved);
        await ctx.reply(ctx.t('role.switched'));
      }
    }
    await askPark(ctx, deps);
  });

  composer.action(ONBOARDING_PARK.pattern, async (ctx) => {
    await ctx.answerCbQuery();
    await ctx.editMessageReplyMarkup(undefined).catch(() => undefined);
    const id = ctx.match[1] ?? '-';
    const park = deps.parks().find((candidate) => candidate.id === id);
    const mine = subscriptions.channelsOf(ctx.profile.id, ctx.profile.role);
    const others = mine.filter((channel) => !channel.startsWith('park:'));
    if (!park) {
      await ctx.reply(ctx.t('park.skipped'));
      return;
    }
    await subscriptions.set(ctx.profile.id, [...others, `park:${park.id}`]);
    await ctx.reply(ctx.t('park.saved', { park: park.name[ctx.lang] }));
  });
  return { name: 'subscription-onboarding', composer, commands: [], menu: [] };
}

/** Workers and enterprises are asked their park, so park channels reach someone; skippable. */
async function askPark(ctx: BotContext, deps: Pick<NoticeDeps, 'parks'>) {
  const parks = deps.parks();
  if (parks.length === 0) return;
  const buttons = parks.map((park) =>
    callbackButton(park.name[ctx.lang], ONBOARDING_PARK.build(park.id)),
  );
  buttons.push(callbackButton(ctx.t('park.askSkip'), ONBOARDING_PARK.build(null)));
  const keyboard = [];
  for (let i = 0; i < buttons.length; i += 2) keyboard.push(buttons.slice(i, i + 2));
  await ctx.reply(ctx.t('park.ask'), { reply_markup: { inline_keyboard: keyboard } });
}
