import { unlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { z } from 'zod';
import { Collection } from './collection.ts';
import { createDeskRepository, type DeskRepository, deskFileSchema, emptyDesk } from './desk.ts';
import {
  createFeedbackRepository,
  emptyFeedback,
  type FeedbackFile,
  type FeedbackRepository,
  feedbackFileSchema,
} from './feedback.ts';
import { type NoticeStore, openNoticeStore } from './noticeStore.ts';
import {
  createSessionRepository,
  type SessionRepository,
  type SessionsFile,
  sessionsFileSchema,
} from './sessions.ts';
import { openTickets, type TicketRepository } from './tickets/index.ts';
import {
  createUserRepository,
  type UserRepository,
  type UsersFile,
  usersFileSchema,
} from './users.ts';

export { StoreCorruptError } from './collection.ts';
export type { DeskRepository, FaqDraft, Relay, TopicRecord } from './desk.ts';
export type { FeedbackRepository } from './feedback.ts';
export type { NoticeStore } from './noticeStore.ts';
export type { SessionRepository } from './sessions.ts';
export type { TicketRepository } from './tickets/index.ts';
export type { Role, User, UserRepository } from './users.ts';

export interface StoreOptions<S> {
  dataDir: string;
  /** The bot's session shape; passed in so this folder never depends on the bot. */
  sessionSchema: z.ZodType<S>;
  now?: () => Date;
}

export interface Store<S> {
  users: UserRepository;
  sessions: SessionRepository<S>;
  /** Unanswered questions and 👍/👎 on answers, without who asked. */
  feedback: FeedbackRepository;
  /** Complaints and support requests, sharded over several files (see tickets/shards.ts). */
  tickets: TicketRepository;
  /** The officers' desk: ticket topics, replies in their undo window, target warnings. */
  desk: DeskRepository;
  /** Subscriptions, reminders, deadline schedules, broadcasts and the outbox that sends them. */
  notices: NoticeStore;
  /** Resolves when every change made so far is on disk (called on shutdown). */
  flush(): Promise<void>;
  /** Whether DATA_DIR accepts a write right now (disk full, read-only mount…); for /healthz. */
  isWritable(): Promise<boolean>;
}

/**
 * Opens every collection file under `dataDir`, one lowdb instance per file. Any file that is
 * not valid JSON or fails its schema stops the program (StoreCorruptError) and stays untouched.
 */
export async function openStore<S>(options: StoreOptions<S>): Promise<Store<S>> {
  const now = options.now ?? (() => new Date());
  const file = (name: string) => join(options.dataDir, `${name}.json`);
  const users = await Collection.open<UsersFile>(file('users'), 1, usersFileSchema, () => ({}));
  const sessions = await Collection.open<SessionsFile<S>>(
    file('sessions'),
    1,
    sessionsFileSchema(options.sessionSchema),
    () => ({}),
  );
  const feedback = await Collection.open<FeedbackFile>(
    file('feedback'),
    1,
    feedbackFileSchema,
    emptyFeedback,
  );
  const desk = await Collection.open(file('desk'), 1, deskFileSchema, emptyDesk);
  const collections = [users, sessions, feedback, desk];
  const tickets = await openTickets(options.dataDir, now);
  const notices = await openNoticeStore(options.dataDir, now);
  return {
    users: createUserRepository(users, now),
    sessions: createSessionRepository(sessions),
    feedback: createFeedbackRepository(feedback),
    tickets,
    desk: createDeskRepository(desk),
    notices,
    async isWritable() {
      const probe = join(options.dataDir, '.write-probe');
      try {
        await writeFile(probe, String(Date.now()));
        await unlink(probe);
        return true;
      } catch {
        return false;
      }
    },
    async flush() {
      await Promise.all([
        ...collections.map((collection) => collection.flush()),
        tickets.flush(),
        notices.flush(),
      ]);
    },
  };
}
