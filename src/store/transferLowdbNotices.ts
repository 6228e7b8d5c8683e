import { join } from 'node:path';
import type { Broadcast, BroadcastsFile } from './broadcasts.ts';
import { broadcastsFileSchema } from './broadcasts.ts';
import { ColdRecords } from './coldRecords.ts';
import { Collection } from './collection.ts';
import { WriteHealth } from './envelope.ts';
import { nodeFileLayer } from './fileLayer.ts';
import { openRecords } from './journaled.ts';
import { openNoticeStore } from './noticeStore.ts';
import {
  type OutboxJob,
  outboxRecipientsSpec,
  outboxRecordsOf,
  outboxSpec,
} from './outboxRecords.ts';
import { deliveredRemindersSpec, type Reminder, remindersSpec } from './reminders.ts';
import { type Schedule, type SchedulesFile, schedulesFileSchema } from './schedules.ts';
import { type Subscription, subscriptionsSpec } from './subscriptions.ts';

/**
 * Everything the notices feature keeps, as plain records: the second half of what `db:import`
 * and `db:export` move. Reminders are pending and ended alike (the ended ones live in a cold
 * collection on lowdb); outbox jobs carry their recipients and marks, so a broadcast cut short
 * goes on where it stopped.
 */
export interface NoticeSnapshot {
  subscriptions: [number, Subscription][];
  reminders: Reminder[];
  schedules: Schedule[];
  broadcasts: Broadcast[];
  outbox: OutboxJob[];
}

/** How many of each, for the operator's report. */
export function noticeCounts(snapshot: NoticeSnapshot): Record<string, number> {
  const ended = snapshot.reminders.filter((reminder) => reminder.status !== 'pending').length;
  return {
    subscriptions: snapshot.subscriptions.length,
    reminders: snapshot.reminders.length - ended,
    deliveredReminders: ended,
    schedules: snapshot.schedules.length,
    broadcasts: snapshot.broadcasts.length,
    outboxJobs: snapshot.outbox.length,
  };
}

const byId = <T extends { id: string }>(a: T, b: T) => a.id.localeCompare(b.id);

/**
 * Reads the notice collections of a lowdb data folder (a scratch copy: opening it moves ended
 * reminders to the cold collection, as the bot does at start), each record checked on read.
 */
export async function readLowdbNotices(dataDir: string): Promise<NoticeSnapshot> {
  const store = await openNoticeStore(dataDir, () => new Date());
  const outbox = store.outbox.jobs();
  await store.close();
  const health = new WriteHealth();
  const subscriptions = await openRecords(dataDir, subscriptionsSpec, nodeFileLayer, health);
  const pending = await openRecords(dataDir, remindersSpec, nodeFileLayer, health);
  const delivered = await ColdRecords.open(dataDir, deliveredRemindersSpec, nodeFileLayer, health);
  const endedKeys = await delivered.keysWhere(() => true);
  const reminders = [
    ...pending.values(),
    ...endedKeys.flatMap((key) => delivered.get(key) ?? []),
  ].sort(byId);
  const snapshot: NoticeSnapshot = {
    subscriptions: [...subscriptions.entries()]
      .map(([key, value]): [number, Subscription] => [Number(key), value])
      .sort(([a], [b]) => a - b),
    reminders,
    schedules: Object.values((await openSchedules(dataDir)).data).sort(byId),
    broadcasts: Object.values((await openBroadcasts(dataDir)).data).sort(byId),
    outbox: outbox.sort(byId),
  };
  await Promise.all([subscriptions.close(), pending.close(), delivered.close()]);
  return snapshot;
}

const openSchedules = (dataDir: string) =>
  Collection.open<SchedulesFile>(
    join(dataDir, 'schedules.json'),
    1,
    schedulesFileSchema,
    () => ({}),
  );
const openBroadcasts = (dataDir: string) =>
  Collection.open<BroadcastsFile>(
    join(dataDir, 'broadcasts.json'),
    1,
    broadcastsFileSchema,
    () => ({}),
  );

/** Writes the notice records into a lowdb data folder whose empty layout `openStore` made. */
export async function writeLowdbNotices(dataDir: string, snapshot: NoticeSnapshot): Promise<void> {
  const health = new WriteHealth();
  const subscriptions = await openRecords(dataDir, subscriptionsSpec, nodeFileLayer, health);
  const pending = await openRecords(dataDir, remindersSpec, nodeFileLayer, health);
  const delivered = await ColdRecords.open(dataDir, deliveredRemindersSpec, nodeFileLayer, health);
  const outbox = await openRecords(dataDir, outboxSpec, nodeFileLayer, health);
  const recipients = await openRecords(dataDir, outboxRecipientsSpec, nodeFileLayer, health);
  const writes: Promise<void>[] = [];
  for (const [userId, subscription] of snapshot.subscriptions) {
    writes.push(subscriptions.put(String(userId), subscription));
  }
  for (const reminder of snapshot.reminders) {
    const into = reminder.status === 'pending' ? pending : delivered;
    writes.push(into.put(reminder.id, reminder));
  }
  for (const job of snapshot.outbox) {
    const split = outboxRecordsOf(job);
    for (const [key, record] of split.recipients) writes.push(recipients.put(key, record));
    for (const [key, record] of split.records) writes.push(outbox.put(key, record));
  }
  await Promise.all(writes);
  await Promise.all([subscriptions, pending, delivered, outbox, recipients].map((c) => c.close()));
  const schedules = await openSchedules(dataDir);
  await schedules.update((data) => {
    for (const schedule of snapshot.schedules) data[schedule.id] = schedule;
  });
  const broadcasts = await openBroadcasts(dataDir);
  await broadcasts.update((data) => {
    for (const broadcast of snapshot.broadcasts) data[broadcast.id] = broadcast;
  });
}
