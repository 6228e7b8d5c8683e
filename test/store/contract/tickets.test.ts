import { beforeEach, describe, expect, it } from 'vitest';
import {
  type NewTicket,
  parseCode,
  type TicketRepository,
  TicketTransitionError,
} from '../../../src/store/tickets/index.ts';
import { BACKENDS } from './backends.ts';

const FILER = { userId: 4242, chatId: 4242, name: 'Nguyễn Văn Secret', username: 'secret_user' };
const input = (overrides: Partial<NewTicket> = {}): NewTicket => ({
  type: 'complaint',
  category: 'wages',
  parkId: 'tien-son',
  company: null,
  description: 'Lương trả chậm',
  attachments: [{ kind: 'photo', fileId: 'photo-1' }],
  anonymous: true,
  filer: FILER,
  ...overrides,
});

describe.each(BACKENDS)('ticket repository on $name', (backend) => {
  const storage = backend.use();
  let clock: Date;
  const now = () => clock;
  const open = () => storage.openTickets(now);
  beforeEach(() => {
    clock = new Date('2025-03-03T02:00:00Z');
  });

  it('numbers complaints and requests separately', async () => {
    const tickets = await open();
    const a = await tickets.create(input());
    const b = await tickets.create(input({ type: 'request', anonymous: false }));
    const c = await tickets.create(input());
    expect([a.code, b.code, c.code]).toEqual(['KN-0001', 'HT-0001', 'KN-0002']);
    expect(parseCode('#kn-2')).toBe('KN-0002');
    expect(parseCode('XX-1')).toBeNull();
  });

  it('allows only lifecycle transitions and records who, when and note', async () => {
    const tickets = await open();
    const { code } = await tickets.create(input());
    await expect(tickets.transition(code, 'closed', 7)).rejects.toBeInstanceOf(
      TicketTransitionError,
    );
    expect(tickets.get(code)?.status).toBe('new');
    await tickets.take(code, 7);
    clock = new Date('2025-03-04T02:00:00Z');
    await tickets.transition(code, 'resolved', 7, 'paid');
    await tickets.transition(code, 'in_progress', 'filer');
    await tickets.transition(code, 'rejected', 8, 'duplicate');
    await tickets.transition(code, 'closed', 'system');
    await expect(tickets.transition(code, 'in_progress', 'filer')).rejects.toThrow(
      /cannot go from closed/,
    );
    const history = tickets.get(code)?.history ?? [];
    expect(history.map((entry) => [entry.by, entry.action, entry.status])).toEqual([
      ['filer', 'created', 'new'],
      [7, 'take', 'in_progress'],
      [7, 'status', 'resolved'],
      ['filer', 'status', 'in_progress'],
      [8, 'status', 'rejected'],
      ['system', 'status', 'closed'],
    ]);
    expect(history[2]).toMatchObject({ note: 'paid', at: '2025-03-04T02:00:00.000Z' });
  });

  it('gives officers a view without identity for anonymous tickets', async () => {
    const tickets = await open();
    const hidden = await tickets.create(input());
    const named = await tickets.create(input({ anonymous: false }));
    const view = tickets.view(hidden.code);
    expect(JSON.stringify(view)).not.toMatch(/4242|Secret|secret_user/);
    expect(JSON.stringify(tickets.list())).not.toMatch(/4242/);
    expect(tickets.view(named.code)).toMatchObject({
      anonymous: false,
      filer: { name: FILER.name, username: FILER.username },
    });
  });

  it('gives 200 concurrent filings 200 distinct codes, all stored after reopening', async () => {
    const tickets: TicketRepository = await open();
    const created = await Promise.all(
      Array.from({ length: 200 }, (_, i) =>
        tickets.create(input({ filer: { ...FILER, userId: i, chatId: i } })),
      ),
    );
    expect(new Set(created.map((ticket) => ticket.code)).size).toBe(200);
    const again = await open();
    expect(again.list()).toHaveLength(200);
    for (const ticket of created) expect(again.get(ticket.code)).toBeDefined();
    expect((await again.create(input())).code).toBe('KN-0201');
  });

  it('auto-closes old resolutions only, and counts filings per hour', async () => {
    const tickets = await open();
    const old = await tickets.create(input());
    const fresh = await tickets.create(input());
    await tickets.transition(old.code, 'resolved', 1);
    clock = new Date('2025-03-12T02:00:00Z');
    await tickets.transition(fresh.code, 'resolved', 1);
    expect(await tickets.autoClose(new Date('2025-03-05T02:00:00Z'))).toEqual([old.code]);
    expect(tickets.get(old.code)?.status).toBe('closed');
    expect(tickets.get(fresh.code)?.status).toBe('resolved');
    expect(tickets.countFiledSince(FILER.userId, new Date('2025-03-03T01:00:00Z'))).toBe(2);
    expect(tickets.countFiledSince(FILER.userId, new Date('2025-03-03T03:00:00Z'))).toBe(0);
  });
});
