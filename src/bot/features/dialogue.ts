import { Composer } from 'telegraf';
import type { BotContext } from '../context.ts';
import type { Feature, FeatureParts } from './feature.ts';

/** /cancel leaves whatever dialogue the user is in; it runs before every feature. */
export const dialogueFeature: Feature<unknown> = {
  name: 'dialogue',
  create: () => cancelParts(),
};

function cancelParts(): FeatureParts {
  const composer = new Composer<BotContext>();
  composer.command('cancel', async (ctx) => {
    if (ctx.session.dialogue.kind === 'idle') {
      await ctx.reply(ctx.t('cancel.nothing'));
      return;
    }
    ctx.session.dialogue = { kind: 'idle' };
    await ctx.saveSession();
    await ctx.reply(ctx.t('cancel.done'));
  });
  return {
    composer,
    commands: [{ command: 'cancel', description: 'cmd.cancel', audience: 'everyone' }],
  };
}
