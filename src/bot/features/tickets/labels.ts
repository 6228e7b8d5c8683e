import type {
  HistoryEntry,
  TicketCategory,
  TicketStatus,
  TicketType,
} from '../../../store/tickets/index.ts';
import type { Translate } from '../../i18n/index.ts';

const CATEGORY_KEYS = {
  wages: 'tickets.cat.wages',
  hours: 'tickets.cat.hours',
  safety: 'tickets.cat.safety',
  union: 'tickets.cat.union',
  discrimination: 'tickets.cat.discrimination',
  environment: 'tickets.cat.environment',
  security: 'tickets.cat.security',
  other: 'tickets.cat.other',
  utilities: 'tickets.cat.utilities',
  land: 'tickets.cat.land',
  investment: 'tickets.cat.investment',
  construction: 'tickets.cat.construction',
  labour: 'tickets.cat.labour',
} as const satisfies Record<TicketCategory, string>;

const STATUS_KEYS = {
  new: 'tickets.status.new',
  in_progress: 'tickets.status.in_progress',
  resolved: 'tickets.status.resolved',
  rejected: 'tickets.status.rejected',
  closed: 'tickets.status.closed',
} as const satisfies Record<TicketStatus, string>;

const TYPE_KEYS = {
  complaint: 'tickets.type.complaint',
  request: 'tickets.type.request',
} as const satisfies Record<TicketType, string>;

const ACTION_KEYS = {
  created: 'tickets.action.created',
  status: 'tickets.action.status',
  take: 'tickets.action.take',
  reply: 'tickets.action.reply',
  ask: 'tickets.action.ask',
  info: 'tickets.action.info',
  rating: 'tickets.action.rating',
  undelivered: 'tickets.action.undelivered',
  note: 'tickets.action.note',
  assign: 'tickets.action.assign',
} as const satisfies Record<HistoryEntry['action'], string>;

/** Category names in the reader's language (plain text; escape before putting into HTML). */
export const categoryLabel = (t: Translate, category: TicketCategory): string =>
  t(CATEGORY_KEYS[category]);
export const statusLabel = (t: Translate, status: TicketStatus): string => t(STATUS_KEYS[status]);
export const typeLabel = (t: Translate, type: TicketType): string => t(TYPE_KEYS[type]);
export const actionLabel = (t: Translate, action: HistoryEntry['action']): string =>
  t(ACTION_KEYS[action]);
