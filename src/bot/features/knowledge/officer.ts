import { Composer } from 'telegraf';
import type { ValidationProblem } from '../../../knowledge/index.ts';
import type { LiveKnowledge } from '../../../knowledge/live.ts';
import type { FeedbackRepository } from '../../../store/index.ts';
import type { BotContext } from '../../context.ts';
import { escapeHtml } from '../../html.ts';
import { officerOnly } from '../../officerGuard.ts';

const UNANSWERED_LIMIT = 30;
/** The knowledge feature's officer commands, all behind the one officer guard. */
export const KNOWLEDGE_OFFICER_COMMANDS = ['unanswered', 'reload'] as const;

/**
 * Officer tools for the knowledge base: what users asked that it could not answer, which
 * answers they disliked, and /reload after editing the files: an officer-only sub-composer,
 * checked against OFFICER_IDS on every call.
 */
export function knowledgeOfficerComposer(
  knowledge: LiveKnowledge,
  feedback: FeedbackRepository,
  reloadOthers: () => Promise<ValidationProblem[]>,
) {
  const composer = new Composer<BotContext>();
  composer.command('unanswered', async (ctx) => {
    const questions = feedback.unanswered(UNANSWERED_LIMIT);
    const disliked = feedback.disliked(10);
    const parts: string[] = [];
    parts.push(
      questions.length === 0
        ? ctx.t('kb.unansweredEmpty')
        : [
            ctx.t('kb.unansweredTitle', { limit: UNANSWERED_LIMIT }),
            ...questions.map(
              (q) =>
                `• ${escapeHtml(q.text)}${q.count > 1 ? ` ×${q.count}` : ''} <i>(${q.lang})</i>`,
            ),
          ].join('\n'),
    );
    if (disliked.length > 0) {
      const title = (id: string) => knowledge.current.getEntry(id)?.title[ctx.lang] ?? id;
      parts.push(
        [
          ctx.t('kb.dislikedTitle'),
          ...disliked.map((v) => `• ${escapeHtml(title(v.entryId))} — 👎 ${v.down} / 👍 ${v.up}`),
        ].join('\n'),
      );
    }
    await ctx.reply(parts.join('\n\n'));
  });

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

  return officerOnly({ commands: [...KNOWLEDGE_OFFICER_COMMANDS], callbacks: [] }, composer);
}
