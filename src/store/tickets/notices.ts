import { randomUUID } from 'node:crypto';
import type { NoticeRequest, Ticket, TicketNotice } from './schema.ts';

/** A pending notification with the ticket it belongs to, for the outbox worker. */
export interface PendingNotice {
  code: string;
  notice: TicketNotice;
}

/** Options every change accepts: its idempotency key and what it must tell whom. */
export interface ChangeOptions {
  /** A repeated change with the same key (a redelivered update, a double press) changes nothing. */
  key?: string;
  notify?: NoticeRequest[];
}

/** Whether the ticket already carries a change made under `key`. */
export function alreadyDone(ticket: Ticket, key: string | undefined): boolean {
  return key !== undefined && ticket.history.some((entry) => entry.key === key);
}

/** Adds the requested notifications to the ticket (in the same write as the change). */
export function addNotices(
  ticket: Ticket,
  requests: NoticeRequest[] | undefined,
  at: string,
  key?: string,
): void {
  if (!requests || requests.length === 0) return;
  const notices = ticket.notices ?? [];
  for (const [index, request] of requests.entries()) {
    const recipients = [...new Set(request.to)];
    if (recipients.length === 0) continue;
    notices.push({
      id: key ? `${key}.${index}` : randomUUID(),
      event: request.event,
      to: recipients,
      marks: '.'.repeat(recipients.length),
      ...(request.note !== undefined && { note: request.note }),
      ...(request.files !== undefined && { files: request.files }),
      at,
    });
  }
  ticket.notices = notices;
}

/** Sets one recipient's outcome; false when the notice or index does not exist. */
export function setMark(ticket: Ticket, noticeId: string, index: number, mark: string): boolean {
  const notice = ticket.notices?.find((candidate) => candidate.id === noticeId);
  if (!notice || index < 0 || index >= notice.marks.length) return false;
  notice.marks = `${notice.marks.slice(0, index)}${mark}${notice.marks.slice(index + 1)}`;
  return true;
}

/** Removes a finished notice; the field disappears with the last one. */
export function dropNotice(ticket: Ticket, noticeId: string): void {
  const rest = (ticket.notices ?? []).filter((notice) => notice.id !== noticeId);
  if (rest.length > 0) ticket.notices = rest;
  else delete ticket.notices;
}
