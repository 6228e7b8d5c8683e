import { Composer } from 'telegraf';
import { type Channel, channelSchema } from '../../../store/notices.ts';
import { defaultChannels } from '../../../store/subscriptions.ts';
import { MENU, narrow, onCallback, PARK_CHOICE, ROLE, SUBSCRIPTION } from '../../callbackData.ts';
import type { BotContext } from '../../context.ts';
import { callbackButton, clearButtons } from '../../keyboard.ts';
import { labelsOf, type NoticeDeps, type NoticePart } from './deps.ts';
import { allChannels, channelLabel } from './labels.ts';
import { askPark, parkChoice, parkLine } from './park.ts';

function subscriptionKeyboard(ctx: BotContext, deps: NoticeDeps) {
  const mine = deps.notices.subscriptions.channelsOf(ctx.profile.id, ctx.profile.role);
  const labels = labelsOf(ctx, deps.parks);
  const rows = allChannels(deps.parks).map((channel) => [
    callbackButton(
      `${mine.includes(channel) ? '✅' : '⬜'} ${channelLabel(channel, labels)}`,
      SUBSCRIPTION.build(channel),
    ),
  ]);
  if (deps.parks().length > 0) {
    rows.push([callbackButton(ctx.t('park.change'), PARK_CHOICE.build('ask'))]);
  }
  rows.push([callbackButton(ctx.t('subs.leaveAll'), SUBSCRIPTION.build(null))]);
  return { inline_keyboard: rows };
}

/**
 * /subscribe toggles notice channels (general, workers, enterprises, each park); /unsubscribe
 * and the "stop all" button leave everything.
 */
export function subscriptionsFeature(deps: NoticeDeps): NoticePart {
  const composer = new Composer<BotContext>();
  const { subscriptions } = deps.notices;
  const title = (ctx: BotContext) => {
    const park = parkLine(ctx, deps);
    return park ? `${ctx.t('subs.title')}\n${park}` : ctx.t('subs.title');
  };
  const show = (ctx: BotContext) =>
    ctx.reply(title(ctx), { reply_markup: subscriptionKeyboard(ctx, deps) });
  const leave = async (ctx: BotContext) => {
    await subscriptions.set(ctx.profile.id, []);
    await ctx.reply(ctx.t('subs.left'));
  };

  composer.command('subscribe', show);
  onCallback(composer, narrow(MENU, 'subscribe'), async (ctx) => {
    await ctx.answerCbQuery();
    await show(ctx);
  });
  composer.command('unsubscribe', leave);
  onCallback(composer, SUBSCRIPTION, async (ctx, channel) => {
    if (channel === null) {
      await ctx.answerCbQuery();
      await clearButtons(ctx);
      await leave(ctx);
      return;
    }
    const parsed = channelSchema.safeParse(channel);
    if (!parsed.success || !allChannels(deps.parks).includes(parsed.data)) {
      await ctx.answerCbQuery(ctx.t('notices.stale'));
      return;
    }
    await subscriptions.toggle(ctx.profile.id, ctx.profile.role, parsed.data);
    await ctx.answerCbQuery();
    await ctx
      .editMessageText(title(ctx), { reply_markup: subscriptionKeyboard(ctx, deps) })
      .catch(() => undefined);
  });

  return {
    name: 'subscriptions',
    composer,
    commands: [
      { command: 'subscribe', description: 'cmd.subscribe', audience: 'everyone' },
      { command: 'unsubscribe', description: 'cmd.unsubscribe', audience: 'everyone' },
    ],
    menu: [{ label: 'menu.subscribe', data: MENU.build('subscribe'), audience: 'everyone' }],
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
  // Around the start feature's own role handler (it calls next), so not through onCallback.
  composer.action(ROLE.pattern, async (ctx, next) => {
    if (ctx.isOfficer) return next();
    // Never undefined for data that matched ROLE.pattern; the check tells TypeScript so.
    const [role] = ROLE.parse(ctx.match[0]) ?? [];
    if (role === undefined) return next();
    const before = ctx.profile.role;
    const firstTime = before === null && subscriptions.get(ctx.profile.id) === undefined;
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
          reply_markup: {
            inline_keyboard: [[callbackButton(ctx.t('subs.leaveAll'), SUBSCRIPTION.build(null))]],
          },
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

  const park = parkChoice(deps);
  composer.use(park.composer);
  return { name: 'subscription-onboarding', composer, commands: [], menu: [], steps: park.steps };
}
