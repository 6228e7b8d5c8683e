import { join } from 'node:path';
import {
  type BroadcastRepository,
  type BroadcastsFile,
  broadcastsFileSchema,
  createBroadcastRepository,
} from './broadcasts.ts';
import { ColdRecords } from './coldRecords.ts';
import { Collection } from './collection.ts';
import { WriteHealth } from './envelope.ts';
import { type FileLayer, nodeFileLayer } from './fileLayer.ts';
import { type KeyedRecords, openRecords } from './journaled.ts';
import type { Segment } from './notices.ts';
import { createOutboxRepository, type OutboxRepository } from './outbox.ts';
import { outboxRecipientsSpec, outboxSpec } from './outboxRecords.ts';
import type { SharedOutbox } from './pg/notices/sharedOutbox.ts';
import { RecipientIndex } from './recipients.ts';
import {
  createReminderRepository,
  deliveredRemindersSpec,
  moveEndedReminders,
  type ReminderRepository,
  remindersSpec,
} from './reminders.ts';
import {
  createScheduleRepository,
  type ScheduleRepository,
  type SchedulesFile,
  schedulesFileSchema,
} from './schedules.ts';
import {
  createSubscriptionRepository,
  type SubscriptionRepository,
  subscriptionsSpec,
} from './subscriptions.ts';
import type { User } from './users.ts';

/** Everything the notices feature persists under the data folder. */
export interface NoticeStore {
  subscriptions: SubscriptionRepository;
  reminders: ReminderRepository;
  schedules: ScheduleRepository;
  outbox: OutboxRepository;
  broadcasts: BroadcastRepository;
  /**
   * Active subscribers of `segments`, from an index kept on write; present when the notice
   * store was opened with the users (by `openStore`).
   */
  recipients?: (segments: readonly Segment[]) => number[];
  /**
   * PostgreSQL with several instances: the outbox as this instance claims and sends it, paced
   * for all instances together. Absent on lowdb, where the worker sends `outbox` itself.
   */
  sharedOutbox?: SharedOutbox;
  /**
   * PostgreSQL: told of every change any instance made to a reminder, schedule, broadcast,
   * subscription or outbox job, after this store's memory took it in (the leader's scheduler
   * tracks reminders added on the other instances this way).
   */
  watch?(listener: (change: { kind: string; id: string }) => void): void;
  flush(): Promise<void>;
  /** Flushes and releases open files (a process that goes on after using the store). */
  close(): Promise<void>;
  /** Writes and bytes written so far by the sharded notice collections (benchmarks). */
  writeStats(): { writes: number; bytes: number };
}

export interface NoticeStoreOptions {
  layer?: FileLayer;
  health?: WriteHealth;
  /** The profiles, for the recipient index. */
  users?: KeyedRecords<User>;
  /** Overrides how long outbox marks gather before a write (tests on a fake clock pass 0). */
  outboxLingerMs?: number;
}

/**
 * Opens the notice collections; called by `openStore`. Subscriptions, reminders and the outbox
 * grow with the users and are sharded; schedules and broadcasts are officers' few records.
 */
export async function openNoticeStore(
  dataDir: string,
  now: () => Date,
  options: NoticeStoreOptions = {},
): Promise<NoticeStore> {
  const layer = options.layer ?? nodeFileLayer;
  const health = options.health ?? new WriteHealth();
  const file = (name: string) => join(dataDir, `${name}.json`);
  const empty = () => ({});
  await layer.ensureDir(dataDir);
  const subscriptions = await openRecords(dataDir, subscriptionsSpec, layer, health);
  const reminders = await openRecords(dataDir, remindersSpec, layer, health);
  const delivered = await ColdRecords.open(dataDir, deliveredRemindersSpec, layer, health);
  await moveEndedReminders(reminders, delivered);
  const outbox = await openRecords(
    dataDir,
    { ...outboxSpec, lingerMs: options.outboxLingerMs ?? outboxSpec.lingerMs },
    layer,
    health,
  );
  const schedules = await Collection.open<SchedulesFile>(
    file('schedules'),
    1,
    schedulesFileSchema,
    empty,
    { layer, health },
  );
  const broadcasts = await Collection.open<BroadcastsFile>(
    file('broadcasts'),
    1,
    broadcastsFileSchema,
    empty,
    { layer, health },
  );
  const outboxRecipients = await openRecords(dataDir, outboxRecipientsSpec, layer, health);
  const sharded = [subscriptions, reminders, outbox, outboxRecipients];
  const index = options.users ? new RecipientIndex(options.users, subscriptions) : null;
  return {
    ...(index ? { recipients: (segments: readonly Segment[]) => index.recipients(segments) } : {}),
    subscriptions: createSubscriptionRepository(subscriptions, now),
    reminders: createReminderRepository(reminders, now, delivered),
    schedules: createScheduleRepository(schedules, now),
    outbox: await createOutboxRepository(outbox, outboxRecipients, now),
    broadcasts: createBroadcastRepository(broadcasts, now),
    async flush() {
      await Promise.all([...sharded, delivered, schedules, broadcasts].map((c) => c.flush()));
    },
    async close() {
      await Promise.all([
        schedules.flush(),
        broadcasts.flush(),
        delivered.close(),
        ...sharded.map((c) => c.close()),
      ]);
    },
    writeStats() {
      let writes = 0;
      let bytes = 0;
      for (const collection of sharded) {
        const stats = collection.stats();
        writes += stats.writes;
        bytes += stats.bytes;
      }
      return { writes, bytes };
    },
  };
}
