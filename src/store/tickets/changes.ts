import type { Actor, Attachment, Ticket, TicketStatus } from './schema.ts';
import { TicketTransitionError, TRANSITIONS } from './schema.ts';

/**
 * What each ticket action does to the record, shared by the lowdb and PostgreSQL repositories so
 * both backends keep one lifecycle. A change edits a private copy at time `at` and throws
 * (TicketTransitionError) to refuse; the repository writes the copy or nothing.
 */
export type TicketChange = (ticket: Ticket, at: string) => void;

/** What an anonymous ticket keeps of its filer on disk: nothing. */
export const NO_FILER = { userId: 0, chatId: 0, name: '' } as const;

/** Moves the status if the lifecycle allows it, keeping the resolution and closing times. */
export function setStatus(ticket: Ticket, to: TicketStatus, at: string): void {
  if (!TRANSITIONS[ticket.status].includes(to)) {
    throw new TicketTransitionError(ticket.code, ticket.status, to);
  }
  ticket.status = to;
  if (to === 'resolved' || to === 'rejected') ticket.resolvedAt = at;
  if (to === 'in_progress') ticket.resolvedAt = null;
  if (to === 'closed') ticket.closedAt = at;
}

export const transitionChange =
  (to: TicketStatus, by: Actor, note?: string): TicketChange =>
  (ticket, at) => {
    setStatus(ticket, to, at);
    ticket.history.push({ at, by, action: 'status', status: to, ...(note ? { note } : {}) });
  };

export const takeChange =
  (officerId: number): TicketChange =>
  (ticket, at) => {
    ticket.assignee = officerId;
    if (ticket.status === 'new') ticket.status = 'in_progress';
    ticket.firstResponseAt ??= at;
    ticket.history.push({ at, by: officerId, action: 'take', status: ticket.status });
  };

export const respondChange =
  (officerId: number, action: 'reply' | 'ask', text: string): TicketChange =>
  (ticket, at) => {
    if (ticket.status === 'new') ticket.status = 'in_progress';
    ticket.firstResponseAt ??= at;
    ticket.history.push({ at, by: officerId, action, note: text });
  };

export const undeliveredChange =
  (officerId: number, reason: string): TicketChange =>
  (ticket, at) => {
    ticket.history.push({ at, by: officerId, action: 'undelivered', note: reason });
  };

export const assignChange =
  (officerId: number | null, by: Actor): TicketChange =>
  (ticket, at) => {
    ticket.assignee = officerId;
    if (officerId !== null && ticket.status === 'new') ticket.status = 'in_progress';
    const note = officerId === null ? '' : String(officerId);
    ticket.history.push({ at, by, action: 'assign', status: ticket.status, note });
  };

export const noteChange =
  (officerId: number, text: string): TicketChange =>
  (ticket, at) => {
    ticket.history.push({ at, by: officerId, action: 'note', note: text });
  };

export const addInfoChange =
  (text: string | null, attachments: Attachment[]): TicketChange =>
  (ticket, at) => {
    ticket.attachments.push(...attachments);
    const files = attachments.length > 0 ? ` [+${attachments.length}]` : '';
    ticket.history.push({ at, by: 'filer', action: 'info', note: `${text ?? ''}${files}` });
  };

export const rateChange =
  (rating: number): TicketChange =>
  (ticket, at) => {
    ticket.rating = rating;
    ticket.history.push({ at, by: 'filer', action: 'rating', note: String(rating) });
  };

export const autoCloseChange: TicketChange = (ticket, at) => {
  setStatus(ticket, 'closed', at);
  ticket.history.push({ at, by: 'system', action: 'status', status: 'closed' });
};

/** Whether an auto-close is due: resolved or rejected before `limit` (ISO). */
export const autoCloseDue = (ticket: Ticket, limit: string): boolean =>
  (ticket.status === 'resolved' || ticket.status === 'rejected') &&
  ticket.resolvedAt !== null &&
  ticket.resolvedAt < limit;

/** The idempotency key of an auto-close, so a repeated run closes a ticket once. */
export const autoCloseKey = (ticket: Ticket): string => `autoclose:${ticket.resolvedAt}`;

/** Erasure: identity, chat link, company, texts and attachments go; figures stay. */
export const eraseChange: TicketChange = (ticket, at) => {
  ticket.filer = { ...NO_FILER };
  ticket.anonymous = true;
  ticket.company = null;
  ticket.description = '';
  ticket.attachments = [];
  ticket.history = ticket.history.map(({ note: _note, ...entry }) => entry);
  ticket.erasedAt = at;
  delete ticket.notices;
};
