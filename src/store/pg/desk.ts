import type pg from 'pg';
import {
  type DeskFile,
  type DeskRepository,
  type FaqDraft,
  faqDraftSchema,
  type Relay,
  relaySchema,
  type TopicRecord,
  topicSchema,
} from '../desk.ts';
import type { ChangeFeed } from './changes.ts';
import type { Queryable } from './db.ts';
import { Turns } from './turns.ts';
import { checked, commit } from './write.ts';

/** How many settled relays are kept (for the Undo and Save-as-FAQ buttons), as with lowdb. */
const KEEP_SETTLED = 500;

interface TopicRow {
  code: string;
  thread_id: number;
  name: string;
  closed: boolean;
  card_message_id: number | null;
}

const topicFromRow = (row: TopicRow): TopicRecord => ({
  threadId: row.thread_id,
  name: row.name,
  closed: row.closed,
  ...(row.card_message_id !== null && { cardMessageId: row.card_message_id }),
});

/** The whole desk in the lowdb document's shape (start-up, db:export). */
export async function readDesk(db: Queryable): Promise<DeskFile> {
  const desk: DeskFile = { topics: {}, relays: {}, targetMarks: {}, drafts: {} };
  const topics = await db.query<TopicRow>('SELECT * FROM desk_topics ORDER BY code');
  for (const row of topics.rows) desk.topics[row.code] = topicFromRow(row);
  const relays = await db.query<{ data: Relay }>('SELECT data FROM desk_relays ORDER BY ordinal');
  for (const { data } of relays.rows) desk.relays[data.id] = data;
  const marks = await db.query<{ code: string; mark: string }>(
    'SELECT code, mark FROM desk_marks ORDER BY ordinal',
  );
  for (const { code, mark } of marks.rows)
    desk.targetMarks[code] = [...(desk.targetMarks[code] ?? []), mark];
  const drafts = await db.query<{ data: FaqDraft }>(
    'SELECT data FROM desk_drafts ORDER BY ordinal',
  );
  for (const { data } of drafts.rows) desk.drafts[data.id] = data;
  return desk;
}

export async function saveTopic(db: Queryable, code: string, topic: TopicRecord): Promise<void> {
  await db.query(
    `INSERT INTO desk_topics (code, thread_id, name, closed, card_message_id)
     VALUES ($1, $2, $3, $4, $5)
     ON CONFLICT (code) DO UPDATE SET thread_id = $2, name = $3, closed = $4, card_message_id = $5`,
    [code, topic.threadId, topic.name, topic.closed, topic.cardMessageId ?? null],
  );
}

export async function saveRelay(db: Queryable, relay: Relay): Promise<void> {
  await db.query(
    `INSERT INTO desk_relays (id, state, due_at, data) VALUES ($1, $2, $3, $4)
     ON CONFLICT (id) DO UPDATE SET state = $2, due_at = $3, data = $4`,
    [relay.id, relay.state, relay.dueAt, JSON.stringify(relay)],
  );
}

export async function saveDraft(db: Queryable, draft: FaqDraft): Promise<void> {
  await db.query(
    `INSERT INTO desk_drafts (id, data) VALUES ($1, $2) ON CONFLICT (id) DO UPDATE SET data = $2`,
    [draft.id, JSON.stringify(draft)],
  );
}

export async function saveMark(db: Queryable, code: string, mark: string): Promise<void> {
  await db.query('INSERT INTO desk_marks (code, mark) VALUES ($1, $2) ON CONFLICT DO NOTHING', [
    code,
    mark,
  ]);
}

/**
 * The officers' desk on PostgreSQL. Settling a relay is one conditional UPDATE, so of two
 * instances pressing Undo and sending at once only one finds it still pending.
 */
export async function openPgDesk(pool: pg.Pool, feed: ChangeFeed): Promise<DeskRepository> {
  let desk = await readDesk(pool);
  let byThread = new Map<number, string>();
  const rebuild = () => {
    byThread = new Map(Object.entries(desk.topics).map(([code, t]) => [t.threadId, code]));
  };
  rebuild();
  const reloadAll = async () => {
    desk = await readDesk(pool);
    rebuild();
  };
  feed.on('desk', reloadAll);
  feed.onResync(reloadAll);
  const turns = new Turns();
  const write = (work: (client: pg.PoolClient) => Promise<void>) =>
    commit(pool, async (client) => {
      await work(client);
      await feed.publish(client, 'desk', '');
    });

  return {
    topicOf: (code) => desk.topics[code],
    codeOfThread: (threadId) => byThread.get(threadId),
    async setTopic(code, topic) {
      const valid = checked('desk_topics', topicSchema, topic);
      await write((client) => saveTopic(client, code, valid));
      desk.topics[code] = valid;
      byThread.set(valid.threadId, code);
    },
    async addRelay(relay) {
      const valid = checked('desk_relays', relaySchema, relay);
      await write((client) => saveRelay(client, valid));
      desk.relays[valid.id] = valid;
    },
    relay: (id) => desk.relays[id],
    settle: (id, from, to, noticeMessageId) =>
      turns.run(id, async () => {
        let settled: Relay | undefined;
        await write(async (client) => {
          const notice = noticeMessageId === undefined ? {} : { noticeMessageId };
          const { rows } = await client.query<{ data: Relay }>(
            `UPDATE desk_relays SET state = $3, data = data || $4::jsonb
           WHERE id = $1 AND state = $2 RETURNING data`,
            [id, from, to, JSON.stringify({ state: to, ...notice })],
          );
          settled = rows[0]?.data;
          if (!settled) return;
          // Settled relays beyond the newest KEEP_SETTLED go.
          await client.query(
            `DELETE FROM desk_relays WHERE state <> 'pending' AND ordinal <= (
             SELECT ordinal FROM desk_relays WHERE state <> 'pending'
             ORDER BY ordinal DESC OFFSET $1 LIMIT 1)`,
            [KEEP_SETTLED],
          );
        });
        if (!settled) {
          const { rows } = await pool.query<{ data: Relay }>(
            'SELECT data FROM desk_relays WHERE id = $1',
            [id],
          );
          if (rows[0]) desk.relays[id] = rows[0].data;
          return false;
        }
        desk.relays[id] = settled;
        const kept = Object.values(desk.relays).filter((relay) => relay.state !== 'pending');
        for (const relay of kept.slice(0, Math.max(0, kept.length - KEEP_SETTLED))) {
          delete desk.relays[relay.id];
        }
        return true;
      }),
    async setNotice(id, noticeMessageId) {
      let updated: Relay | undefined;
      await write(async (client) => {
        const { rows } = await client.query<{ data: Relay }>(
          `UPDATE desk_relays SET data = data || $2::jsonb WHERE id = $1 RETURNING data`,
          [id, JSON.stringify({ noticeMessageId })],
        );
        updated = rows[0]?.data;
      });
      if (updated) desk.relays[id] = updated;
    },
    due(now) {
      const limit = now.toISOString();
      return Object.values(desk.relays)
        .filter((relay) => relay.state === 'pending' && relay.dueAt <= limit)
        .sort((a, b) => a.dueAt.localeCompare(b.dueAt));
    },
    draft: (id) => desk.drafts[id],
    pendingDrafts: () =>
      Object.values(desk.drafts)
        .filter((draft) => draft.state === 'pending')
        .sort((a, b) => a.createdAt.localeCompare(b.createdAt)),
    async saveDraft(draft) {
      const valid = checked('desk_drafts', faqDraftSchema, structuredClone(draft));
      await write((client) => saveDraft(client, valid));
      desk.drafts[valid.id] = valid;
    },
    marks: (code) => desk.targetMarks[code] ?? [],
    async addMark(code, mark) {
      await write((client) => saveMark(client, code, mark));
      const marks = desk.targetMarks[code] ?? [];
      if (!marks.includes(mark)) desk.targetMarks[code] = [...marks, mark];
    },
  };
}
