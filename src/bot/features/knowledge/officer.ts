import { Composer } from 'telegraf';
import type { ValidationProblem } from '../../../knowledge/index.ts';
import type { LiveKnowledge } from '../../../knowledge/live.ts';
import type { FeedbackRepository } from '../../../store/index.ts';
import type { BotContext } from '../../context.ts';
import { escapeHtml } from '../../html.ts';
import { officerOnly } from '../../officerGuard.ts';

const DISLIKED_LIMIT = 10;
/** The knowledge feature's officer commands, all behind the one officer guard. */
export const KNOWLEDGE_OFFICER_COMMANDS = ['unanswered', 'reload'] as const;

/**
 * The answers users rated 👎, for the officers' /unanswered. The desk owns that command (its list
 * has the Answer buttons) and is mounted first, so it sends this section too: a second handler
 * here would never run. Null when nothing was disliked.
 */
export function dislikedSection(
  ctx: BotContext,
  knowledge: LiveKnowledge,
  feedback: FeedbackRepository,
): string | null {
  const disliked = feedback.disliked(DISLIKED_LIMIT);
  if (disliked.length === 0) return null;
  const title = (id: string) => knowledge.current.getEntry(id)?.title[ctx.lang] ?? id;
  return [
    ctx.t('kb.dislikedTitle'),
    ...disliked.map((v) => `• ${escapeHtml(title(v.entryId))} — 👎 ${v.down} / 👍 ${v.up}`),
  ].join('\n');
}

/**
 * Officer tools for the knowledge base: /reload after editing the files, and the guard on
 * /unanswered (answered by the desk with {@link dislikedSection}): an officer-only sub-composer,
 * checked against OFFICER_IDS on every call.
 */
export function knowledgeOfficerComposer(
  knowledge: LiveKnowledge,
  reloadOthers: () => Promise<ValidationProblem[]>,
) {
  const composer = new Composer<BotContext>();
  composer.command('reload', async (ctx) => {
    const result = await knowledge.reload();
    const problems = [...(result.ok ? [] : result.problems), ...(await reloadOthers())];
    if (problems.length === 0 && result.ok) {
      await ctx.reply(ctx.t('kb.reloaded', { count: result.entries }));
      return;
    }
    const lines = problems
      .slice(0, 20)
      .map(
        (p) =>
          `• <code>${escapeHtml(p.file)}</code>${p.field ? ` <code>${escapeHtml(p.field)}</code>` : ''}: ${escapeHtml(p.message)}`,
      );
    await ctx.reply([ctx.t('kb.reloadFailed'), ...lines].join('\n'));
  });

  return officerOnly({ commands: [...KNOWLEDGE_OFFICER_COMMANDS] }, composer);
}
