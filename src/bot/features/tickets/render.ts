import type { InlineKeyboardButton } from 'telegraf/types';
import type { OfficerTicketView, Ticket } from '../../../store/tickets/index.ts';
import { OFFICER_TICKET } from '../../callbackData.ts';
import { escapeHtml } from '../../html.ts';
import type { Lang, Translate } from '../../i18n/index.ts';
import { callbackButton, rows } from '../../keyboard.ts';
import type { TicketDraft } from './dialogues.ts';
import type { TicketEnv } from './env.ts';
import { actionLabel, categoryLabel, statusLabel, typeLabel } from './labels.ts';
import { isOverdue, localTime, targetFor } from './targets.ts';

type Keyboard = InlineKeyboardButton.CallbackButton[][];

/** Officer-facing card. Takes only the officer view, so an anonymous filer cannot appear in it. */
export function officerCard(
  env: TicketEnv,
  t: Translate,
  lang: Lang,
  view: OfficerTicketView,
): string {
  const filer = view.anonymous
    ? t('tickets.anonymous')
    : `${view.filer.name}${view.filer.username ? ` (@${view.filer.username})` : ''}`;
  const card = t('tickets.card', {
    code: view.code,
    type: typeLabel(t, view.type),
    status: statusLabel(t, view.status),
    category: categoryLabel(t, view.category),
    park: view.parkName ?? env.parks.name(view.parkId, lang, t('tickets.park.other')),
    company: view.company ?? '—',
    filer,
    created: localTime(view.createdAt, env.config.TZ),
    files: view.attachments.length,
    description: view.description,
  });
  return isOverdue(env.config, view, env.now(), env.calendar)
    ? `${t('tickets.overdueFlag')}\n${card}`
    : card;
}

/** The officer's action buttons for a ticket, fitting its status. */
export function officerButtons(t: Translate, view: OfficerTicketView): Keyboard {
  const open = view.status === 'new' || view.status === 'in_progress';
  const buttons = [
    ...(view.status === 'new'
      ? [callbackButton(t('tickets.btn.take'), OFFICER_TICKET.build('take', view.code))]
      : []),
    ...(open
      ? [
          callbackButton(t('tickets.btn.reply'), OFFICER_TICKET.build('reply', view.code)),
          callbackButton(t('tickets.btn.ask'), OFFICER_TICKET.build('ask', view.code)),
          callbackButton(t('tickets.btn.resolve'), OFFICER_TICKET.build('resolve', view.code)),
          callbackButton(t('tickets.btn.reject'), OFFICER_TICKET.build('reject', view.code)),
        ]
      : []),
    ...(view.attachments.length > 0
      ? [callbackButton(t('tickets.btn.files'), OFFICER_TICKET.build('files', view.code))]
      : []),
  ];
  return rows(buttons, 2);
}

/** History lines: who (officer id, "filer" or the system), when, what, note. */
export function historyText(env: TicketEnv, t: Translate, view: OfficerTicketView): string {
  const lines = view.history.map((entry) => {
    const who =
      entry.by === 'filer'
        ? t('tickets.by.filer')
        : entry.by === 'system'
          ? t('tickets.by.system')
          : t('tickets.by.officer', { id: String(entry.by) });
    const what = entry.status ? statusLabel(t, entry.status) : '';
    return t('tickets.historyLine', {
      at: localTime(entry.at, env.config.TZ),
      who,
      action: actionLabel(t, entry.action),
      status: what,
      note: entry.note ?? '',
    });
  });
  return `${t('tickets.historyTitle')}\n${lines.join('\n')}`;
}

/** One line of /tickets. */
export function officerLine(env: TicketEnv, t: Translate, view: OfficerTicketView): string {
  const flag = isOverdue(env.config, view, env.now(), env.calendar) ? '⏰ ' : '';
  return `${flag}<b>#${view.code}</b> · ${escapeHtml(statusLabel(t, view.status))} · ${escapeHtml(
    categoryLabel(t, view.category),
  )} · ${escapeHtml(localTime(view.createdAt, env.config.TZ))}`;
}

/** One line of /mytickets. */
export function filerLine(t: Translate, ticket: Ticket): string {
  return t('tickets.mine.line', {
    code: ticket.code,
    status: statusLabel(t, ticket.status),
    category: categoryLabel(t, ticket.category),
  });
}

/** The summary shown before filing; every user value escaped by the translator. */
export function draftSummary(env: TicketEnv, t: Translate, lang: Lang, draft: TicketDraft): string {
  const summary = t('tickets.summary', {
    type: typeLabel(t, draft.type),
    category: draft.category ? categoryLabel(t, draft.category) : '—',
    park: draft.parkName ?? env.parks.name(draft.parkId ?? null, lang, t('tickets.park.other')),
    company: draft.company ?? '—',
    description: draft.description ?? '—',
    files: draft.attachments.length,
  });
  if (draft.type !== 'complaint') return summary;
  const identity = draft.anonymous ? t('tickets.summary.anonymous') : t('tickets.summary.named');
  return `${summary}\n${identity}`;
}

/** "We aim to respond within … and resolve within …", stated as targets. */
export function targetsText(env: TicketEnv, t: Translate, ticket: Ticket): string {
  const target = targetFor(env.config, ticket.category);
  return t('tickets.targets', { hours: target.responseHours, days: target.resolutionDays });
}
