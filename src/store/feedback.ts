import { z } from 'zod';
import type { KeyedRecords } from './journaled.ts';
import { newId } from './notices.ts';
import type { ShardedSpec } from './sharded.ts';

/** Unanswered questions kept; the oldest beyond this are dropped. */
export const MAX_QUESTIONS = 5000;

const unansweredSchema = z.object({
  /** The question as typed; never stored with who asked it. */
  text: z.string().max(1000),
  lang: z.enum(['vi', 'en']),
  at: z.string(),
});
const voteSchema = z.object({
  entryId: z.string(),
  vote: z.enum(['up', 'down']),
  at: z.string(),
  /** A keyed hash of who voted (never the id itself), so one user's presses count once. */
  voter: z.string().optional(),
});

/** The one-document layout before feedback was journaled (read only by the migration). */
export const feedbackFileSchema = z.object({
  unanswered: z.array(unansweredSchema),
  votes: z.array(voteSchema),
});
export type FeedbackFile = z.infer<typeof feedbackFileSchema>;
export type UnansweredQuestion = z.infer<typeof unansweredSchema>;
export type Vote = z.infer<typeof voteSchema>;

/**
 * One stored piece of feedback. `seq` keeps the order things happened in (the shards are
 * unordered); a vote that replaces the same voter's earlier one keeps the earlier one's place.
 */
export const feedbackRecordSchema = z.discriminatedUnion('kind', [
  unansweredSchema.extend({ kind: z.literal('question'), seq: z.number().int().nonnegative() }),
  voteSchema.extend({ kind: z.literal('vote'), seq: z.number().int().nonnegative() }),
]);
export type FeedbackRecord = z.infer<typeof feedbackRecordSchema>;

/**
 * Feedback is journaled like the profiles: a question or a vote appends one line instead of
 * rewriting every kept question (up to 5,000) and every vote.
 */
export const feedbackSpec: ShardedSpec<FeedbackRecord> = {
  name: 'feedback',
  version: 1,
  recordSchema: feedbackRecordSchema,
  shards: 16,
  journal: true,
};

export const questionKey = (seq: number) => `q${String(seq).padStart(10, '0')}`;
/** A voter's vote on an entry has one key, so pressing again replaces it. */
export const voteKey = (vote: Vote) =>
  vote.voter ? `v:${vote.voter}:${vote.entryId}` : `v~${newId()}`;

export interface EntryVotes {
  entryId: string;
  up: number;
  down: number;
}

/** What users thought of the answers, so officers know which entries to add or fix. */
export interface FeedbackRepository {
  recordUnanswered(question: UnansweredQuestion): Promise<void>;
  recordVote(vote: z.infer<typeof voteSchema>): Promise<void>;
  /** Most recent first, the same question (ignoring case and spacing) counted once. */
  unanswered(limit: number): { text: string; lang: 'vi' | 'en'; count: number; lastAt: string }[];
  /** When each kept unanswered question was asked (ISO times), for figures per week. */
  unansweredTimes(): string[];
  /** Entries with at least one 👎, worst first. */
  disliked(limit: number): EntryVotes[];
}

type Question = Extract<FeedbackRecord, { kind: 'question' }>;
type StoredVote = Extract<FeedbackRecord, { kind: 'vote' }>;

/**
 * Feedback from its journaled collection. The kept questions are listed in order (oldest
 * first) once at start and then kept on every committed write, so neither a question nor the
 * trimming of the oldest scans the collection.
 */
export function createFeedbackRepository(
  records: KeyedRecords<FeedbackRecord>,
): FeedbackRepository {
  const questions: string[] = [];
  let nextSeq = 0;
  for (const [key, record] of records.entries()) {
    nextSeq = Math.max(nextSeq, record.seq + 1);
    if (record.kind === 'question') questions.push(key);
  }
  questions.sort();
  records.onCommit((key, before, after) => {
    if (after?.kind === 'question' && before === undefined) questions.push(key);
    if (before?.kind === 'question' && after === undefined) {
      const at = questions.indexOf(key);
      if (at >= 0) questions.splice(at, 1);
    }
  });
  const question = (key: string) => records.get(key) as Question | undefined;
  const votes = () =>
    [...records.values()]
      .filter((record): record is StoredVote => record.kind === 'vote')
      .sort((a, b) => a.seq - b.seq);

  return {
    async recordUnanswered(input) {
      const seq = nextSeq;
      nextSeq += 1;
      const text = input.text.slice(0, 1000);
      const writes = [records.put(questionKey(seq), { kind: 'question', seq, ...input, text })];
      // The oldest go in the same batch as the newest: the journal line holds both.
      const over = questions.length + 1 - MAX_QUESTIONS;
      for (const key of questions.slice(0, Math.max(0, over))) writes.push(records.remove(key));
      await Promise.all(writes);
    },
    async recordVote(vote) {
      const key = voteKey(vote);
      const earlier = records.get(key);
      const seq = earlier?.seq ?? nextSeq;
      if (!earlier) nextSeq += 1;
      await records.put(key, { kind: 'vote', ...vote, seq });
    },
    unanswered(limit) {
      const groups = new Map<
        string,
        { text: string; lang: 'vi' | 'en'; count: number; lastAt: string }
      >();
      for (let i = questions.length - 1; i >= 0; i -= 1) {
        const stored = question(questions[i] as string);
        if (!stored) continue;
        const key = stored.text.trim().toLowerCase().replace(/\s+/g, ' ');
        const group = groups.get(key);
        if (group) group.count += 1;
        else groups.set(key, { text: stored.text, lang: stored.lang, count: 1, lastAt: stored.at });
      }
      return [...groups.values()].slice(0, limit);
    },
    unansweredTimes: () => questions.flatMap((key) => question(key)?.at ?? []),
    disliked: (limit) => worstEntries(votes(), limit),
  };
}

/** The figures over a feedback document in its one-document shape (the PostgreSQL backend's copy). */
export function feedbackReads(
  data: () => FeedbackFile,
): Pick<FeedbackRepository, 'unanswered' | 'unansweredTimes' | 'disliked'> {
  return {
    unanswered(limit) {
      const groups = new Map<
        string,
        { text: string; lang: 'vi' | 'en'; count: number; lastAt: string }
      >();
      for (const question of [...data().unanswered].reverse()) {
        const key = question.text.trim().toLowerCase().replace(/\s+/g, ' ');
        const group = groups.get(key);
        if (group) group.count += 1;
        else
          groups.set(key, {
            text: question.text,
            lang: question.lang,
            count: 1,
            lastAt: question.at,
          });
      }
      return [...groups.values()].slice(0, limit);
    },
    unansweredTimes: () => data().unanswered.map((question) => question.at),
    disliked: (limit) => worstEntries(data().votes, limit),
  };
}

/** Entries with at least one 👎, worst first: one ranking for both backends. */
function worstEntries(votes: Iterable<Vote>, limit: number): EntryVotes[] {
  const byEntry = new Map<string, EntryVotes>();
  for (const { entryId, vote } of votes) {
    const counted = byEntry.get(entryId) ?? { entryId, up: 0, down: 0 };
    counted[vote] += 1;
    byEntry.set(entryId, counted);
  }
  return [...byEntry.values()]
    .filter((counted) => counted.down > 0)
    .sort((a, b) => b.down - b.up - (a.down - a.up))
    .slice(0, limit);
}
