import type { SessionWrite } from '../sessions.ts';
import type { DigestQueue } from './digests.ts';
import type { ChangeOptions, PendingNotice } from './notices.ts';
import type {
  Actor,
  Attachment,
  NewTicket,
  NoticeRequest,
  OfficerTicketView,
  Ticket,
  TicketNotice,
  TicketStatus,
} from './schema.ts';

/**
 * The only way handlers touch tickets. `get` returns the filer-facing record (with the chat to
 * reply to); everything officer-facing goes through `view`/`list`, which strip identity from
 * anonymous tickets. Every change is written before it becomes visible: a failed write leaves
 * the ticket as it was. Each change may carry notifications, written in the same write.
 */
export interface TicketRepository {
  /**
   * Assigns the code synchronously (unique under any concurrency) and resolves once on disk.
   * With a `submissionId` already used, returns that ticket instead of filing a second one.
   * `session` is the filer's next session step: PostgreSQL commits it with the ticket; lowdb
   * leaves it to the session middleware, written after the ticket.
   */
  create(
    input: NewTicket,
    options?: { submissionId?: string; notify?: NoticeRequest[]; session?: SessionWrite<Ticket> },
  ): Promise<Ticket>;
  /** The ticket filed from this dialogue submission, if any. */
  findSubmission(submissionId: string): Ticket | undefined;
  get(code: string): Ticket | undefined;
  view(code: string): OfficerTicketView | undefined;
  /** Every ticket as officers may see it, newest first. */
  list(): OfficerTicketView[];
  /** The filer's own tickets, newest first. */
  byFiler(userId: number): Ticket[];
  /** How many tickets this user filed since `since` (for the hourly cap). */
  countFiledSince(userId: number, since: Date): number;
  /** Changes the status if the lifecycle allows it; throws TicketTransitionError otherwise. */
  transition(
    code: string,
    to: TicketStatus,
    by: Actor,
    note?: string,
    options?: ChangeOptions,
  ): Promise<Ticket>;
  /** An officer takes the ticket: assignee set, `new` becomes `in_progress`. */
  take(code: string, officerId: number, options?: ChangeOptions): Promise<Ticket>;
  /** An officer's reply or question, recorded; the first one counts as the first response. */
  respond(
    code: string,
    officerId: number,
    action: 'reply' | 'ask',
    text: string,
    options?: ChangeOptions,
  ): Promise<Ticket>;
  /** An officer's message could not reach the filer (data erased, bot blocked): kept on record. */
  noteUndelivered(code: string, officerId: number, reason: string): Promise<Ticket>;
  /** Hands the ticket to an officer, or back to the queue with null; `new` becomes `in_progress`. */
  assign(code: string, officerId: number | null, by: Actor): Promise<Ticket>;
  /** An officer's internal note: kept in the history, never sent to the filer. */
  note(code: string, officerId: number, text: string): Promise<Ticket>;
  /** The filer adds text and/or attachments. */
  addInfo(
    code: string,
    text: string | null,
    attachments: Attachment[],
    options?: ChangeOptions,
  ): Promise<Ticket>;
  rate(code: string, rating: number): Promise<Ticket>;
  /** Closes resolved/rejected tickets older than `before`, telling each filer; returns codes. */
  autoClose(before: Date, notify?: NoticeRequest[]): Promise<string[]>;
  /**
   * Erases the personal data (identity, chat link, company, texts, attachments) of tickets
   * closed before `before`, keeping category, park, dates, status and rating for the figures.
   */
  eraseClosedBefore(before: Date): Promise<string[]>;
  /** /forgetme: the same erasure for every ticket of one filer, whatever its state. */
  eraseFiler(userId: number): Promise<string[]>;
  /** Notifications still to send, oldest first. */
  pendingNotices(): PendingNotice[];
  /** One pending notification (read-only), or undefined once finished. */
  notice(code: string, noticeId: string): Readonly<TicketNotice> | undefined;
  /** The chat a filer-bound notice goes to (the anonymous link, or the named filer's chat). */
  replyChat(code: string): number | undefined;
  /** Records Telegram's answer for one recipient; resolves when durable. */
  markNotice(code: string, noticeId: string, index: number, mark: string): Promise<void>;
  /** Removes a notice whose recipients all have an outcome. */
  finishNotice(code: string, noticeId: string): Promise<void>;
  /** The officers' digests waiting to be delivered (see digests.ts). */
  digests: DigestQueue;
  flush(): Promise<void>;
}
