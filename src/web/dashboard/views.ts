import { isOverdue } from '../../bot/features/tickets/targets.ts';
import type { Lang } from '../../bot/i18n/index.ts';
import type { Config } from '../../config.ts';
import type { ParkDirectory } from '../../parks/index.ts';
import type { UserRepository } from '../../store/index.ts';
import { type OfficerTicketView, TRANSITIONS } from '../../store/tickets/index.ts';
import type { QueueQuery, TicketActionName, TicketDetail, TicketSummary } from './schemas.ts';

export interface ViewContext {
  config: Config;
  parks: ParkDirectory;
  users: UserRepository;
  lang: Lang;
  otherPark: string;
  officerId: number;
  now: Date;
}

const open = (view: OfficerTicketView) => view.status === 'new' || view.status === 'in_progress';

/** The queue's filters, applied to officer views (the same views /tickets lists). */
export function matchesQueue(view: OfficerTicketView, query: QueueQuery, context: ViewContext) {
  if (
    query.status === 'open' ? !open(view) : query.status !== 'all' && view.status !== query.status
  )
    return false;
  if (query.park !== undefined && (view.parkId ?? '-') !== query.park) return false;
  if (query.category !== undefined && view.category !== query.category) return false;
  if (query.owner === 'me' && view.assignee !== context.officerId) return false;
  if (query.owner === 'nobody' && view.assignee !== null) return false;
  if (query.overdue === '1' && !isOverdue(context.config, view, context.now)) return false;
  return true;
}

/** A queue row: no identity field, whatever the ticket. */
export function toSummary(view: OfficerTicketView, context: ViewContext): TicketSummary {
  return {
    code: view.code,
    type: view.type,
    category: view.category,
    parkId: view.parkId,
    parkName: view.parkName ?? context.parks.name(view.parkId, context.lang, context.otherPark),
    status: view.status,
    anonymous: view.anonymous,
    assignee: view.assignee,
    createdAt: view.createdAt,
    overdue: isOverdue(context.config, view, context.now),
    excerpt: view.description.slice(0, 140),
  };
}

/** What an officer can do with the ticket now; the server checks again when it is done. */
function availableActions(view: OfficerTicketView, officerId: number): TicketActionName[] {
  const actions: TicketActionName[] = [];
  if (open(view) && view.assignee !== officerId) actions.push('take');
  if (open(view)) actions.push('assign', 'reply', 'ask');
  if (TRANSITIONS[view.status].includes('resolved')) actions.push('resolve');
  if (TRANSITIONS[view.status].includes('rejected')) actions.push('reject');
  return actions;
}

/** The ticket page: the officer view's thread and history, never the filer's ids or chat. */
export function toDetail(view: OfficerTicketView, context: ViewContext): TicketDetail {
  const officerName = (id: number) => context.users.get(id)?.firstName ?? `#${id}`;
  return {
    ...toSummary(view, context),
    description: view.description,
    company: view.company,
    ...(view.anonymous ? {} : { filedBy: view.filer.name }),
    attachments: view.attachments.map((attachment) => ({ kind: attachment.kind })),
    rating: view.rating,
    history: view.history.map((entry) => ({
      at: entry.at,
      by: typeof entry.by === 'number' ? 'officer' : entry.by,
      ...(typeof entry.by === 'number' ? { officer: officerName(entry.by) } : {}),
      action: entry.action,
      ...(entry.status ? { status: entry.status } : {}),
      ...(entry.note !== undefined ? { note: entry.note } : {}),
    })),
    actions: availableActions(view, context.officerId),
  };
}
