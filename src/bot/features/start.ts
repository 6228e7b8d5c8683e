import { Composer } from 'telegraf';
import { MENU, narrow, onCallback, ROLE } from '../callbackData.ts';
import type { BotContext } from '../context.ts';
import { callbackButton, clearButtons, menuKeyboard } from '../keyboard.ts';
import type { Feature, FeatureDeps, FeatureParts } from './feature.ts';

const roleKeyboard = (ctx: BotContext) => ({
  reply_markup: {
    inline_keyboard: [
      [
        callbackButton(ctx.t('role.worker'), ROLE.build('worker')),
        callbackButton(ctx.t('role.enterprise'), ROLE.build('enterprise')),
      ],
    ],
  },
});

/**
 * /start: greets in the user's language, asks once whether they are a worker or an enterprise
 * (so the menu and commands fit them), then shows the menu. /role asks again.
 */
export const startFeature: Feature<StartDeps> = { name: 'start', create: startParts };

/** What an officer's menu keeps of the citizens' one: no complaint, role or subscription buttons. */
const OFFICER_MENU: ReadonlySet<string> = new Set([
  MENU.build('ask'),
  MENU.build('topics'),
  MENU.build('reminders'),
  MENU.build('help'),
  MENU.build('lang'),
]);

type StartDeps = {
  store: Pick<FeatureDeps['store'], 'users'> & {
    notices: Pick<FeatureDeps['store']['notices'], 'subscriptions'>;
  };
  features: Pick<FeatureDeps['features'], 'menu'>;
};

function startParts({ store: { users, notices }, features }: StartDeps): FeatureParts {
  const { subscriptions } = notices;
  const composer = new Composer<BotContext>();
  const showMenu = (ctx: BotContext) =>
    ctx.reply(ctx.t('menu.title'), menuKeyboard(ctx, features.menu()));

  composer.start(async (ctx) => {
    const name = ctx.from.first_name;
    if (ctx.isOfficer) return officerStart(ctx, name);
    const known = ctx.profile.role !== null;
    await ctx.reply(
      known ? ctx.t('start.greetingBack', { name }) : ctx.t('start.greeting', { name }),
    );
    if (!known) {
      await ctx.reply(ctx.t('role.ask'), roleKeyboard(ctx));
      return;
    }
    await showMenu(ctx);
  });

  const askRole = (ctx: BotContext) =>
    ctx.isOfficer
      ? ctx.reply(ctx.t('role.officer'))
      : ctx.reply(ctx.t('role.ask'), roleKeyboard(ctx));
  composer.command('role', askRole);
  onCallback(composer, narrow(MENU, 'role'), async (ctx) => {
    await ctx.answerCbQuery();
    await askRole(ctx);
  });

  /** Officers: their own greeting and menu, no citizen role and no notice subscriptions. */
  const officerStart = async (ctx: BotContext, name: string) => {
    await subscriptions.set(ctx.profile.id, []);
    await ctx.reply(ctx.t('start.officerGreeting', { name }));
    const items = features
      .menu()
      .filter((item) => item.audience === 'officer' || OFFICER_MENU.has(item.data));
    await ctx.reply(ctx.t('menu.title'), menuKeyboard(ctx, items));
  };

  onCallback(composer, ROLE, async (ctx, role) => {
    if (ctx.isOfficer) {
      await ctx.answerCbQuery();
      await ctx.reply(ctx.t('role.officer'));
      return;
    }
    await users.setRole(ctx.profile.id, role);
    ctx.profile = { ...ctx.profile, role };
    await ctx.answerCbQuery();
    await clearButtons(ctx);
    await ctx.reply(ctx.t(role === 'worker' ? 'role.saved.worker' : 'role.saved.enterprise'));
    await showMenu(ctx);
  });

  composer.command('menu', showMenu);
  onCallback(composer, narrow(MENU, 'open'), async (ctx) => {
    await ctx.answerCbQuery();
    await showMenu(ctx);
  });

  return {
    composer,
    commands: [
      { command: 'start', description: 'cmd.start', audience: 'everyone' },
      { command: 'role', description: 'cmd.role', audience: 'everyone' },
    ],
    menu: [{ label: 'menu.role', data: MENU.build('role'), audience: 'everyone' }],
  };
}
