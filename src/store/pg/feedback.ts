import type pg from 'pg';
import {
  type FeedbackFile,
  type FeedbackRepository,
  feedbackFileSchema,
  feedbackReads,
  MAX_QUESTIONS,
} from '../feedback.ts';
import type { ChangeFeed } from './changes.ts';
import type { Queryable } from './db.ts';
import { checked, commit } from './write.ts';

/** The whole feedback document, oldest first (start-up, db:export). */
export async function readFeedback(db: Queryable): Promise<FeedbackFile> {
  const unanswered = await db.query<{ text: string; lang: 'vi' | 'en'; at: string }>(
    'SELECT text, lang, at FROM feedback_unanswered ORDER BY id',
  );
  const votes = await db.query<{
    entry_id: string;
    vote: 'up' | 'down';
    at: string;
    voter: string | null;
  }>('SELECT entry_id, vote, at, voter FROM feedback_votes ORDER BY id');
  return {
    unanswered: unanswered.rows,
    votes: votes.rows.map((row) => ({
      entryId: row.entry_id,
      vote: row.vote,
      at: row.at,
      ...(row.voter !== null && { voter: row.voter }),
    })),
  };
}

/** Appends a whole feedback document (db:import into an empty database). */
export async function insertFeedback(db: Queryable, data: FeedbackFile): Promise<void> {
  for (const question of data.unanswered) {
    await db.query('INSERT INTO feedback_unanswered (text, lang, at) VALUES ($1, $2, $3)', [
      question.text,
      question.lang,
      question.at,
    ]);
  }
  for (const vote of data.votes) await saveVote(db, vote);
}

type Vote = FeedbackFile['votes'][number];

/** A voter's new press replaces their earlier one on the same entry, in its place. */
async function saveVote(db: Queryable, vote: Vote): Promise<void> {
  const values = [vote.entryId, vote.vote, vote.at, vote.voter ?? null];
  if (vote.voter === undefined) {
    await db.query(
      'INSERT INTO feedback_votes (entry_id, vote, at, voter) VALUES ($1, $2, $3, $4)',
      values,
    );
    return;
  }
  await db.query(
    `INSERT INTO feedback_votes (entry_id, vote, at, voter) VALUES ($1, $2, $3, $4)
     ON CONFLICT (voter, entry_id) WHERE voter IS NOT NULL DO UPDATE SET vote = $2, at = $3`,
    values,
  );
}

/**
 * Feedback on PostgreSQL: the same grouping and ranking as the lowdb repository (the figures
 * are computed over the document in memory), each recorded question or vote one commit, after
 * which memory takes the same change; another instance's change is read again whole.
 */
export async function openPgFeedback(pool: pg.Pool, feed: ChangeFeed): Promise<FeedbackRepository> {
  const document = { data: await readFeedback(pool) };
  const reload = async () => {
    document.data = await readFeedback(pool);
  };
  feed.on('feedback', reload);
  feed.onResync(reload);
  return {
    ...feedbackReads(() => document.data),
    async recordUnanswered(question) {
      const kept = { ...question, text: question.text.slice(0, 1000) };
      checked('feedback', feedbackFileSchema, { unanswered: [kept], votes: [] });
      await commit(pool, async (client) => {
        await client.query('INSERT INTO feedback_unanswered (text, lang, at) VALUES ($1, $2, $3)', [
          kept.text,
          kept.lang,
          kept.at,
        ]);
        await client.query(
          `DELETE FROM feedback_unanswered WHERE id <= (
             SELECT id FROM feedback_unanswered ORDER BY id DESC OFFSET $1 LIMIT 1)`,
          [MAX_QUESTIONS],
        );
        await feed.publish(client, 'feedback', '');
      });
      const unanswered = [...document.data.unanswered, kept].slice(-MAX_QUESTIONS);
      document.data = { ...document.data, unanswered };
    },
    async recordVote(vote) {
      checked('feedback', feedbackFileSchema, { unanswered: [], votes: [vote] });
      await commit(pool, async (client) => {
        await saveVote(client, vote);
        await feed.publish(client, 'feedback', '');
      });
      const votes = [...document.data.votes];
      const earlier = vote.voter
        ? votes.findIndex((v) => v.voter === vote.voter && v.entryId === vote.entryId)
        : -1;
      if (earlier >= 0) votes[earlier] = vote;
      else votes.push(vote);
      document.data = { ...document.data, votes };
    },
  };
}
