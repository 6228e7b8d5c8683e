import { Composer } from 'telegraf';
import { LANGUAGE, MENU, narrow, onCallback } from '../../callbackData.ts';
import type { BotContext } from '../../context.ts';
import { translator } from '../../i18n/index.ts';
import { callbackButton, clearButtons } from '../../keyboard.ts';
import type { Feature, FeatureDeps, FeatureParts } from '../feature.ts';

/** /lang: the user's choice overrides the Telegram app's language and is remembered. */
export const languageFeature: Feature<LanguageDeps> = { name: 'language', create: languageParts };

type LanguageDeps = { store: Pick<FeatureDeps['store'], 'users'> };

function languageParts({ store: { users } }: LanguageDeps): FeatureParts {
  const composer = new Composer<BotContext>();
  const ask = (ctx: BotContext) =>
    ctx.reply(ctx.t('lang.choose'), {
      reply_markup: {
        inline_keyboard: [
          [
            callbackButton(ctx.t('lang.vi'), LANGUAGE.build('vi')),
            callbackButton(ctx.t('lang.en'), LANGUAGE.build('en')),
          ],
        ],
      },
    });

  composer.command('lang', ask);
  onCallback(composer, narrow(MENU, 'lang'), async (ctx) => {
    await ctx.answerCbQuery();
    await ask(ctx);
  });
  onCallback(composer, LANGUAGE, async (ctx, lang) => {
    await users.setLang(ctx.profile.id, lang);
    ctx.lang = lang;
    ctx.t = translator(lang);
    await ctx.answerCbQuery();
    await clearButtons(ctx);
    await ctx.reply(ctx.t('lang.saved'));
  });

  return {
    composer,
    commands: [{ command: 'lang', description: 'cmd.lang', audience: 'everyone' }],
    menu: [{ label: 'menu.lang', data: MENU.build('lang'), audience: 'everyone' }],
  };
}
