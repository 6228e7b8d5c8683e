import { Composer } from 'telegraf';
import type { BotContext } from '../context.ts';
import { type AnyStep, incomingOf, markQuestion } from '../dialogueStep.ts';
import { refuseNonOfficer } from '../officerGuard.ts';
import type { Dialogue } from '../sessionTypes.ts';
import type { Feature, FeatureDeps, FeatureParts } from './feature.ts';

type DialogueDeps = Pick<FeatureDeps, 'now'> & {
  features: Pick<FeatureDeps['features'], 'steps'>;
};

/**
 * The one dialogue dispatcher, first in the chain: /cancel, and every update while a step is
 * open goes through the step's declaration (see dialogueStep.ts) instead of each feature deciding
 * by registration order whether a message is its own.
 */
export const dialogueFeature: Feature<DialogueDeps> = {
  name: 'dialogue',
  create: dialogueParts,
};

/**
 * Ends or suspends `dialogue` and says so; the caller goes on with the interrupting update. A
 * suspended step joins the kept ones in its own slot; only a kept step of the same slot (which
 * the flows never leave behind) could be replaced, and the user is then told so.
 */
async function leaveStep(ctx: BotContext, step: AnyStep, dialogue: Dialogue, replaced: boolean) {
  let replacedOlder = false;
  if (step.leave === 'suspend') {
    const slot = step.slot(dialogue);
    const kept = ctx.session.suspended ?? [];
    const others = kept.filter(
      (older) => older.kind !== dialogue.kind || step.slot(older) !== slot,
    );
    replacedOlder = others.length < kept.length;
    ctx.session.suspended = [...others, dialogue];
  }
  if (!replaced) ctx.session.dialogue = { kind: 'idle' };
  await ctx.saveSession();
  const lines = [step.left(ctx, dialogue)];
  if (replacedOlder) lines.push(ctx.t('draft.replaced'));
  await ctx.reply(lines.join('\n'));
}

function dialogueParts({ now, features }: DialogueDeps): FeatureParts {
  const composer = new Composer<BotContext>();
  const stepOf = (dialogue: Dialogue) =>
    dialogue.kind === 'idle' ? undefined : features.steps().find((s) => s.kind === dialogue.kind);

  composer.command('cancel', async (ctx) => {
    const dialogue = ctx.session.dialogue;
    if (dialogue.kind === 'idle') {
      await ctx.reply(ctx.t('cancel.nothing'));
      return;
    }
    const step = stepOf(dialogue);
    ctx.session.dialogue = { kind: 'idle' };
    await ctx.saveSession();
    await ctx.reply(
      step ? `${step.cancelled(ctx, dialogue)}\n${ctx.t('cancel.done')}` : ctx.t('cancel.done'),
    );
  });

  composer.use(async (ctx, next) => {
    let dialogue = ctx.session.dialogue;
    let step = stepOf(dialogue);
    if (!step) return next();
    const expiresAt = step.expiresAt(dialogue);
    if (expiresAt !== undefined && expiresAt <= now().toISOString()) {
      ctx.session.dialogue = { kind: 'idle' };
      await ctx.saveSession();
      if (ctx.chat) await ctx.reply(step.expired(ctx, dialogue));
      return next();
    }
    if (ctx.callbackQuery) {
      const data = 'data' in ctx.callbackQuery ? ctx.callbackQuery.data : '';
      if (step.callbacks.some((kind) => kind.parse(data) !== undefined)) return next();
      await next();
      // Another feature's button replaced the step: the user is told what became of it.
      if (ctx.session.dialogue !== dialogue) await leaveStep(ctx, step, dialogue, true);
      return;
    }
    const message = ctx.message;
    if (!message) return next();
    const incoming = incomingOf(message);
    if ('text' in message && message.text.startsWith('/')) {
      await leaveStep(ctx, step, dialogue, false);
      return next();
    }
    // An officer step refuses anyone else whatever they send, not only what it would take: a
    // former officer is never told to press Send on a preview the guard would refuse.
    if (step.officerOnly && !ctx.isOfficer) return refuseNonOfficer(ctx);
    if (incoming !== null && step.accepts(dialogue, ctx).includes(incoming)) {
      return step.onMessage ? step.onMessage(ctx, dialogue) : next();
    }
    if (incoming === 'text') {
      markQuestion(ctx);
      await next();
      dialogue = ctx.session.dialogue;
      step = stepOf(dialogue);
      if (step) await ctx.reply(step.pending(ctx, dialogue));
      return;
    }
    await ctx.reply(step.pending(ctx, dialogue));
  });

  return {
    composer,
    commands: [{ command: 'cancel', description: 'cmd.cancel', audience: 'everyone' }],
  };
}
