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

/** Changes one ticket at a time, each written before the next starts (see createTicketRepository). */
export type MutateTicket = (
  code: string,
  change: (ticket: Ticket, at: string) => void,
) => Promise<unknown>;

/**
 * The notice side of the repository: what the outbox worker reads (pending notices, one notice)
 * and how it records each recipient's outcome, through the repository's own serial writes.
 */
export function ticketNotices(
  byCode: ReadonlyMap<string, Ticket>,
  withNotices: ReadonlySet<string>,
  mutate: MutateTicket,
) {
  return {
    pendingNotices(): PendingNotice[] {
      const pending: PendingNotice[] = [];
      for (const code of withNotices) {
        for (const notice of byCode.get(code)?.notices ?? []) pending.push({ code, notice });
      }
      return pending.sort((a, b) => a.notice.at.localeCompare(b.notice.at));
    },
    notice: (code: string, noticeId: string) =>
      byCode.get(code)?.notices?.find((candidate) => candidate.id === noticeId),
    async markNotice(code: string, noticeId: string, index: number, mark: string) {
      await mutate(code, (ticket) => {
        setMark(ticket, noticeId, index, mark);
      });
    },
    async finishNotice(code: string, noticeId: string) {
      if (!byCode.get(code)?.notices?.some((notice) => notice.id === noticeId)) return;
      await mutate(code, (ticket) => dropNotice(ticket, noticeId));
    },
  };
}

/**
 * Applies `change` to a copy of `current` as one idempotent step: nothing when a change with the
 * same key is already in its history, else every history entry it adds carries the key, and the
 * notices it asks for join the same record. Returns undefined when it was already done.
 */
export function keyedChange(
  current: Ticket,
  change: (ticket: Ticket, at: string) => void,
  options: ChangeOptions,
  at: string,
): Ticket | undefined {
  if (alreadyDone(current, options.key)) return undefined;
  const next = structuredClone(current);
  const historyBefore = next.history.length;
  change(next, at);
  if (options.key) {
    for (const entry of next.history.slice(historyBefore)) entry.key = options.key;
  }
  addNotices(next, options.notify, at, options.key);
  return next;
}

/** Runs work for one key at a time, in call order; a failed turn does not stop the next. */
export function serialByKey() {
  const turns = new Map<string, Promise<unknown>>();
  return <T>(key: string, work: () => Promise<T>): Promise<T> => {
    const previous = turns.get(key) ?? Promise.resolve();
    const turn = previous.catch(() => undefined).then(work);
    turns.set(key, turn);
    void turn
      .catch(() => undefined)
      .finally(() => {
        if (turns.get(key) === turn) turns.delete(key);
      });
    return turn;
  };
}
