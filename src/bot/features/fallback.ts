import { Composer } from 'telegraf';
import type { BotContext } from '../context.ts';
import { incomingOf } from '../dialogueStep.ts';
import type { Feature, FeatureParts } from './feature.ts';

/** Last in the chain: whatever no feature took still gets a clear answer, never silence. */
export const fallbackFeature: Feature<unknown> = {
  name: 'fallback',
  create: () => fallbackParts(),
};

/** What a file sent outside any dialogue can become, for the sender's audience. */
function fileAnswer(ctx: BotContext): string {
  // A draft put aside is where the file belongs: resuming it is the way, not a new filing.
  const draft = (ctx.session.suspended ?? []).find((kept) => kept.kind === 'ticket_filing');
  if (draft?.kind === 'ticket_filing') {
    return ctx.t('fallback.file.draft', { command: draft.draft.type });
  }
  const audience = ctx.isOfficer ? 'officer' : (ctx.profile.role ?? 'none');
  return `${ctx.t('fallback.file.kept')}\n${ctx.t(`fallback.file.${audience}`)}`;
}

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
    // A file reaches here only when no step reads it (the dispatcher answers those inside one):
    // it was not kept, and the user learns where a file is kept.
    if (incomingOf(ctx.message) === 'media') {
      const album = 'media_group_id' in ctx.message ? ctx.message.media_group_id : undefined;
      if (album !== undefined && ctx.session.answeredAlbum === album) return;
      ctx.session.answeredAlbum = album;
      await ctx.saveSession();
      await ctx.reply(fileAnswer(ctx));
      return;
    }
    await ctx.reply(ctx.t('error.unsupportedMessage'));
  });
  return { composer };
}
