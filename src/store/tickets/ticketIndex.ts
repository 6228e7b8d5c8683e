import type { AnonymousContacts } from './contacts.ts';
import type { Ticket, TicketStatus, TicketType } from './schema.ts';

/**
 * The repository's in-memory view of every ticket, kept on each committed write: by code, by
 * filer, by submission id, by status (auto-close and retention read one status), the ones with
 * pending notices, and the highest numbers issued.
 */
export class TicketIndex {
  readonly byCode = new Map<string, Ticket>();
  readonly bySubmission = new Map<string, string>();
  /** Codes of tickets carrying notices still to send. */
  readonly withNotices = new Set<string>();
  readonly counters: Record<TicketType, number> = { complaint: 0, request: 0 };
  seq = 0;
  private readonly byFiler = new Map<number, Set<string>>();
  private readonly byStatus = new Map<TicketStatus, Set<string>>();
  private readonly statusOf = new Map<string, TicketStatus>();

  constructor(private readonly contacts: AnonymousContacts) {}

  /** Records `ticket` (new or changed) in every index. */
  add(ticket: Ticket): void {
    this.byCode.set(ticket.code, ticket);
    const was = this.statusOf.get(ticket.code);
    if (was !== ticket.status) {
      if (was !== undefined) this.byStatus.get(was)?.delete(ticket.code);
      const now = this.byStatus.get(ticket.status) ?? new Set<string>();
      now.add(ticket.code);
      this.byStatus.set(ticket.status, now);
      this.statusOf.set(ticket.code, ticket.status);
    }
    const filer = this.filerKey(ticket);
    if (filer !== undefined) {
      const own = this.byFiler.get(filer) ?? new Set<string>();
      own.add(ticket.code);
      this.byFiler.set(filer, own);
    }
    if (ticket.submissionId) this.bySubmission.set(ticket.submissionId, ticket.code);
    if (ticket.notices?.length) this.withNotices.add(ticket.code);
    else this.withNotices.delete(ticket.code);
    this.seq = Math.max(this.seq, ticket.seq);
    const number = Number(ticket.code.slice(3));
    this.counters[ticket.type] = Math.max(this.counters[ticket.type], number);
  }

  /** Forgets who filed `ticket` (its filer is being erased). */
  dropFiler(ticket: Ticket): void {
    const filer = this.filerKey(ticket);
    if (filer !== undefined) this.byFiler.get(filer)?.delete(ticket.code);
  }

  withStatus(...statuses: TicketStatus[]): Ticket[] {
    return statuses.flatMap((status) =>
      [...(this.byStatus.get(status) ?? [])].flatMap((code) => this.byCode.get(code) ?? []),
    );
  }

  filedBy(userId: number): Ticket[] {
    return [...(this.byFiler.get(userId) ?? [])].flatMap((code) => this.byCode.get(code) ?? []);
  }

  private filerKey(ticket: Ticket): number | undefined {
    if (ticket.erasedAt !== undefined) return undefined;
    return ticket.anonymous ? this.contacts.chatOf(ticket.code) : ticket.filer.userId || undefined;
  }
}
