import type { Logger } from 'pino';
import type { Telegram } from 'telegraf';
import type { Config } from '../../../config.ts';
import { OutboxWorker } from '../../../delivery/outboxWorker.ts';
import { Scheduler } from '../../../delivery/scheduler.ts';
import type { NoticeStore, UserRepository } from '../../../store/index.ts';
import { jobStats } from '../../../store/outbox.ts';
import type { BackgroundService } from '../../app.ts';
import type { Feature } from '../feature.ts';
import { broadcastFeature, segmentRecipients } from './broadcast.ts';
import { broadcastProgress } from './broadcastProgress.ts';
import type { NoticeDeps } from './deps.ts';
import type { ParkList } from './labels.ts';
import { remindersFeature } from './reminders.ts';
import { schedulesFeature } from './schedules.ts';
import { telegramSender } from './send.ts';
import { subscriptionOnboarding, subscriptionsFeature } from './subscriptions.ts';

export interface NoticesOptions {
  config: Config;
  users: UserRepository;
  notices: NoticeStore;
  parks: ParkList;
  /** `bot.telegram`, with the house API policy already applied. */
  telegram: Telegram;
  logger: Logger;
  now: () => Date;
}

export interface Notices {
  /** Must be used before the start feature: it wraps the role buttons (see subscriptionOnboarding). */
  onboarding: Feature;
  features: Feature[];
  /** The scheduler, the outbox worker and the broadcast progress updater. */
  services: BackgroundService[];
  /** Messages still waiting in the outbox, for /healthz. */
  outboxLength(): number;
  /** /forgetme: the user's reminders and subscription choices, gone. */
  forgetUser(userId: number): Promise<void>;
}

/** Builds subscriptions, reminders, deadline schedules and broadcasts with their delivery. */
export function createNotices(options: NoticesOptions): Notices {
  const { config, users, notices, logger } = options;
  const worker = new OutboxWorker({
    outbox: notices.outbox,
    send: telegramSender(options.telegram, users, config),
    ratePerSecond: config.BROADCAST_RATE,
    onBlocked: (chatId) => users.markInactive(chatId),
    onFailed: (job, _chatId, description) =>
      logger.warn({ jobId: job.id, description }, 'a notice could not be delivered'),
    onJobDone: async (job, stats) => {
      if (job.message.kind === 'broadcast') await progress.finished(job.message.broadcastId, stats);
    },
    logger,
  });
  const deps: NoticeDeps = {
    config,
    users,
    notices,
    parks: options.parks,
    worker,
    now: options.now,
    scheduler: new Scheduler({
      reminders: notices.reminders,
      schedules: notices.schedules,
      outbox: notices.outbox,
      recipients: (segments) => segmentRecipients(deps, segments),
      isActive: (userId) => users.get(userId)?.active !== false,
      timeZone: config.TZ,
      lateLimitMs: config.REMINDER_LATE_LIMIT_HOURS * 3_600_000,
      now: () => options.now().getTime(),
      onEnqueued: () => worker.notify(),
      logger,
    }),
  };
  const progress = broadcastProgress(deps, options.telegram, logger);

  return {
    onboarding: subscriptionOnboarding(deps),
    features: [
      subscriptionsFeature(deps),
      remindersFeature(deps),
      schedulesFeature(deps),
      broadcastFeature(deps),
    ],
    services: [
      {
        name: 'scheduler',
        start: () => deps.scheduler.start(),
        stop: () => deps.scheduler.stop(),
      },
      { name: 'outbox', start: () => worker.start(), stop: () => worker.stop() },
      progress.service,
    ],
    outboxLength: () => notices.outbox.jobs().reduce((sum, job) => sum + jobStats(job).pending, 0),
    async forgetUser(userId) {
      for (const id of await notices.reminders.removeAllOf(userId)) {
        deps.scheduler.untrackReminder(id);
      }
      await notices.subscriptions.remove(userId);
    },
  };
}
