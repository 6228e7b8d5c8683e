import type { Logger } from 'pino';
import type { Telegram } from 'telegraf';
import { timerService } from '../../../lifecycle.ts';
import { formatWhen } from '../../../scheduling/index.ts';
import type { Broadcast } from '../../../store/broadcasts.ts';
import { type JobStats, jobStats } from '../../../store/outbox.ts';
import { BROADCAST_STOP } from '../../callbackData.ts';
import type { BotContext } from '../../context.ts';
import { type Lang, languageOfUser, type Translate, translator } from '../../i18n/index.ts';
import { callbackButton } from '../../keyboard.ts';
import type { NoticeDeps } from './deps.ts';
import { etaLabel, segmentsLabel } from './labels.ts';

/** Telegram tolerates few edits of one message; every few seconds is plenty for a person. */
const PROGRESS_EVERY_MS = 3000;
const HISTORY_SIZE = 10;

const jobIdOf = (broadcastId: string) => `b${broadcastId}`;

/** The progress message of a running broadcast, with its Stop button. */
export function progressView(t: Translate, lang: Lang, deps: NoticeDeps, broadcastId: string) {
  const broadcast = deps.notices.broadcasts.get(broadcastId);
  const job = deps.notices.outbox.get(jobIdOf(broadcastId));
  const total = broadcast?.recipients ?? 0;
  const stats: JobStats = job
    ? jobStats(job)
    : { total, pending: total, sent: 0, blocked: 0, failed: 0, cancelled: 0 };
  const segments = segmentsLabel(broadcast?.segments ?? [], { t, lang, parks: deps.parks });
  const text = t('broadcast.progress', {
    segments,
    sent: stats.sent,
    failed: stats.failed,
    blocked: stats.blocked,
    remaining: stats.pending,
    eta: etaLabel(deps.worker.estimateMs(stats.pending), t),
  });
  const markup = {
    inline_keyboard: [[callbackButton(t('broadcast.stop'), BROADCAST_STOP.build(broadcastId))]],
  };
  return { text, markup };
}

function reportText(
  t: Translate,
  lang: Lang,
  deps: NoticeDeps,
  broadcast: Broadcast,
  stats: JobStats,
) {
  const values = {
    segments: segmentsLabel(broadcast.segments, { t, lang, parks: deps.parks }),
    sent: stats.sent,
    failed: stats.failed,
    blocked: stats.blocked,
  };
  return stats.cancelled > 0
    ? t('broadcast.reportCancelled', { ...values, cancelled: stats.cancelled })
    : t('broadcast.report', values);
}

/** /broadcasts: the latest broadcasts with their outcome. */
export function broadcastHistory(ctx: BotContext, deps: NoticeDeps): string {
  const recent = deps.notices.broadcasts.recent(HISTORY_SIZE);
  if (recent.length === 0) return ctx.t('broadcast.history.empty');
  const labels = { t: ctx.t, lang: ctx.lang, parks: deps.parks };
  const lines = recent.map((broadcast) => {
    const job = deps.notices.outbox.get(jobIdOf(broadcast.id));
    const sent = broadcast.result?.sent ?? (job ? jobStats(job).sent : 0);
    const preview = broadcast.text.length > 80 ? `${broadcast.text.slice(0, 80)}…` : broadcast.text;
    return ctx.t('broadcast.history.item', {
      when: formatWhen(new Date(broadcast.createdAt), ctx.lang, deps.config.TZ),
      status: ctx.t(`broadcast.status.${broadcast.status}`),
      sent,
      recipients: broadcast.recipients,
      segments: segmentsLabel(broadcast.segments, labels),
      text: preview,
    });
  });
  return [ctx.t('broadcast.history.title'), ...lines].join('\n\n');
}

/**
 * Keeps each running broadcast's progress message current (edited at most every few seconds,
 * also after a restart) and, when the outbox finishes a broadcast, records the result and
 * reports it to the officer.
 */
export function broadcastProgress(deps: NoticeDeps, telegram: Telegram, logger: Logger) {
  const shown = new Map<string, string>();
  const officerT = (broadcast: Broadcast) => {
    const lang = languageOfUser(deps.users.get(broadcast.officerId), deps.config.DEFAULT_LANG);
    return { t: translator(lang), lang };
  };

  const refresh = async () => {
    for (const broadcast of deps.notices.broadcasts.running()) {
      if (!broadcast.progress) continue;
      const { t, lang } = officerT(broadcast);
      const { text, markup } = progressView(t, lang, deps, broadcast.id);
      if (shown.get(broadcast.id) === text) continue;
      shown.set(broadcast.id, text);
      await telegram
        .editMessageText(broadcast.progress.chatId, broadcast.progress.messageId, undefined, text, {
          reply_markup: markup,
        })
        .catch((error: unknown) => logger.debug({ err: error }, 'progress edit failed'));
    }
  };

  const service = timerService({
    name: 'broadcast-progress',
    next: () => PROGRESS_EVERY_MS,
    run: refresh,
    logger,
  });

  /** The outbox's `onJobDone` for broadcasts. */
  const finished = async (broadcastId: string, stats: JobStats) => {
    const broadcast = deps.notices.broadcasts.get(broadcastId);
    if (broadcast?.status !== 'running') return;
    await deps.notices.broadcasts.finish(broadcastId, stats);
    shown.delete(broadcastId);
    const { t, lang } = officerT(broadcast);
    const text = reportText(t, lang, deps, broadcast, stats);
    if (broadcast.progress) {
      await telegram
        .editMessageText(broadcast.progress.chatId, broadcast.progress.messageId, undefined, text)
        .catch(() => undefined);
    }
    await telegram
      .sendMessage(broadcast.progress?.chatId ?? broadcast.officerId, text)
      .catch((error: unknown) => logger.warn({ err: error }, 'could not send a broadcast report'));
  };

  return { service, finished };
}
