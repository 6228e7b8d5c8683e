import { createHash, randomBytes } from 'node:crypto';
import { Composer } from 'telegraf';
import { tokenize } from '../../../knowledge/normalize.ts';
import type { FaqDraft } from '../../../store/index.ts';
import { DESK_FAQ, DESK_FAQ_TOPIC, narrow, onCallback } from '../../callbackData.ts';
import type { BotContext } from '../../context.ts';
import { defineStep } from '../../dialogueStep.ts';
import { escapeHtml } from '../../html.ts';
import { callbackButton, rows } from '../../keyboard.ts';
import { dislikedSection } from '../knowledge/officer.ts';
import { announceDraft, decideDraft } from './drafts.ts';
import type { DeskEnv } from './env.ts';
import type { DeskFaqDialogue } from './faqDialogue.ts';

const ANSWER_LIMIT = 1500;
const GROUP_LIMIT = 15;

export interface QuestionGroup {
  key: string;
  texts: string[];
  count: number;
  lastAt: string;
}

const tokenSet = (text: string) => new Set(tokenize(text));
const similar = (a: Set<string>, b: Set<string>) => {
  const shared = [...a].filter((token) => b.has(token)).length;
  const union = new Set([...a, ...b]).size;
  return union > 0 && shared / union >= 0.5;
};

/**
 * Unanswered questions grouped by similar wording (accents, case and spelling folded, half of
 * the words shared), with how often each group was asked, newest first. No Telegram.
 */
export function groupQuestions(
  items: readonly { text: string; count: number; lastAt: string }[],
): QuestionGroup[] {
  const groups: (QuestionGroup & { tokens: Set<string> })[] = [];
  for (const item of [...items].sort((a, b) => b.lastAt.localeCompare(a.lastAt))) {
    const tokens = tokenSet(item.text);
    const group = groups.find((candidate) => similar(candidate.tokens, tokens));
    if (group) {
      group.texts.push(item.text);
      group.count += item.count;
      continue;
    }
    const key = createHash('sha1').update(item.text).digest('hex').slice(0, 8);
    groups.push({ key, texts: [item.text], count: item.count, lastAt: item.lastAt, tokens });
  }
  return groups.map(({ tokens: _tokens, ...group }) => group);
}

const unansweredGroups = (env: DeskEnv) =>
  groupQuestions(env.feedback.unanswered(200)).slice(0, GROUP_LIMIT);

async function prompt(ctx: BotContext, draft: FaqDraft, stage: DeskFaqDialogue['stage']) {
  ctx.session.dialogue = { kind: 'desk_faq', draftId: draft.id, stage };
  await ctx.saveSession();
  if (stage === 'vi') return ctx.reply(ctx.t('desk.faq.askVi'));
  if (stage === 'en') {
    return ctx.reply(ctx.t('desk.faq.askEn'), {
      reply_markup: {
        inline_keyboard: [
          [callbackButton(ctx.t('desk.btn.needsTranslation'), DESK_FAQ.build('x', draft.id))],
        ],
      },
    });
  }
  return undefined;
}

async function askTopic(env: DeskEnv, ctx: BotContext, draft: FaqDraft) {
  ctx.session.dialogue = { kind: 'desk_faq', draftId: draft.id, stage: 'topic' };
  await ctx.saveSession();
  const buttons = env.knowledge.current.topics.map((topic, index) =>
    callbackButton(topic.title[ctx.lang], DESK_FAQ_TOPIC.build(draft.id, index)),
  );
  await ctx.reply(ctx.t('desk.faq.askTopic'), {
    reply_markup: { inline_keyboard: rows(buttons, 2) },
  });
}

/** Starts a draft: from an /unanswered group, or from a reply already sent ("Save as FAQ"). */
export async function startDraft(
  env: DeskEnv,
  ctx: BotContext,
  questions: string[],
  answer?: string,
): Promise<void> {
  const draft: FaqDraft = {
    id: randomBytes(4).toString('hex'),
    officerId: ctx.profile.id,
    questions,
    ...(answer === undefined ? {} : { vi: answer }),
    state: 'writing',
    createdAt: env.now().toISOString(),
  };
  await env.deskStore.saveDraft(draft);
  if (questions.length > 0) {
    await ctx.reply(
      ctx.t('desk.faq.questions', { questions: questions.map((q) => `• ${q}`).join('\n') }),
    );
  }
  await prompt(ctx, draft, answer === undefined ? 'vi' : 'en');
}

/** Sends the draft to the other officers for approval; the author cannot approve it. */
async function submitDraft(env: DeskEnv, ctx: BotContext, draft: FaqDraft) {
  if (draft.questions.length === 0) {
    await ctx.reply(ctx.t('desk.faq.needQuestion'));
    return;
  }
  const pending: FaqDraft = { ...draft, state: 'pending' };
  await env.deskStore.saveDraft(pending);
  ctx.session.dialogue = { kind: 'idle' };
  await ctx.saveSession();
  await ctx.reply(ctx.t('desk.faq.submitted'));
  await announceDraft(env, pending);
}

/**
 * /unanswered with an Answer button per group and the answers rated 👎, the drafting buttons, and
 * the approval.
 */
export function faqComposer(env: DeskEnv): Composer<BotContext> {
  const composer = new Composer<BotContext>();

  composer.command('unanswered', async (ctx) => {
    const groups = unansweredGroups(env);
    const disliked = dislikedSection(ctx, env.knowledge, env.feedback);
    const withDisliked = (list: string) => (disliked ? `${list}\n\n${disliked}` : list);
    if (groups.length === 0) return ctx.reply(withDisliked(ctx.t('kb.unansweredEmpty')));
    const lines = groups.map(
      (group, index) =>
        `${index + 1}. ${escapeHtml(group.texts[0] ?? '')} <b>×${group.count}</b>${
          group.texts.length > 1
            ? ` ${ctx.t('desk.faq.similar', { count: group.texts.length - 1 })}`
            : ''
        }`,
    );
    const buttons = groups.map((group, index) =>
      callbackButton(ctx.t('desk.btn.answer', { n: index + 1 }), DESK_FAQ.build('a', group.key)),
    );
    await ctx.reply(withDisliked([ctx.t('desk.faq.unansweredTitle'), ...lines].join('\n')), {
      reply_markup: { inline_keyboard: rows(buttons, 3) },
    });
  });

  onCallback(composer, narrow(DESK_FAQ, 'a'), async (ctx, _verb, key) => {
    await ctx.answerCbQuery();
    const group = unansweredGroups(env).find((candidate) => candidate.key === key);
    if (!group) return ctx.reply(ctx.t('error.staleButton'));
    await startDraft(env, ctx, group.texts);
  });

  onCallback(composer, narrow(DESK_FAQ, 's'), async (ctx, _verb, relayId) => {
    await ctx.answerCbQuery();
    const relay = env.deskStore.relay(relayId);
    if (relay?.state !== 'sent' || relay.kind !== 'text') {
      return ctx.reply(ctx.t('error.staleButton'));
    }
    await startDraft(env, ctx, [], relay.text);
  });

  const own = (ctx: BotContext, id: string): FaqDraft | undefined => {
    const dialogue = ctx.session.dialogue;
    const draft = env.deskStore.draft(id);
    return dialogue.kind === 'desk_faq' && dialogue.draftId === id && draft?.state === 'writing'
      ? draft
      : undefined;
  };

  onCallback(composer, narrow(DESK_FAQ, 'x'), async (ctx, _verb, draftId) => {
    await ctx.answerCbQuery();
    const draft = own(ctx, draftId);
    if (!draft) return ctx.reply(ctx.t('error.staleButton'));
    await askTopic(env, ctx, draft);
  });

  onCallback(composer, DESK_FAQ_TOPIC, async (ctx, draftId, topicIndex) => {
    await ctx.answerCbQuery();
    const draft = own(ctx, draftId);
    const topic = env.knowledge.current.topics[topicIndex];
    if (!draft || !topic) return ctx.reply(ctx.t('error.staleButton'));
    const updated = { ...draft, topic: topic.topic };
    await env.deskStore.saveDraft(updated);
    ctx.session.dialogue = { kind: 'desk_faq', draftId: draft.id, stage: 'phrasings' };
    await ctx.saveSession();
    await ctx.reply(ctx.t('desk.faq.askPhrasings'), {
      reply_markup: {
        inline_keyboard: [
          [callbackButton(ctx.t('desk.btn.submitDraft'), DESK_FAQ.build('d', draft.id))],
        ],
      },
    });
  });

  onCallback(composer, narrow(DESK_FAQ, 'd'), async (ctx, _verb, draftId) => {
    await ctx.answerCbQuery();
    const draft = own(ctx, draftId);
    if (!draft) return ctx.reply(ctx.t('error.staleButton'));
    await submitDraft(env, ctx, draft);
  });

  onCallback(composer, narrow(DESK_FAQ, 'y', 'n'), async (ctx, verb, draftId) => {
    // The same decision as the dashboard's Approve: one flow, whichever surface wrote the draft.
    const decision = await decideDraft(env, ctx.profile.id, draftId, verb === 'y');
    if (!decision.ok && decision.reason !== 'invalid') {
      const key = decision.reason === 'settled' ? 'desk.faq.settled' : 'desk.faq.secondOfficer';
      await ctx.answerCbQuery(ctx.t(key), { show_alert: true });
      return;
    }
    await ctx.answerCbQuery();
    await ctx.editMessageReplyMarkup(undefined).catch(() => undefined);
    if (!decision.ok) {
      const problem = `• ${escapeHtml(decision.field)} ${escapeHtml(decision.message)}`;
      return ctx.reply([ctx.t('desk.faq.invalid'), problem].join('\n'));
    }
    if (decision.state === 'rejected') return ctx.reply(ctx.t('desk.faq.rejected'));
    await ctx.reply(ctx.t('desk.faq.live', { title: decision.title }));
  });

  return composer;
}

/** The writing step: Vietnamese answer, then English, then (after the topic) more phrasings. */
export const faqSteps = (env: DeskEnv) => [
  defineStep({
    kind: 'desk_faq',
    audience: 'officer',
    accepts: (dialogue) => (dialogue.stage === 'topic' ? [] : ['text']),
    callbacks: [DESK_FAQ, DESK_FAQ_TOPIC],
    leave: 'end',
    left: (ctx) => ctx.t('desk.faq.left'),
    pending: (ctx) => ctx.t('desk.faq.pending'),
    async onMessage(ctx, dialogue) {
      const draft = env.deskStore.draft(dialogue.draftId);
      const text = ctx.message && 'text' in ctx.message ? ctx.message.text.trim() : '';
      if (draft?.state !== 'writing' || !text) return;
      if (text.length > ANSWER_LIMIT) {
        return ctx.reply(ctx.t('tickets.tooLong', { limit: ANSWER_LIMIT, length: text.length }));
      }
      if (dialogue.stage === 'vi') {
        const updated = { ...draft, vi: text };
        await env.deskStore.saveDraft(updated);
        return prompt(ctx, updated, 'en');
      }
      if (dialogue.stage === 'en') {
        const updated = { ...draft, en: text };
        await env.deskStore.saveDraft(updated);
        return askTopic(env, ctx, updated);
      }
      const phrasings = text
        .split('\n')
        .map((line) => line.trim())
        .filter(Boolean);
      const updated = { ...draft, questions: [...draft.questions, ...phrasings] };
      await env.deskStore.saveDraft(updated);
      await submitDraft(env, ctx, updated);
    },
  }),
];
