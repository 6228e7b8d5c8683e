import { Composer } from 'telegraf';
import type { BotContext } from '../context.ts';
import type { Feature, FeatureParts } from './feature.ts';

/** Last in the chain: whatever no feature took still gets a clear answer, never silence. */
export const fallbackFeature: Feature<unknown> = {
  name: 'fallback',
  create: () => fallbackParts(),
};

function fallbackParts(): FeatureParts {
  const composer = new Composer<BotContext>();
  composer.on('callback_query', (ctx) => ctx.answerCbQuery(ctx.t('error.unhandledButton')));
  composer.on('message', async (ctx) => {
    const text = 'text' in ctx.message ? ctx.message.text : undefined;
    if (text?.startsWith('/')) {
      const command = text.split(/\s/, 1)[0] ?? text;
      await ctx.reply(ctx.t('error.unknownCommand', { command: command.slice(0, 64) }));
      return;
    }
    await ctx.reply(ctx.t('error.unsupportedMessage'));
  });
  return { composer };
}
