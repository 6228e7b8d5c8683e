import type { TicketRepository } from '../store/tickets/index.ts';
import type { QueuedJob, WorkQueue } from './outboxWorker.ts';

/** What the worker hands the sender: a notice of a ticket, or an officers' digest. */
export type TicketNoticeRef =
  | { kind: 'ticket'; code: string; noticeId: string }
  | { kind: 'digest'; id: string };

const SEPARATOR = '|';
const DIGEST = 'digest';

/**
 * The tickets' pending notifications and the officers' digests seen as one outbox, so the worker
 * that paces broadcasts (one message a second per chat, a 429 pausing the queue, marks only after
 * Telegram's answer) also delivers them. Ticket notices live on the ticket records, written in
 * the same write as the change that caused them, so a crash can delay one but never lose it.
 */
export function ticketNoticeQueue(tickets: TicketRepository): WorkQueue<TicketNoticeRef> {
  const recipients = (code: string, to: readonly (number | 'filer')[]): number[] =>
    to.map((recipient) => (recipient === 'filer' ? (tickets.replyChat(code) ?? 0) : recipient));
  const split = (jobId: string): TicketNoticeRef => {
    const at = jobId.indexOf(SEPARATOR);
    const head = jobId.slice(0, at);
    const rest = jobId.slice(at + 1);
    return head === DIGEST
      ? { kind: 'digest', id: rest }
      : { kind: 'ticket', code: head, noticeId: rest };
  };
  const job = (ref: TicketNoticeRef): QueuedJob<TicketNoticeRef> | undefined => {
    if (ref.kind === 'digest') {
      const digest = tickets.digests.get(ref.id);
      return digest && { ...digest, id: `${DIGEST}${SEPARATOR}${ref.id}`, message: ref };
    }
    const notice = tickets.notice(ref.code, ref.noticeId);
    if (!notice) return undefined;
    return {
      id: `${ref.code}${SEPARATOR}${ref.noticeId}`,
      to: recipients(ref.code, notice.to),
      marks: notice.marks,
      message: ref,
    };
  };
  return {
    get: (jobId) => job(split(jobId)),
    jobs: () => [
      ...tickets
        .pendingNotices()
        .flatMap(({ code, notice }) => job({ kind: 'ticket', code, noticeId: notice.id }) ?? []),
      ...tickets.digests.pending().flatMap(({ id }) => job({ kind: 'digest', id }) ?? []),
    ],
    mark(jobId, index, mark) {
      const ref = split(jobId);
      return ref.kind === 'digest'
        ? tickets.digests.mark(ref.id, index, mark)
        : tickets.markNotice(ref.code, ref.noticeId, index, mark);
    },
    remove(jobId) {
      const ref = split(jobId);
      return ref.kind === 'digest'
        ? tickets.digests.finish(ref.id)
        : tickets.finishNotice(ref.code, ref.noticeId);
    },
  };
}
