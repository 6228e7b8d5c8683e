import type { TicketFloor } from '../ticketFloor.ts';
import {
  type Actor,
  type Attachment,
  formatCode,
  type NewTicket,
  type OfficerTicketView,
  type Ticket,
  type TicketStatus,
  TicketTransitionError,
  type TicketType,
  TRANSITIONS,
} from './schema.ts';
import type { TicketShards } from './shards.ts';

/** Raised when a code names no ticket. */
export class TicketNotFoundError extends Error {
  constructor(readonly code: string) {
    super(`no ticket ${code}`);
    this.name = 'TicketNotFoundError';
  }
}

/**
 * The only way handlers touch tickets. `get` returns the full record (filer-facing code needs the
 * chat link); everything officer-facing goes through `view`/`list`, which strip identity from
 * anonymous tickets.
 */
export interface TicketRepository {
  /** Assigns the code synchronously (unique under any concurrency) and resolves once on disk. */
  create(input: NewTicket): Promise<Ticket>;
  get(code: string): Ticket | undefined;
  view(code: string): OfficerTicketView | undefined;
  /** Every ticket as officers may see it, newest first. */
  list(): OfficerTicketView[];
  /** The filer's own tickets, newest first. */
  byFiler(userId: number): Ticket[];
  /** How many tickets this user filed since `since` (for the hourly cap). */
  countFiledSince(userId: number, since: Date): number;
  /** Changes the status if the lifecycle allows it; throws TicketTransitionError otherwise. */
  transition(code: string, to: TicketStatus, by: Actor, note?: string): Promise<Ticket>;
  /** An officer takes the ticket: assignee set, `new` becomes `in_progress`. */
  take(code: string, officerId: number): Promise<Ticket>;
  /** An officer's reply or question, recorded; the first one counts as the first response. */
  respond(code: string, officerId: number, action: 'reply' | 'ask', text: string): Promise<Ticket>;
  /** An officer's message could not reach the filer (data erased, bot blocked): kept on record. */
  noteUndelivered(code: string, officerId: number, reason: string): Promise<Ticket>;
  /** Hands the ticket to an officer, or back to the queue with null; `new` becomes `in_progress`. */
  assign(code: string, officerId: number | null, by: Actor): Promise<Ticket>;
  /** An officer's internal note: kept in the history, never sent to the filer. */
  note(code: string, officerId: number, text: string): Promise<Ticket>;
  /** The filer adds text and/or attachments. */
  addInfo(code: string, text: string | null, attachments: Attachment[]): Promise<Ticket>;
  rate(code: string, rating: number): Promise<Ticket>;
  /** Closes resolved/rejected tickets older than `before`; returns their codes. */
  autoClose(before: Date): Promise<string[]>;
  /**
   * Erases the personal data (identity, chat link, company, texts, attachments) of tickets
   * closed before `before`, keeping category, park, dates, status and rating for the figures.
   */
  eraseClosedBefore(before: Date): Promise<string[]>;
  /** /forgetme: the same erasure for every ticket of one filer, whatever its state. */
  eraseFiler(userId: number): Promise<string[]>;
  flush(): Promise<void>;
}

/** Strips the filer for anonymous tickets and the chat link always. */
export function toOfficerView(ticket: Ticket): OfficerTicketView {
  const { filer, anonymous, ...rest } = ticket;
  if (anonymous) return { ...rest, anonymous: true };
  return { ...rest, anonymous: false, filer: { name: filer.name, username: filer.username } };
}

export function createTicketRepository(
  shards: TicketShards,
  loaded: Ticket[],
  now: () => Date,
  floor: TicketFloor = { complaint: 0, request: 0, seq: 0 },
): TicketRepository {
  const byCode = new Map<string, Ticket>();
  const filerIndex = new Map<number, Ticket[]>();
  const counters: Record<TicketType, number> = { complaint: 0, request: 0 };
  let seq = 0;
  const index = (ticket: Ticket) => {
    byCode.set(ticket.code, ticket);
    const own = filerIndex.get(ticket.filer.userId) ?? [];
    own.push(ticket);
    filerIndex.set(ticket.filer.userId, own);
    seq = Math.max(seq, ticket.seq);
    const number = Number(ticket.code.slice(3));
    counters[ticket.type] = Math.max(counters[ticket.type], number);
  };
  for (const ticket of [...loaded].sort((a, b) => a.seq - b.seq)) index(ticket);
  // Numbers issued before a restore stay issued: never give a lost ticket's code to another.
  counters.complaint = Math.max(counters.complaint, floor.complaint);
  counters.request = Math.max(counters.request, floor.request);
  seq = Math.max(seq, floor.seq);

  /** Puts the stored copy in the indexes once its write is durable (never before). */
  const reindex = (before: Ticket | undefined, after: Ticket) => {
    byCode.set(after.code, after);
    if (before) {
      const own = (filerIndex.get(before.filer.userId) ?? []).filter((t) => t.code !== after.code);
      if (own.length > 0) filerIndex.set(before.filer.userId, own);
      else filerIndex.delete(before.filer.userId);
    }
    if (after.erasedAt === undefined) index(after);
  };
  const mutate = async (code: string, change: (ticket: Ticket, at: string) => void) => {
    const ticket = byCode.get(code);
    if (!ticket) throw new TicketNotFoundError(code);
    const at = now().toISOString();
    const stored = await shards.change(ticket.seq, code, (current) => {
      const draft = current ?? structuredClone(ticket);
      change(draft, at);
      return draft;
    });
    reindex(byCode.get(code), stored);
    return stored;
  };
  const setStatus = (ticket: Ticket, to: TicketStatus, at: string) => {
    if (!TRANSITIONS[ticket.status].includes(to)) {
      throw new TicketTransitionError(ticket.code, ticket.status, to);
    }
    ticket.status = to;
    if (to === 'resolved' || to === 'rejected') ticket.resolvedAt = at;
    if (to === 'in_progress') ticket.resolvedAt = null;
    if (to === 'closed') ticket.closedAt = at;
  };
  const check = (code: string, to: TicketStatus) => {
    const ticket = byCode.get(code);
    if (!ticket) throw new TicketNotFoundError(code);
    if (!TRANSITIONS[ticket.status].includes(to)) {
      throw new TicketTransitionError(code, ticket.status, to);
    }
  };
  const newestFirst = (a: Ticket, b: Ticket) => b.seq - a.seq;

  return {
    async create(input) {
      seq += 1;
      counters[input.type] += 1;
      const createdAt = now().toISOString();
      const ticket: Ticket = {
        ...structuredClone(input),
        code: formatCode(input.type, counters[input.type]),
        seq,
        status: 'new',
        assignee: null,
        createdAt,
        firstResponseAt: null,
        resolvedAt: null,
        closedAt: null,
        rating: null,
        history: [{ at: createdAt, by: 'filer', action: 'created', status: 'new' }],
      };
      const stored = await shards.change(ticket.seq, ticket.code, () => ticket);
      reindex(undefined, stored);
      return stored;
    },
    get: (code) => byCode.get(code),
    view(code) {
      const ticket = byCode.get(code);
      return ticket ? toOfficerView(ticket) : undefined;
    },
    list: () => [...byCode.values()].sort(newestFirst).map(toOfficerView),
    byFiler: (userId) => [...(filerIndex.get(userId) ?? [])].sort(newestFirst),
    countFiledSince(userId, since) {
      const from = since.toISOString();
      return (filerIndex.get(userId) ?? []).filter((ticket) => ticket.createdAt >= from).length;
    },
    async transition(code, to, by, note) {
      check(code, to);
      return mutate(code, (ticket, at) => {
        setStatus(ticket, to, at);
        ticket.history.push({ at, by, action: 'status', status: to, ...(note ? { note } : {}) });
      });
    },
    take(code, officerId) {
      return mutate(code, (ticket, at) => {
        ticket.assignee = officerId;
        if (ticket.status === 'new') ticket.status = 'in_progress';
        ticket.firstResponseAt ??= at;
        ticket.history.push({ at, by: officerId, action: 'take', status: ticket.status });
      });
    },
    respond(code, officerId, action, text) {
      return mutate(code, (ticket, at) => {
        if (ticket.status === 'new') ticket.status = 'in_progress';
        ticket.firstResponseAt ??= at;
        ticket.history.push({ at, by: officerId, action, note: text });
      });
    },
    noteUndelivered(code, officerId, reason) {
      return mutate(code, (ticket, at) => {
        ticket.history.push({ at, by: officerId, action: 'undelivered', note: reason });
      });
    },
    assign(code, officerId, by) {
      return mutate(code, (ticket, at) => {
        ticket.assignee = officerId;
        if (officerId !== null && ticket.status === 'new') ticket.status = 'in_progress';
        const note = officerId === null ? '' : String(officerId);
        ticket.history.push({ at, by, action: 'assign', status: ticket.status, note });
      });
    },
    note(code, officerId, text) {
      return mutate(code, (ticket, at) => {
        ticket.history.push({ at, by: officerId, action: 'note', note: text });
      });
    },
    addInfo(code, text, attachments) {
      return mutate(code, (ticket, at) => {
        ticket.attachments.push(...attachments);
        const files = attachments.length > 0 ? ` [+${attachments.length}]` : '';
        ticket.history.push({ at, by: 'filer', action: 'info', note: `${text ?? ''}${files}` });
      });
    },
    rate(code, rating) {
      return mutate(code, (ticket, at) => {
        ticket.rating = rating;
        ticket.history.push({ at, by: 'filer', action: 'rating', note: String(rating) });
      });
    },
    async autoClose(before) {
      const limit = before.toISOString();
      const due = [...byCode.values()].filter(
        (ticket) =>
          (ticket.status === 'resolved' || ticket.status === 'rejected') &&
          ticket.resolvedAt !== null &&
          ticket.resolvedAt < limit,
      );
      await Promise.all(
        due.map((ticket) =>
          mutate(ticket.code, (stored, at) => {
            setStatus(stored, 'closed', at);
            stored.history.push({ at, by: 'system', action: 'status', status: 'closed' });
          }),
        ),
      );
      return due.map((ticket) => ticket.code);
    },
    eraseClosedBefore(before) {
      const limit = before.toISOString();
      return erase(
        [...byCode.values()].filter(
          (ticket) =>
            ticket.status === 'closed' && ticket.closedAt !== null && ticket.closedAt < limit,
        ),
      );
    },
    eraseFiler: (userId) => erase([...(filerIndex.get(userId) ?? [])]),
    flush: () => shards.flush(),
  };

  async function erase(tickets: Ticket[]): Promise<string[]> {
    const due = tickets.filter((ticket) => ticket.erasedAt === undefined);
    await Promise.all(
      due.map((ticket) =>
        mutate(ticket.code, (stored, at) => {
          stored.filer = { userId: 0, chatId: 0, name: '' };
          stored.anonymous = true;
          stored.company = null;
          stored.description = '';
          stored.attachments = [];
          stored.history = stored.history.map(({ note: _note, ...entry }) => entry);
          stored.erasedAt = at;
        }),
      ),
    );
    return due.map((ticket) => ticket.code);
  }
}
