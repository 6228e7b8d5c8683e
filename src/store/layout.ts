import { z } from 'zod';
import {
  type FeedbackFile,
  type FeedbackRecord,
  feedbackFileSchema,
  feedbackSpec,
  questionKey,
  type UnansweredQuestion,
  type Vote,
  voteKey,
} from './feedback.ts';
import { type LegacyCollection, legacyCollection } from './migrate.ts';
import { outboxFileSchema } from './outbox.ts';
import { outboxRecipientsSpec, outboxRecordsOf, outboxSpec } from './outboxRecords.ts';
import { deliveredRemindersSpec, remindersFileSchema, remindersSpec } from './reminders.ts';
import { sessionsSpec } from './sessions.ts';
import { shardFiles } from './sharded.ts';
import { subscriptionsFileSchema, subscriptionsSpec } from './subscriptions.ts';
import { usersFileSchema, usersSpec } from './users.ts';

/** The collections that were one file each before sharding, and how each one moves. */
export function legacyCollections<S>(sessionSchema: z.ZodType<S>): LegacyCollection[] {
  const same = <V>(key: string, record: V): [string, V][] => [[key, record]];
  return [
    legacyCollection('users.json', usersFileSchema, usersSpec, same),
    legacyCollection(
      'sessions.json',
      z.record(z.string(), sessionSchema),
      sessionsSpec(sessionSchema),
      same,
    ),
    legacyCollection('subscriptions.json', subscriptionsFileSchema, subscriptionsSpec, same),
    legacyCollection('reminders.json', remindersFileSchema, remindersSpec, same),
    legacyCollection(
      'outbox.json',
      outboxFileSchema,
      outboxSpec,
      (_key, job) => outboxRecordsOf(job).records,
    ),
    legacyCollection(
      'outbox.json',
      outboxFileSchema,
      outboxRecipientsSpec,
      (_key, job) => outboxRecordsOf(job).recipients,
    ),
    legacyFeedback(),
  ];
}

/**
 * `feedback.json` was one document (kept in the sharded layout too) rewritten whole on each
 * question or vote; it moves into the journaled `feedback` collection, in the same order.
 */
function legacyFeedback(): LegacyCollection {
  return legacyCollection<FeedbackFile[keyof FeedbackFile], FeedbackRecord>(
    'feedback.json',
    feedbackFileSchema,
    feedbackSpec,
    (list, records): [string, FeedbackRecord][] => {
      if (list === 'unanswered') {
        return (records as UnansweredQuestion[]).map((question, seq) => [
          questionKey(seq),
          { kind: 'question', seq, ...question },
        ]);
      }
      const kept = new Map<string, FeedbackRecord>();
      (records as Vote[]).forEach((vote, index) => {
        const key = voteKey(vote);
        kept.set(key, { kind: 'vote', ...vote, seq: kept.get(key)?.seq ?? index });
      });
      return [...kept];
    },
  );
}

/** Files every data folder has in the one-file layout (all created on the first start). */
export const LEGACY_FILES = [
  'users.json',
  'sessions.json',
  'feedback.json',
  'subscriptions.json',
  'reminders.json',
  'schedules.json',
  'outbox.json',
  'broadcasts.json',
];

/** Files every data folder has in the sharded layout; a backup missing one is refused. */
export function shardedLayoutFiles(): string[] {
  const sharded = [usersSpec, subscriptionsSpec, remindersSpec, outboxSpec, outboxRecipientsSpec];
  return [
    ...sharded.flatMap((spec) => shardFiles(spec.name, spec.shards)),
    ...shardFiles('sessions', 128),
    ...shardFiles(feedbackSpec.name, feedbackSpec.shards),
    ...shardFiles(deliveredRemindersSpec.name, deliveredRemindersSpec.shards),
    'schedules.json',
    'broadcasts.json',
  ];
}

/**
 * Every layout a backup may be in: the one-file layout, the sharded one whose feedback was
 * still one document (and ended reminders were kept with the pending ones), and the current
 * one. Each migrates on the first start.
 */
export function knownLayouts(): string[][] {
  const current = shardedLayoutFiles();
  const added = new Set([
    ...shardFiles(feedbackSpec.name, feedbackSpec.shards),
    ...shardFiles(deliveredRemindersSpec.name, deliveredRemindersSpec.shards),
  ]);
  return [LEGACY_FILES, [...current.filter((file) => !added.has(file)), 'feedback.json'], current];
}
