import { TZDate } from '@date-fns/tz';
import { format } from 'date-fns';
import { Composer } from 'telegraf';
import type { TicketCategory, TicketStatus } from '../../../store/tickets/index.ts';
import type { BotContext } from '../../context.ts';
import { escapeHtml } from '../../html.ts';
import type { Translate } from '../../i18n/index.ts';
import { type CsvLabels, ticketsCsvInChunks } from './csv.ts';
import type { TicketEnv } from './env.ts';
import { categoryLabel, statusLabel, typeLabel } from './labels.ts';
import { computeStats } from './stats.ts';
import { sendStatsPicture } from './statsPhoto.ts';
import { localTime, withinTargetShares } from './targets.ts';

/** Midnight (local, in `zone`) of a dd/mm/yyyy or yyyy-mm-dd date; null when not a real date. */
export function parseLocalDate(raw: string, zone: string): Date | null {
  const dmy = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(raw);
  const ymd = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(raw);
  const [year, month, day] = dmy
    ? [Number(dmy[3]), Number(dmy[2]), Number(dmy[1])]
    : ymd
      ? [Number(ymd[1]), Number(ymd[2]), Number(ymd[3])]
      : [0, 0, 0];
  if (!year) return null;
  const date = new TZDate(year, month - 1, day, zone);
  if (date.getFullYear() !== year || date.getMonth() !== month - 1 || date.getDate() !== day) {
    return null;
  }
  return new Date(date.getTime());
}

const hours = (t: Translate, value: number | null) =>
  value === null ? '—' : t('tickets.stats.hours', { hours: Math.round(value * 10) / 10 });

/** /stats and /export for officers. */
export function figuresComposer(env: TicketEnv): Composer<BotContext> {
  const composer = new Composer<BotContext>();

  composer.command('stats', async (ctx) => {
    const { t } = ctx;
    const views = env.tickets.list();
    const stats = computeStats(views);
    const shares = withinTargetShares(env.config, env.calendar, views);
    const percent = (share: number | null) =>
      share === null ? '—' : `${Math.round(share * 100)}%`;
    const block = (record: Record<string, number>, label: (key: string) => string) =>
      Object.entries(record)
        .sort((a, b) => b[1] - a[1])
        .map(([key, count]) => `• ${escapeHtml(label(key))}: ${count}`)
        .join('\n') || '—';
    const other = t('tickets.park.other');
    const summary = [
      t('tickets.stats.title', { total: stats.total }),
      t('tickets.stats.byStatus'),
      block(stats.byStatus, (key) => statusLabel(t, key as TicketStatus)),
      t('tickets.stats.byCategory'),
      block(stats.byCategory, (key) => categoryLabel(t, key as TicketCategory)),
      t('tickets.stats.byPark'),
      block(stats.byPark, (key) => env.parks.name(key === '-' ? null : key, ctx.lang, other)),
      t('tickets.stats.times', {
        response: hours(t, stats.medianFirstResponseHours),
        resolution: hours(t, stats.medianResolutionHours),
      }),
      t('tickets.stats.ratings', {
        count: stats.ratings.count,
        average: stats.ratings.average === null ? '—' : stats.ratings.average.toFixed(2),
      }),
      t('desk.stats.withinTarget', {
        response: percent(shares.response),
        resolution: percent(shares.resolution),
      }),
    ].join('\n');
    await sendStatsPicture(ctx, env, summary);
  });

  composer.command('export', async (ctx) => {
    const { t } = ctx;
    const zone = env.config.TZ;
    const args = ctx.message.text.split(/\s+/).slice(1).filter(Boolean);
    const from = args[0] ? parseLocalDate(args[0], zone) : new Date(0);
    const until = args[1] ? parseLocalDate(args[1], zone) : null;
    if (!from || (args[1] && !until)) return ctx.reply(t('tickets.usage.export'));
    const end = until ? until.getTime() + 86_400_000 : Number.POSITIVE_INFINITY;
    const views = env.tickets
      .list()
      .filter((view) => {
        const created = Date.parse(view.createdAt);
        return created >= from.getTime() && created < end;
      })
      .reverse();
    const other = t('tickets.park.other');
    const labels: CsvLabels = {
      type: (view) => typeLabel(t, view.type),
      category: (view) => categoryLabel(t, view.category),
      park: (view) => env.parks.name(view.parkId, ctx.lang, other),
      status: (view) => statusLabel(t, view.status),
      time: (iso) => localTime(iso, zone),
    };
    const stamp = format(new TZDate(env.now().getTime(), zone), 'yyyyMMdd-HHmm');
    await ctx.reply(t('tickets.export.preparing', { count: views.length }));
    // In the background: the handler returns at once, so a large export holds up no update.
    const telegram = ctx.telegram;
    const chatId = ctx.chat.id;
    void ticketsCsvInChunks(views, labels)
      .then(async (csv) => {
        env.logger.info({ rows: views.length }, 'tickets exported');
        await telegram.sendDocument(
          chatId,
          { source: Buffer.from(csv, 'utf8'), filename: `tickets-${stamp}.csv` },
          { caption: t('tickets.export.caption', { count: views.length }) },
        );
      })
      .catch(async (error: unknown) => {
        env.logger.error({ err: error }, 'ticket export failed');
        await telegram.sendMessage(chatId, t('error.generic')).catch(() => undefined);
      });
  });

  return composer;
}
