import type { FaqDraft } from '../../../store/index.ts';
import { DESK_FAQ } from '../../callbackData.ts';
import { languageOfUser, translator } from '../../i18n/index.ts';
import { callbackButton } from '../../keyboard.ts';
import { officerName } from './assign.ts';
import { checkEntry, type EntryTarget, OFFICER_ANSWERS_FILE, publishTarget } from './entryFile.ts';
import type { DeskEnv } from './env.ts';
import { groupLang } from './topics.ts';

/**
 * The one knowledge-draft flow behind both surfaces: a draft written in Telegram (an officers'
 * answer) or proposed in the dashboard (any entry), kept in the desk's store, shown for review in
 * both, approved or rejected there by a second officer, then checked and published live.
 */

export type DraftDecision =
  | { ok: true; state: 'approved' | 'rejected'; title: string }
  | { ok: false; reason: 'settled' }
  | { ok: false; reason: 'sameOfficer' }
  | { ok: false; reason: 'invalid'; field: string; message: string };

const isoDate = (date: Date) => date.toISOString().slice(0, 10);

function text(value: unknown, lang: 'vi' | 'en'): string {
  if (value && typeof value === 'object' && lang in value) {
    const found: unknown = Object.getOwnPropertyDescriptor(value, lang)?.value;
    if (typeof found === 'string') return found;
    if (Array.isArray(found)) return found.filter((item) => typeof item === 'string').join('\n');
  }
  return '';
}

/** Where the draft goes once approved: its own entry, or a new officers' answer. */
export function draftTarget(env: DeskEnv, draft: FaqDraft): EntryTarget {
  if (draft.entry && draft.file) {
    return { file: draft.file, replaces: draft.replaces ?? null, entry: draft.entry };
  }
  const vi = draft.vi ?? '';
  const title = [...(draft.questions[0] ?? vi)].slice(0, 80).join('');
  const id = `oa-${draft.id}`;
  const entry = {
    id,
    topic: draft.topic ?? OFFICER_ANSWERS_FILE,
    audience: 'all',
    title: { vi: title, en: title },
    questions: { vi: draft.questions, en: draft.questions },
    answer: { vi, en: draft.en ?? vi },
    source: {
      kind: 'officer',
      officer: officerName(env, draft.officerId),
      date: isoDate(env.now()),
      ...(draft.en === undefined ? { needsTranslation: true } : {}),
    },
    related: [],
  };
  return { file: OFFICER_ANSWERS_FILE, replaces: id, entry };
}

/** What a reviewer reads: the questions and both answers, whichever surface wrote the draft. */
export function draftSummary(env: DeskEnv, draft: FaqDraft) {
  const { entry } = draftTarget(env, draft);
  return {
    title: text(entry.title, 'vi'),
    questions: draft.entry ? text(entry.questions, 'vi').split('\n') : draft.questions,
    vi: text(entry.answer, 'vi'),
    en: draft.entry || draft.en !== undefined ? text(entry.answer, 'en') : undefined,
  };
}

/** Asks the other officers (the group, else each in private) to approve or reject the draft. */
export async function announceDraft(env: DeskEnv, draft: FaqDraft): Promise<void> {
  const group = env.config.OFFICER_CHAT_ID;
  const chats =
    group !== undefined ? [group] : env.config.OFFICER_IDS.filter((id) => id !== draft.officerId);
  const summary = draftSummary(env, draft);
  for (const chat of chats) {
    const lang =
      chat === group
        ? groupLang(env)
        : languageOfUser(env.users.get(chat), env.config.DEFAULT_LANG);
    const t = translator(lang);
    await env.telegram
      .sendMessage(
        chat,
        t('desk.faq.review', {
          officer: officerName(env, draft.officerId),
          questions: summary.questions.map((q) => `• ${q}`).join('\n'),
          vi: summary.vi,
          en: summary.en ?? t('desk.faq.noEnglish'),
        }),
        {
          reply_markup: {
            inline_keyboard: [
              [
                callbackButton(t('desk.btn.approve'), DESK_FAQ.build('y', draft.id)),
                callbackButton(t('desk.btn.reject'), DESK_FAQ.build('n', draft.id)),
              ],
            ],
          },
        },
      )
      .catch(() => undefined);
  }
}

/**
 * Proposes a whole entry (from the dashboard): checked as `kb validate` checks it, kept as a
 * pending draft (durable in the desk's store) and announced for review. `id` lets a retried
 * request find the draft it already made.
 */
export async function proposeEntry(
  env: DeskEnv,
  author: number,
  target: EntryTarget,
  id: string,
): Promise<{ ok: true; draft: FaqDraft } | { ok: false; field: string; message: string }> {
  const existing = env.deskStore.draft(id);
  if (existing?.officerId === author) return { ok: true, draft: existing };
  const checked = await checkEntry(env.knowledge, target);
  if (!checked.ok) return checked;
  const draft: FaqDraft = {
    id,
    officerId: author,
    questions: [],
    state: 'pending',
    createdAt: env.now().toISOString(),
    file: target.file,
    replaces: target.replaces,
    entry: target.entry,
  };
  await env.deskStore.saveDraft(draft);
  await announceDraft(env, draft);
  return { ok: true, draft };
}

/**
 * A second officer approves (the entry is checked again against the files as they are now,
 * written and live at once) or rejects a pending draft. The author can do neither.
 */
export async function decideDraft(
  env: DeskEnv,
  officerId: number,
  id: string,
  approve: boolean,
): Promise<DraftDecision> {
  const draft = env.deskStore.draft(id);
  if (draft?.state !== 'pending') return { ok: false, reason: 'settled' };
  if (draft.officerId === officerId) return { ok: false, reason: 'sameOfficer' };
  const target = draftTarget(env, draft);
  const title = text(target.entry.title, 'vi');
  if (!approve) {
    await env.deskStore.saveDraft({ ...draft, state: 'rejected', approvedBy: officerId });
    return { ok: true, state: 'rejected', title };
  }
  const published = await publishTarget(env.knowledge, target, env.layer);
  if (!published.ok) {
    return { ok: false, reason: 'invalid', field: published.field, message: published.message };
  }
  const entryId = typeof target.entry.id === 'string' ? target.entry.id : undefined;
  await env.deskStore.saveDraft({
    ...draft,
    state: 'approved',
    approvedBy: officerId,
    ...(entryId === undefined ? {} : { entryId }),
  });
  return { ok: true, state: 'approved', title };
}
