import { z } from 'zod';
import type { Collection } from './collection.ts';

const MAX_QUESTIONS = 5000;

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

export const feedbackFileSchema = z.object({
  unanswered: z.array(unansweredSchema),
  votes: z.array(voteSchema),
});
export type FeedbackFile = z.infer<typeof feedbackFileSchema>;
export type UnansweredQuestion = z.infer<typeof unansweredSchema>;

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

export const emptyFeedback = (): FeedbackFile => ({ unanswered: [], votes: [] });

export function createFeedbackRepository(collection: Collection<FeedbackFile>): FeedbackRepository {
  return {
    recordUnanswered: (question) =>
      collection.update((data) => {
        data.unanswered.push({ ...question, text: question.text.slice(0, 1000) });
        if (data.unanswered.length > MAX_QUESTIONS)
          data.unanswered.splice(0, data.unanswered.length - MAX_QUESTIONS);
      }),
    recordVote: (vote) =>
      collection.update((data) => {
        const earlier = vote.voter
          ? data.votes.findIndex((v) => v.voter === vote.voter && v.entryId === vote.entryId)
          : -1;
        if (earlier >= 0) data.votes[earlier] = vote;
        else data.votes.push(vote);
      }),
    unanswered(limit) {
      const groups = new Map<
        string,
        { text: string; lang: 'vi' | 'en'; count: number; lastAt: string }
      >();
      for (const question of [...collection.data.unanswered].reverse()) {
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
    unansweredTimes: () => collection.data.unanswered.map((question) => question.at),
    disliked(limit) {
      const byEntry = new Map<string, EntryVotes>();
      for (const { entryId, vote } of collection.data.votes) {
        const votes = byEntry.get(entryId) ?? { entryId, up: 0, down: 0 };
        votes[vote] += 1;
        byEntry.set(entryId, votes);
      }
      return [...byEntry.values()]
        .filter((votes) => votes.down > 0)
        .sort((a, b) => b.down - b.up - (a.down - a.up))
        .slice(0, limit);
    },
  };
}
