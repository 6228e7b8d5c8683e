import { beforeEach, describe, expect, it } from 'vitest';
import {
  TicketNotFoundError,
  type TicketRepository,
  type TicketStatus,
  TicketTransitionError,
} from '../../../src/store/tickets/index.ts';
import { BACKENDS } from './backends.ts';

/**
 * The ticket lifecycle as officers and filers are told it, written out here independently of
 * the code's table: every pair of statuses is tried, and a refused change leaves the ticket as
 * it was.
 */
const ALLOWED: Record<TicketStatus, TicketStatus[]> = {
  new: ['in_progress', 'resolved', 'rejected'],
  in_progress: ['resolved', 'rejected'],
  resolved: ['in_progress', 'closed'],
  rejected: ['in_progress', 'closed'],
  closed: [],
};
const STATUSES = Object.keys(ALLOWED) as TicketStatus[];
/** How a new ticket reaches each status through allowed changes. */
const PATH: Record<TicketStatus, TicketStatus[]> = {
  new: [],
  in_progress: ['in_progress'],
  resolved: ['resolved'],
  rejected: ['rejected'],
  closed: ['resolved', 'closed'],
};

async function ticketIn(tickets: TicketRepository, status: TicketStatus): Promise<string> {
  const { code } = await tickets.create({
    type: 'complaint',
    category: 'wages',
    parkId: null,
    company: null,
    description: 'Lương trả chậm',
    attachments: [],
    anonymous: true,
    filer: { userId: 1, chatId: 1, name: 'A' },
  });
  for (const step of PATH[status]) await tickets.transition(code, step, 900);
  expect(tickets.get(code)?.status).toBe(status);
  return code;
}

describe.each(BACKENDS)('ticket lifecycle on $name', (backend) => {
  const storage = backend.use();
  let tickets: TicketRepository;
  beforeEach(async () => {
    tickets = await storage.openTickets(() => new Date('2026-03-02T02:00:00Z'));
  });

  for (const from of STATUSES) {
    for (const to of STATUSES) {
      const allowed = ALLOWED[from].includes(to);
      it(`${allowed ? 'allows' : 'refuses'} ${from} → ${to}`, async () => {
        const code = await ticketIn(tickets, from);
        const before = JSON.stringify(tickets.get(code));
        if (allowed) {
          await expect(tickets.transition(code, to, 900, 'ghi chú')).resolves.toMatchObject({
            status: to,
          });
          expect(tickets.get(code)?.history.at(-1)).toMatchObject({
            by: 900,
            action: 'status',
            status: to,
            note: 'ghi chú',
          });
        } else {
          await expect(tickets.transition(code, to, 900)).rejects.toBeInstanceOf(
            TicketTransitionError,
          );
          expect(JSON.stringify(tickets.get(code))).toBe(before);
        }
      });
    }
  }

  it('refuses a change to a ticket that does not exist, naming it', async () => {
    await expect(tickets.transition('KN-9999', 'resolved', 900)).rejects.toBeInstanceOf(
      TicketNotFoundError,
    );
    expect(tickets.get('KN-9999')).toBeUndefined();
  });
});
