import { Composer } from 'telegraf';
import { FORGET, narrow, onCallback } from '../callbackData.ts';
import type { BotContext } from '../context.ts';
import { callbackButton, clearButtons } from '../keyboard.ts';
import { sessionKey } from '../sessionTypes.ts';
import type { Feature, FeatureDeps, FeatureParts } from './feature.ts';

type PrivacyDeps = {
  store: Pick<FeatureDeps['store'], 'users' | 'sessions' | 'tickets'>;
  /** Erases what the features keep about the user (reminders, subscriptions). */
  features: Pick<FeatureDeps['features'], 'forgetUser'>;
};

/**
 * /forgetme: a user can erase their profile, subscriptions and reminders at any time; their
 * tickets stay for the Board's figures, anonymised. Asked once more before anything goes.
 */
export const privacyFeature: Feature<PrivacyDeps> = { name: 'privacy', create: privacyParts };

function privacyParts({ store, features }: PrivacyDeps): FeatureParts {
  const composer = new Composer<BotContext>();
  composer.command('forgetme', (ctx) =>
    ctx.reply(ctx.t('privacy.confirm'), {
      reply_markup: {
        inline_keyboard: [
          [
            callbackButton(ctx.t('privacy.yes'), FORGET.build('yes')),
            callbackButton(ctx.t('privacy.no'), FORGET.build('no')),
          ],
        ],
      },
    }),
  );
  onCallback(composer, narrow(FORGET, 'no'), async (ctx) => {
    await ctx.answerCbQuery();
    await clearButtons(ctx);
    await ctx.reply(ctx.t('privacy.kept'));
  });
  onCallback(composer, narrow(FORGET, 'yes'), async (ctx) => {
    const userId = ctx.from.id;
    const tickets = await store.tickets.eraseFiler(userId);
    await features.forgetUser(userId);
    await store.sessions.delete(sessionKey(ctx));
    ctx.saveSession = async () => {};
    await store.users.remove(userId);
    await ctx.answerCbQuery();
    await clearButtons(ctx);
    await ctx.reply(ctx.t('privacy.done', { tickets: tickets.length }));
  });
  return {
    composer,
    commands: [{ command: 'forgetme', description: 'cmd.forgetme', audience: 'everyone' }],
  };
}
