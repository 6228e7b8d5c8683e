import { cp, mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { z } from 'zod';
import { Collection } from './collection.ts';
import { type DeskFile, deskFileSchema, emptyDesk } from './desk.ts';
import { WriteHealth } from './envelope.ts';
import {
  type FeedbackFile,
  type FeedbackRecord,
  feedbackSpec,
  questionKey,
  voteKey,
} from './feedback.ts';
import { nodeFileLayer } from './fileLayer.ts';
import { openStore } from './index.ts';
import { openRecords } from './journaled.ts';
import { sessionsSpec } from './sessions.ts';
import { readTicketFloor, type TicketFloor, writeTicketFloor } from './ticketFloor.ts';
import { openContacts } from './tickets/contacts.ts';
import { type DigestsFile, digestsFileSchema, type PendingDigest } from './tickets/digests.ts';
import type { Ticket } from './tickets/schema.ts';
import { TicketShards } from './tickets/shards.ts';
import {
  type NoticeSnapshot,
  noticeCounts,
  readLowdbNotices,
  writeLowdbNotices,
} from './transferLowdbNotices.ts';
import { type User, usersSpec } from './users.ts';

/**
 * Everything the core repositories hold, as plain records: what `db:import` moves from a lowdb
 * folder into PostgreSQL and `db:export` writes back. Tickets are whole (identity, notices);
 * anonymous tickets' reply chats travel apart, as they are kept.
 */
export interface CoreSnapshot<S> {
  users: User[];
  sessions: [string, S][];
  feedback: FeedbackFile;
  desk: DeskFile;
  tickets: Ticket[];
  contacts: [string, number][];
  digests: PendingDigest[];
  /** Highest ticket numbers ever issued, so a code is never given twice after the move. */
  floor: TicketFloor;
  notices: NoticeSnapshot;
}

/** How many of each, for the operator's report. */
export function snapshotCounts<S>(snapshot: CoreSnapshot<S>): Record<string, number> {
  return {
    users: snapshot.users.length,
    sessions: snapshot.sessions.length,
    tickets: snapshot.tickets.length,
    ticketNotices: snapshot.tickets.reduce((sum, ticket) => sum + (ticket.notices?.length ?? 0), 0),
    anonymousContacts: snapshot.contacts.length,
    digests: snapshot.digests.length,
    unansweredQuestions: snapshot.feedback.unanswered.length,
    votes: snapshot.feedback.votes.length,
    deskTopics: Object.keys(snapshot.desk.topics).length,
    deskRelays: Object.keys(snapshot.desk.relays).length,
    faqDrafts: Object.keys(snapshot.desk.drafts).length,
    ...noticeCounts(snapshot.notices),
  };
}

/**
 * Reads a lowdb data folder through the bot's own loaders, so every file is checked against
 * the schemas the bot starts with (a corrupt one stops with StoreCorruptError). It works on a
 * copy: an older layout is migrated, and old identities cleaned, there and not in `dataDir`.
 */
export async function readLowdbCore<S>(
  dataDir: string,
  sessionSchema: z.ZodType<S>,
): Promise<CoreSnapshot<S>> {
  const scratch = await mkdtemp(join(tmpdir(), 'kcn-transfer-'));
  try {
    const copy = join(scratch, 'data');
    await cp(dataDir, copy, { recursive: true });
    const store = await openStore({ dataDir: copy, sessionSchema, backupDir: join(scratch, 'b') });
    await store.close();
    const health = new WriteHealth();
    const users = await openRecords(copy, usersSpec, nodeFileLayer, health);
    const sessions = await openRecords(copy, sessionsSpec(sessionSchema), nodeFileLayer, health);
    const feedback = await openRecords(copy, feedbackSpec, nodeFileLayer, health);
    const desk = await Collection.open(join(copy, 'desk.json'), 1, deskFileSchema, emptyDesk);
    const { tickets } = await TicketShards.open(join(copy, 'tickets'));
    const contacts = await openContacts(join(copy, 'private'));
    const digests = await Collection.open<DigestsFile>(
      join(copy, 'ticket-digests.json'),
      1,
      digestsFileSchema,
      () => ({}),
    );
    const snapshot: CoreSnapshot<S> = {
      users: [...users.values()].sort((a, b) => a.id - b.id),
      sessions: [...sessions.entries()].sort(([a], [b]) => a.localeCompare(b)),
      feedback: feedbackDocument(feedback.values()),
      desk: desk.data,
      tickets: [...tickets].sort((a, b) => a.seq - b.seq),
      contacts: contacts.all().sort(([a], [b]) => a.localeCompare(b)),
      digests: Object.entries(digests.data)
        .map(([id, digest]) => ({ ...digest, id }))
        .sort((a, b) => a.id.localeCompare(b.id)),
      floor: await readTicketFloor(copy),
      notices: await readLowdbNotices(copy),
    };
    await Promise.all([users.close(), sessions.close(), feedback.close()]);
    return snapshot;
  } finally {
    await rm(scratch, { recursive: true, force: true });
  }
}

/**
 * Writes a snapshot as a lowdb data folder (the layout `npm start` reads without DATABASE_URL).
 * Refuses a folder that already holds files, so an export never mixes with other data.
 */
export async function writeLowdbCore<S>(
  dataDir: string,
  snapshot: CoreSnapshot<S>,
  sessionSchema: z.ZodType<S>,
): Promise<void> {
  const present = await readdir(dataDir).catch(() => [] as string[]);
  if (present.length > 0) throw new Error(`${dataDir} is not empty; export into a new folder`);
  // A complete empty layout first (every collection's files), then the records into it.
  const store = await openStore({ dataDir, sessionSchema, backupDir: join(dataDir, '..', '.b') });
  await store.close();
  const health = new WriteHealth();
  const users = await openRecords(dataDir, usersSpec, nodeFileLayer, health);
  const sessions = await openRecords(dataDir, sessionsSpec(sessionSchema), nodeFileLayer, health);
  const feedback = await openRecords(dataDir, feedbackSpec, nodeFileLayer, health);
  await Promise.all(snapshot.users.map((user) => users.put(String(user.id), user)));
  await Promise.all(snapshot.sessions.map(([key, session]) => sessions.put(key, session)));
  await Promise.all(
    feedbackRecords(snapshot.feedback).map(([key, record]) => feedback.put(key, record)),
  );
  await Promise.all([users.close(), sessions.close(), feedback.close()]);
  const replace = async <T>(file: string, schema: z.ZodType<T>, data: T) => {
    const collection = await Collection.open(join(dataDir, file), 1, schema, () => data);
    await collection.update((current) => {
      Object.assign(current as object, data);
    });
  };
  await replace('desk.json', deskFileSchema, snapshot.desk);
  const digests: DigestsFile = {};
  for (const { id, ...digest } of snapshot.digests) digests[id] = digest;
  await replace('ticket-digests.json', digestsFileSchema, digests);
  const contacts = await openContacts(join(dataDir, 'private'));
  await Promise.all(snapshot.contacts.map(([code, chat]) => contacts.set(code, chat)));
  const { shards } = await TicketShards.open(join(dataDir, 'tickets'));
  await Promise.all(
    snapshot.tickets.map((ticket) => shards.change(ticket.seq, ticket.code, () => ticket)),
  );
  await shards.flush();
  await writeTicketFloor(dataDir, snapshot.floor);
  await writeLowdbNotices(dataDir, snapshot.notices);
}

/** The journaled feedback records as the one document PostgreSQL keeps, in the order they happened. */
function feedbackDocument(records: Iterable<FeedbackRecord>): FeedbackFile {
  const ordered = [...records].sort((a, b) => a.seq - b.seq);
  const document: FeedbackFile = { unanswered: [], votes: [] };
  for (const record of ordered) {
    if (record.kind === 'question') {
      const { kind: _kind, seq: _seq, ...question } = record;
      document.unanswered.push(question);
    } else {
      const { kind: _kind, seq: _seq, ...vote } = record;
      document.votes.push(vote);
    }
  }
  return document;
}

/** A feedback document back as journaled records, numbered in its order. */
function feedbackRecords(document: FeedbackFile): [string, FeedbackRecord][] {
  const questions = document.unanswered.map((question, seq): [string, FeedbackRecord] => [
    questionKey(seq),
    { kind: 'question', seq, ...question },
  ]);
  const votes = document.votes.map((vote, i): [string, FeedbackRecord] => {
    const seq = questions.length + i;
    return [voteKey(vote), { kind: 'vote', seq, ...vote }];
  });
  return [...questions, ...votes];
}
