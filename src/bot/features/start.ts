import { Composer } from 'telegraf';
import type { BotContext } from '../context.ts';
import { callbackButton, clearButtons, menuKeyboard } from '../keyboard.ts';
import type { Feature, FeatureDeps, FeatureParts } from './feature.ts';

const roleKeyboard = (ctx: BotContext) => ({
  reply_markup: {
    inline_keyboard: [
      [
        callbackButton(ctx.t('role.worker'), 'role:worker'),
        callbackButton(ctx.t('role.enterprise'), 'role:enterprise'),
      ],
    ],
  },
});

/**
 * /start: greets in the user's language, asks once whether they are a worker or an enterprise
 * (so the menu and commands fit them), then shows the menu. /role asks again.
 */
export const startFeature: Feature<StartDeps> = { name: 'start', create: startParts };

type StartDeps = {
  store: Pick<FeatureDeps['store'], 'users'>;
  features: Pick<FeatureDeps['features'], 'menu'>;
};

function startParts({ store: { users }, features }: StartDeps): FeatureParts {
  const composer = new Composer<BotContext>();
  const showMenu = (ctx: BotContext) =>
    ctx.reply(ctx.t('menu.title'), menuKeyboard(ctx, features.menu()));

  composer.start(async (ctx) => {
    const name = ctx.from.first_name;
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

  composer.command('role', (ctx) => ctx.reply(ctx.t('role.ask'), roleKeyboard(ctx)));
  composer.action('menu:role', async (ctx) => {
    await ctx.answerCbQuery();
    await ctx.reply(ctx.t('role.ask'), roleKeyboard(ctx));
  });

  composer.action(/^role:(worker|enterprise)$/, async (ctx) => {
    const role = ctx.match[1] === 'worker' ? 'worker' : 'enterprise';
    await users.setRole(ctx.profile.id, role);
    ctx.profile = { ...ctx.profile, role };
    await ctx.answerCbQuery();
    await clearButtons(ctx);
    await ctx.reply(ctx.t(role === 'worker' ? 'role.saved.worker' : 'role.saved.enterprise'));
    await showMenu(ctx);
  });

  composer.command('menu', showMenu);
  composer.action('menu:open', async (ctx) => {
    await ctx.answerCbQuery();
    await showMenu(ctx);
  });

  return {
    composer,
    commands: [
      { command: 'start', description: 'cmd.start', audience: 'everyone' },
      { command: 'role', description: 'cmd.role', audience: 'everyone' },
    ],
    menu: [{ label: 'menu.role', data: 'menu:role', audience: 'everyone' }],
  };
}
