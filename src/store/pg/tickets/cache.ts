import type { PendingNotice } from '../../tickets/notices.ts';
import type { Ticket } from '../../tickets/schema.ts';

/**
 * What one instance holds of the tickets, for the synchronous reads (view, list, byFiler): the
 * records as committed, the anonymous reply chats, and indexes by filer and submission. Filled
 * at start, then set from each committed change, this instance's or (through the change feed)
 * another's.
 */
export class TicketCache {
  private readonly byCode = new Map<string, Ticket>();
  private readonly contacts = new Map<string, number>();
  private readonly byFiler = new Map<number, Set<string>>();
  private readonly bySubmission = new Map<string, string>();
  private readonly withNotices = new Set<string>();

  constructor(tickets: Ticket[], contacts: Map<string, number>) {
    this.reset(tickets, contacts);
  }

  /** Replaces everything held (start-up, or after changes may have been missed). */
  reset(tickets: Ticket[], contacts: Map<string, number>): void {
    for (const map of [this.byCode, this.contacts, this.byFiler, this.bySubmission]) map.clear();
    this.withNotices.clear();
    for (const [code, chat] of contacts) this.contacts.set(code, chat);
    for (const ticket of tickets) this.put(ticket);
  }

  /** Puts a committed ticket (and its reply chat, when given) in place of the old one. */
  put(ticket: Ticket, contact?: number): void {
    const previous = this.byCode.get(ticket.code);
    if (previous) this.unindex(previous);
    if (contact !== undefined) this.contacts.set(ticket.code, contact);
    this.byCode.set(ticket.code, ticket);
    const filer = this.filerKey(ticket);
    if (filer !== undefined) {
      const own = this.byFiler.get(filer) ?? new Set<string>();
      own.add(ticket.code);
      this.byFiler.set(filer, own);
    }
    if (ticket.submissionId) this.bySubmission.set(ticket.submissionId, ticket.code);
    if (ticket.notices?.length) this.withNotices.add(ticket.code);
    else this.withNotices.delete(ticket.code);
  }

  /** Forgets an erased ticket's reply chat (its ticket is put again right after). */
  dropContact(code: string): void {
    const ticket = this.byCode.get(code);
    if (ticket) this.unindex(ticket);
    this.contacts.delete(code);
  }

  raw(code: string): Ticket | undefined {
    return this.byCode.get(code);
  }

  get(code: string): Ticket | undefined {
    const ticket = this.byCode.get(code);
    return ticket ? this.filerFacing(ticket) : undefined;
  }

  findSubmission(submissionId: string): Ticket | undefined {
    const code = this.bySubmission.get(submissionId);
    return code ? this.get(code) : undefined;
  }

  newestFirst(): Ticket[] {
    return [...this.byCode.values()].sort((a, b) => b.seq - a.seq);
  }

  ofFiler(userId: number): Ticket[] {
    return [...(this.byFiler.get(userId) ?? [])]
      .flatMap((code) => this.byCode.get(code) ?? [])
      .sort((a, b) => b.seq - a.seq);
  }

  replyChat(code: string): number | undefined {
    const ticket = this.byCode.get(code);
    if (!ticket || ticket.erasedAt !== undefined) return undefined;
    return ticket.anonymous ? this.contacts.get(code) : ticket.filer.chatId;
  }

  pendingNotices(): PendingNotice[] {
    const pending: PendingNotice[] = [];
    for (const code of this.withNotices) {
      for (const notice of this.byCode.get(code)?.notices ?? []) pending.push({ code, notice });
    }
    return pending.sort((a, b) => a.notice.at.localeCompare(b.notice.at));
  }

  /** For filer-facing code: an anonymous ticket's filer is its reply chat and nothing more. */
  filerFacing(ticket: Ticket): Ticket {
    if (!ticket.anonymous) return structuredClone(ticket);
    const chatId = this.contacts.get(ticket.code) ?? 0;
    return { ...structuredClone(ticket), filer: { userId: chatId, chatId, name: '' } };
  }

  private filerKey(ticket: Ticket): number | undefined {
    if (ticket.erasedAt !== undefined) return undefined;
    return ticket.anonymous ? this.contacts.get(ticket.code) : ticket.filer.userId || undefined;
  }

  private unindex(ticket: Ticket): void {
    const filer = this.filerKey(ticket);
    if (filer !== undefined) this.byFiler.get(filer)?.delete(ticket.code);
  }
}
