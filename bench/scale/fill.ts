import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { sessionSchema } from '../../src/bot/session.ts';
import {
  type OutboxJob,
  outboxRecipientsSpec,
  outboxRecordsOf,
  outboxSpec,
} from '../../src/store/outboxRecords.ts';
import { type Reminder, remindersSpec } from '../../src/store/reminders.ts';
import { sessionsSpec } from '../../src/store/sessions.ts';
import { type ShardedSpec, shardFileName, shardOf } from '../../src/store/sharded.ts';
import { type Subscription, subscriptionsSpec } from '../../src/store/subscriptions.ts';
import { type User, usersSpec } from '../../src/store/users.ts';

/** Stored users get ids from here up; load-test newcomers use ids above every stored one. */
export const FIRST_USER_ID = 10_000_000;
const PARKS = ['que-vo', 'tien-son', 'yen-phong', 'vsip-bac-ninh', 'thuan-thanh'];
const AT = '2026-01-15T02:00:00.000Z';

/** Writes a sharded collection's files directly, as the bot lays them out. */
async function writeSharded<V>(
  dataDir: string,
  spec: ShardedSpec<V>,
  records: Iterable<[string, V]>,
) {
  const shards: Record<string, V>[] = Array.from({ length: spec.shards }, () => ({}));
  for (const [key, value] of records)
    (shards[shardOf(key, spec.shards)] as Record<string, V>)[key] = value;
  const dir = join(dataDir, spec.name);
  await mkdir(dir, { recursive: true, mode: 0o700 });
  await Promise.all(
    shards.map((data, index) =>
      writeFile(
        join(dir, shardFileName(spec.name, index)),
        JSON.stringify({ version: spec.version, data }),
        {
          mode: 0o600,
        },
      ),
    ),
  );
}

/** The Telegram profile of stored user number `i`, exactly as stored (so it causes no write). */
export function storedProfile(i: number): {
  id: number;
  first_name: string;
  username?: string;
  language_code: string;
} {
  return {
    id: FIRST_USER_ID + i,
    first_name: `Công nhân ${i}`,
    ...(i % 4 === 0 ? { username: `cn_${i}` } : {}),
    language_code: i % 5 === 0 ? 'en' : 'vi',
  };
}

function* users(count: number): Generator<[string, User]> {
  for (let i = 0; i < count; i += 1) {
    const id = FIRST_USER_ID + i;
    yield [
      String(id),
      {
        id,
        firstName: `Công nhân ${i}`,
        ...(i % 4 === 0 ? { username: `cn_${i}` } : {}),
        languageCode: i % 5 === 0 ? 'en' : 'vi',
        lang: null,
        role: i % 10 === 0 ? 'enterprise' : 'worker',
        active: true,
        createdAt: AT,
      },
    ];
  }
}

function* subscriptions(count: number): Generator<[string, Subscription]> {
  for (let i = 0; i < count; i += 2) {
    const channels = [
      'general',
      i % 10 === 0 ? 'enterprise' : 'worker',
      `park:${PARKS[i % PARKS.length]}`,
    ];
    yield [String(FIRST_USER_ID + i), { channels, updatedAt: AT }];
  }
}

/** Idle chats keep no session; about one user in a hundred is in the middle of a dialogue. */
function* sessions(count: number): Generator<[string, unknown]> {
  for (let i = 0; i < count; i += 100) {
    const id = FIRST_USER_ID + i;
    const dialogue = {
      kind: 'reminderConfirm',
      text: 'nộp báo cáo lao động',
      dueAt: new Date(Date.now() + 86_400_000).toISOString(),
      repeat: { kind: 'once' },
    };
    yield [`${id}:${id}`, { dialogue, updatedAt: AT }];
  }
}

function* reminders(count: number, users: number): Generator<[string, Reminder]> {
  const start = Date.now() + 7 * 86_400_000;
  for (let i = 0; i < count; i += 1) {
    const id = `r${i.toString(16).padStart(9, '0')}`;
    yield [
      id,
      {
        id,
        userId: FIRST_USER_ID + ((i * 7) % users),
        text: `Nộp báo cáo tình hình sử dụng lao động số ${i}`,
        dueAt: new Date(start + i * 30_000).toISOString(),
        repeat: i % 4 === 0 ? { kind: 'monthly', day: 5, hour: 8, minute: 0 } : { kind: 'once' },
        status: 'pending',
        createdAt: AT,
      },
    ];
  }
}

export interface FillOptions {
  users: number;
  reminders: number;
  /** Recipients of a broadcast left running, which the bot resumes on start (0: none). */
  broadcastTo?: number;
  officerId?: number;
}

/** A data folder in the current (sharded) layout holding `users` profiles and the rest. */
export async function fillDataDir(dataDir: string, options: FillOptions): Promise<void> {
  await mkdir(dataDir, { recursive: true, mode: 0o700 });
  await writeSharded(dataDir, usersSpec, users(options.users));
  await writeSharded(dataDir, subscriptionsSpec, subscriptions(options.users));
  await writeSharded(
    dataDir,
    sessionsSpec(sessionSchema),
    sessions(options.users) as Generator<[string, never]>,
  );
  await writeSharded(dataDir, remindersSpec, reminders(options.reminders, options.users));
  const broadcasts: Record<string, unknown> = {};
  const outbox: [string, unknown][] = [];
  const recipients: [string, unknown][] = [];
  if (options.broadcastTo) {
    const job: OutboxJob = {
      id: 'bbench',
      priority: 2,
      createdAt: AT,
      message: {
        kind: 'broadcast',
        broadcastId: 'bench',
        text: 'Thông báo: lịch nghỉ Tết của các KCN.',
      },
      to: Array.from({ length: options.broadcastTo }, (_, i) => FIRST_USER_ID + i),
      marks: '.'.repeat(options.broadcastTo),
    };
    const stored = outboxRecordsOf(job);
    outbox.push(...stored.records);
    recipients.push(...stored.recipients);
    broadcasts.bench = {
      id: 'bench',
      officerId: options.officerId ?? 1,
      text: job.message.kind === 'broadcast' ? job.message.text : '',
      segments: ['all'],
      recipients: options.broadcastTo,
      status: 'running',
      createdAt: AT,
    };
  }
  await writeSharded(dataDir, outboxSpec, outbox as [string, never][]);
  await writeSharded(dataDir, outboxRecipientsSpec, recipients as [string, never][]);
  const envelope = (data: unknown) => JSON.stringify({ version: 1, data });
  await writeFile(join(dataDir, 'broadcasts.json'), envelope(broadcasts), { mode: 0o600 });
  await writeFile(join(dataDir, 'schedules.json'), envelope({}), { mode: 0o600 });
}
