import { Composer } from 'telegraf';
import { MENU, narrow, onCallback } from '../callbackData.ts';
import { type BotContext, type CommandSpec, visibleTo } from '../context.ts';
import { escapeHtml } from '../html.ts';
import type { Feature, FeatureDeps, FeatureParts } from './feature.ts';

/** /help lists the commands this user may use; officers also get theirs, under a heading. */
export const helpFeature: Feature<HelpDeps> = { name: 'help', create: helpParts };

type HelpDeps = { features: Pick<FeatureDeps['features'], 'commands'> };

function helpParts({ features }: HelpDeps): FeatureParts {
  const composer = new Composer<BotContext>();
  const show = (ctx: BotContext) => {
    const line = (spec: CommandSpec) => `/${spec.command} — ${escapeHtml(ctx.t(spec.description))}`;
    const all = features.commands();
    const mine = all.filter((spec) => spec.audience !== 'officer' && visibleTo(ctx, spec.audience));
    const sections = [ctx.t('help.title'), mine.map(line).join('\n')];
    if (ctx.isOfficer) {
      const officer = all.filter((spec) => spec.audience === 'officer');
      if (officer.length > 0)
        sections.push(ctx.t('help.officerTitle'), officer.map(line).join('\n'));
    }
    sections.push(ctx.t('help.footer'));
    return ctx.reply(sections.join('\n\n'));
  };
  composer.help(show);
  onCallback(composer, narrow(MENU, 'help'), async (ctx) => {
    await ctx.answerCbQuery();
    await show(ctx);
  });
  return {
    composer,
    commands: [{ command: 'help', description: 'cmd.help', audience: 'everyone' }],
    menu: [{ label: 'menu.help', data: MENU.build('help'), audience: 'everyone' }],
  };
}
