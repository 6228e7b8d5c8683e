import { join } from 'node:path';
import {
  type BroadcastRepository,
  type BroadcastsFile,
  broadcastsFileSchema,
  createBroadcastRepository,
} from './broadcasts.ts';
import { Collection } from './collection.ts';
import {
  createOutboxRepository,
  type OutboxFile,
  type OutboxRepository,
  outboxFileSchema,
} from './outbox.ts';
import {
  createReminderRepository,
  type ReminderRepository,
  type RemindersFile,
  remindersFileSchema,
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
  type SubscriptionsFile,
  subscriptionsFileSchema,
} from './subscriptions.ts';

/** Everything the notices feature persists: one file per collection under the data folder. */
export interface NoticeStore {
  subscriptions: SubscriptionRepository;
  reminders: ReminderRepository;
  schedules: ScheduleRepository;
  outbox: OutboxRepository;
  broadcasts: BroadcastRepository;
  flush(): Promise<void>;
}

/** Opens the notice collections; called by `openStore`. */
export async function openNoticeStore(dataDir: string, now: () => Date): Promise<NoticeStore> {
  const file = (name: string) => join(dataDir, `${name}.json`);
  const empty = () => ({});
  const subscriptions = await Collection.open<SubscriptionsFile>(
    file('subscriptions'),
    1,
    subscriptionsFileSchema,
    empty,
  );
  const reminders = await Collection.open<RemindersFile>(
    file('reminders'),
    1,
    remindersFileSchema,
    empty,
  );
  const schedules = await Collection.open<SchedulesFile>(
    file('schedules'),
    1,
    schedulesFileSchema,
    empty,
  );
  const outbox = await Collection.open<OutboxFile>(file('outbox'), 1, outboxFileSchema, empty);
  const broadcasts = await Collection.open<BroadcastsFile>(
    file('broadcasts'),
    1,
    broadcastsFileSchema,
    empty,
  );
  const all = [subscriptions, reminders, schedules, outbox, broadcasts];
  return {
    subscriptions: createSubscriptionRepository(subscriptions, now),
    reminders: createReminderRepository(reminders, now),
    schedules: createScheduleRepository(schedules, now),
    outbox: createOutboxRepository(outbox, now),
    broadcasts: createBroadcastRepository(broadcasts, now),
    async flush() {
      await Promise.all(all.map((collection) => collection.flush()));
    },
  };
}
