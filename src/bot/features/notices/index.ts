import { Composer } from 'telegraf';
import { OutboxWorker } from '../../../delivery/outboxWorker.ts';
import { Scheduler } from '../../../delivery/scheduler.ts';
import type { JobStats, OutMessage } from '../../../store/outbox.ts';
import type { BotContext } from '../../context.ts';
import { officerOnly } from '../../officerGuard.ts';
import type { Feature, FeatureDeps, FeatureParts } from '../feature.ts';
import { broadcastFeature, segmentRecipients } from './broadcast.ts';
import { broadcastProgress } from './broadcastProgress.ts';
import type { NoticeDeps } from './deps.ts';
import { noticeDialogueSchemas } from './dialogues.ts';
import { remindersFeature } from './reminders.ts';
import { schedulesFeature } from './schedules.ts';
import { telegramSender } from './send.ts';
import { noticeSteps } from './steps.ts';
import { subscriptionOnboarding, subscriptionsFeature } from './subscriptions.ts';

type NoticesDeps = Pick<FeatureDeps, 'config' | 'parks' | 'telegram' | 'logger' | 'now'> & {
  store: Pick<FeatureDeps['store'], 'users' | 'notices'>;
};

/** Subscriptions, reminders, deadline schedules and broadcasts, with their delivery services. */
export const noticesFeature: Feature<NoticesDeps> = {
  name: 'notices',
  dialogues: noticeDialogueSchemas,
  create: noticesParts,
};

/**
 * Runs around /start's role buttons, so it is listed before the start feature: a new user is
 * subscribed to general notices and their role's channel (see subscriptionOnboarding).
 */
export const subscriptionOnboardingFeature: Feature<OnboardingDeps> = {
  name: 'subscription-onboarding',
  create: ({ store, parks }) => {
    const part = subscriptionOnboarding({ notices: store.notices, parks: () => parks.list() });
    return { composer: part.composer, steps: part.steps ?? [] };
  },
};

type OnboardingDeps = Pick<FeatureDeps, 'parks'> & {
  store: Pick<FeatureDeps['store'], 'notices'>;
};

function noticesParts(options: NoticesDeps): FeatureParts {
  const { config, logger } = options;
  const { users, notices } = options.store;
  // Several instances (PostgreSQL): this one sends what it claims; the job is reported by the
  // instance that settled its last recipient, through `shared.begin` below.
  const shared = notices.sharedOutbox;
  const reportDone = async (job: { message: OutMessage }, stats: JobStats) => {
    if (job.message.kind === 'broadcast') await progress.finished(job.message.broadcastId, stats);
  };
  const worker = new OutboxWorker({
    outbox: shared?.queue ?? notices.outbox,
    send: telegramSender(options.telegram, users, config),
    ratePerSecond: config.BROADCAST_RATE,
    onBlocked: (chatId) => users.markInactive(chatId),
    onFailed: (job, _chatId, description) =>
      logger.warn({ jobId: job.id, description }, 'a notice could not be delivered'),
    ...(shared ? {} : { onJobDone: reportDone }),
    logger,
  });
  const deps: NoticeDeps = {
    config,
    users,
    notices,
    parks: () => options.parks.list(),
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
  // Reminders and schedules written on another instance reach this one's scheduler.
  notices.watch?.((change) => {
    if (change.kind === 'reminder') {
      const reminder = notices.reminders.get(change.id);
      if (reminder) deps.scheduler.trackReminder(reminder);
      else deps.scheduler.untrackReminder(change.id);
    } else if (change.kind === 'schedule') {
      const schedule = notices.schedules.get(change.id);
      if (schedule) deps.scheduler.trackSchedule(schedule);
      else deps.scheduler.untrackSchedule(change.id);
    }
  });
  const citizen = [subscriptionsFeature(deps), remindersFeature(deps)];
  const officer = [schedulesFeature(deps), broadcastFeature(deps)];
  const parts = [...citizen, ...officer];
  const composer = new Composer<BotContext>();
  composer.use(
    ...citizen.map((part) => part.composer),
    officerOnly(
      {
        commands: ['schedule', 'schedules', 'broadcast', 'broadcasts'],
        callbacks: [/^sc:/, /^bc:/],
      },
      ...officer.map((part) => part.composer),
    ),
  );

  return {
    composer,
    commands: parts.flatMap((part) => part.commands),
    menu: parts.flatMap((part) => part.menu),
    steps: [...parts.flatMap((part) => part.steps ?? []), ...noticeSteps],
    services: [
      {
        name: 'scheduler',
        start: () => deps.scheduler.start(),
        stop: () => deps.scheduler.stop(),
      },
      {
        name: 'outbox',
        start: () => {
          shared?.begin({
            ratePerSecond: config.BROADCAST_RATE,
            onJobDone: reportDone,
            wake: () => worker.notify(),
            logger,
          });
          worker.start();
        },
        stop: async () => {
          await worker.stop();
          await shared?.end();
        },
      },
      progress.service,
    ],
    /** The user's reminders and subscription choices, gone. */
    async forgetUser(userId) {
      for (const id of await notices.reminders.removeAllOf(userId)) {
        deps.scheduler.untrackReminder(id);
      }
      await notices.subscriptions.remove(userId);
    },
  };
}
