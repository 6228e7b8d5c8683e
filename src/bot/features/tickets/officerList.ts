import type { InlineKeyboardMarkup } from 'telegraf/types';
import type { OfficerTicketView } from '../../../store/tickets/index.ts';
import { OFFICER_TICKET } from '../../callbackData.ts';
import type { BotContext } from '../../context.ts';
import { callbackButton, pageOf, pagerRow, rows } from '../../keyboard.ts';
import type { TicketEnv } from './env.ts';
import { officerLine } from './render.ts';
import { isOverdue } from './targets.ts';

export type ListFilter = 'open' | 'mine' | 'overdue' | 'all';
const PAGE_SIZE = 10;

export const listFilterOf = (raw: string): ListFilter =>
  raw === 'mine' || raw === 'overdue' || raw === 'all' ? raw : 'open';

const isOpen = (view: OfficerTicketView) => view.status === 'new' || view.status === 'in_progress';

/** The tickets one filter selects, newest first. */
export function filterTickets(
  env: TicketEnv,
  filter: ListFilter,
  officerId: number,
): OfficerTicketView[] {
  const now = env.now();
  return env.tickets.list().filter((view) => {
    if (filter === 'all') return true;
    if (filter === 'mine') return view.assignee === officerId && isOpen(view);
    if (filter === 'overdue') return isOverdue(env.config, view, now, env.calendar);
    return isOpen(view);
  });
}

/** One page of /tickets with prev/next buttons and a button per ticket. */
export function listPage(
  env: TicketEnv,
  ctx: BotContext,
  filter: ListFilter,
  requested: number,
): { text: string; extra: { reply_markup: InlineKeyboardMarkup } } {
  const all = filterTickets(env, filter, ctx.profile.id);
  const { items: shown, page, pages } = pageOf(all, requested, PAGE_SIZE);
  const header = ctx.t('tickets.list.title', {
    filter: ctx.t(`tickets.filter.${filter}`),
    count: all.length,
    page: page + 1,
    pages,
  });
  const body =
    shown.length > 0
      ? shown.map((view) => officerLine(env, ctx.t, view)).join('\n')
      : ctx.t('tickets.list.empty');
  const open = shown.map((view) =>
    callbackButton(`#${view.code}`, OFFICER_TICKET.build('show', view.code)),
  );
  const nav = pagerRow({ page, pages }, { previous: '◀️', next: '▶️' }, (to) => `tl:${filter}:${to}`);
  return {
    text: `${header}\n\n${body}`,
    extra: { reply_markup: { inline_keyboard: [...rows(open, 5), ...(nav.length ? [nav] : [])] } },
  };
}
