import { basename, dirname, join } from 'node:path';
import type { z } from 'zod';
import { Collection } from './collection.ts';
import { createDeskRepository, type DeskRepository, deskFileSchema, emptyDesk } from './desk.ts';
import { WriteHealth } from './envelope.ts';
import { createFeedbackRepository, type FeedbackRepository, feedbackSpec } from './feedback.ts';
import { type FileLayer, nodeFileLayer } from './fileLayer.ts';
import { openRecords } from './journaled.ts';
import { legacyCollections } from './layout.ts';
import { type MigrationReport, migrateLegacyLayout } from './migrate.ts';
import { type NoticeStore, openNoticeStore } from './noticeStore.ts';
import { createSessionRepository, type SessionRepository, sessionsSpec } from './sessions.ts';
import { openTickets, type TicketRepository } from './tickets/index.ts';
import { createUserRepository, type UserRepository, usersSpec } from './users.ts';

export type { DeskRepository, FaqDraft, Relay, TopicRecord } from './desk.ts';
export { isNotSavedError, StoreCorruptError, StoreValidationError } from './envelope.ts';
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
  /** Where the backup taken before a layout migration goes; default `<dataDir>-migration-backups`. */
  backupDir?: string;
  /** The file operations (tests inject faults here; see fileLayer.ts). */
  layer?: FileLayer;
  /** Sessions that hold nothing a new one would not; they are deleted instead of stored. */
  sessionIsIdle?: (session: S) => boolean;
}

export interface StoreHealth {
  ok: boolean;
  freeBytes: number;
  neededBytes: number;
  lastWriteFailure: string | null;
  /** PostgreSQL only: whether it answered, and the schema version it is at. */
  database?: { reachable: boolean; schemaVersion: number };
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
  /** Set when this start moved an old data folder to the sharded layout. */
  migration: MigrationReport | null;
  /** Resolves when every change made so far is on disk (called on shutdown). */
  flush(): Promise<void>;
  /** Flushes and releases open files, for a process that goes on after using the store. */
  close(): Promise<void>;
  /** Free space against what the next writes need, and whether the last write failed; for /healthz. */
  health(): Promise<StoreHealth>;
  /** `health().ok`, kept for callers that only need the verdict. */
  isWritable(): Promise<boolean>;
  /** Writes and bytes written by the sharded collections so far (benchmarks). */
  writeStats(): { writes: number; bytes: number };
}

/** How long a failed write keeps /healthz at 503 unless a later write succeeds. */
const FAILURE_WINDOW_MS = 5 * 60_000;

/**
 * Opens every collection under `dataDir`. Any file that is not valid JSON or fails its schema
 * stops the program (StoreCorruptError) and stays untouched. A folder in the one-file layout
 * is first backed up and moved to the sharded one (see migrate.ts).
 */
export async function openStore<S>(options: StoreOptions<S>): Promise<Store<S>> {
  const now = options.now ?? (() => new Date());
  const layer = options.layer ?? nodeFileLayer;
  const health = new WriteHealth();
  const { dataDir } = options;
  await layer.ensureDir(dataDir);
  const backupDir =
    options.backupDir ?? join(dirname(dataDir), `${basename(dataDir)}-migration-backups`);
  const migration = await migrateLegacyLayout(
    dataDir,
    backupDir,
    legacyCollections(options.sessionSchema),
    layer,
    health,
    now,
  );
  const users = await openRecords(dataDir, usersSpec, layer, health);
  const sessions = await openRecords(dataDir, sessionsSpec(options.sessionSchema), layer, health);
  const feedback = await openRecords(dataDir, feedbackSpec, layer, health);
  const desk = await Collection.open(join(dataDir, 'desk.json'), 1, deskFileSchema, emptyDesk, {
    layer,
    health,
  });
  const tickets = await openTickets(dataDir, now, layer, health);
  const notices = await openNoticeStore(dataDir, now, { layer, health, users });
  const storeHealth = async (): Promise<StoreHealth> => {
    const freeBytes = await layer.freeBytes(dataDir).catch(() => 0);
    const failed = health.failedRecently(FAILURE_WINDOW_MS);
    return {
      ok: !failed && freeBytes >= health.neededBytes,
      freeBytes,
      neededBytes: health.neededBytes,
      lastWriteFailure: failed ? health.lastFailure : null,
    };
  };
  return {
    users: createUserRepository(users, now),
    sessions: createSessionRepository(sessions, options.sessionIsIdle),
    feedback: createFeedbackRepository(feedback),
    tickets,
    desk: createDeskRepository(desk),
    notices,
    migration,
    health: storeHealth,
    isWritable: async () => (await storeHealth()).ok,
    async flush() {
      await Promise.all([
        users.flush(),
        sessions.flush(),
        feedback.flush(),
        desk.flush(),
        tickets.flush(),
        notices.flush(),
      ]);
    },
    async close() {
      await Promise.all([
        users.close(),
        sessions.close(),
        feedback.close(),
        desk.flush(),
        tickets.flush(),
        notices.close(),
      ]);
    },
    writeStats() {
      const own = [users.stats(), sessions.stats(), feedback.stats(), notices.writeStats()];
      return {
        writes: own.reduce((sum, s) => sum + s.writes, 0),
        bytes: own.reduce((sum, s) => sum + s.bytes, 0),
      };
    },
  };
}
