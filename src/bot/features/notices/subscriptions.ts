import { Composer } from 'telegraf';
import { type Channel, channelSchema } from '../../../store/notices.ts';
import { defaultChannels } from '../../../store/subscriptions.ts';
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
  composer.action(/^role:(worker|enterprise)$/, async (ctx, next) => {
    const { subscriptions } = deps.notices;
    const firstTime = ctx.profile.role === null && subscriptions.get(ctx.profile.id) === undefined;
    await next();
    if (!firstTime) return;
    const channels: Channel[] = defaultChannels(
      ctx.match[1] === 'worker' ? 'worker' : 'enterprise',
    );
    await subscriptions.set(ctx.profile.id, channels);
    const labels = labelsOf(ctx, deps.parks);
    await ctx.reply(
      ctx.t('subs.welcome', {
        channels: channels.map((channel) => channelLabel(channel, labels)).join(', '),
      }),
      { reply_markup: { inline_keyboard: [[callbackButton(ctx.t('subs.leaveAll'), 'sub:none')]] } },
    );
  });
  return { name: 'subscription-onboarding', composer, commands: [], menu: [] };
}
