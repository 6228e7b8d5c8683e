import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  type NewTicket,
  openTickets,
  type TicketRepository,
} from '../../src/store/tickets/index.ts';

/** The lowdb layout of tickets; what every backend does is in contract/tickets.test.ts. */
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

let dir: string;
const now = () => new Date('2025-03-03T02:00:00Z');
const open = () => openTickets(dir, now);

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'tickets-'));
});
afterEach(() => rm(dir, { recursive: true, force: true }));

describe('ticket files', () => {
  it('keeps tickets in 1,000-ticket shards that survive reopening', async () => {
    const tickets = await open();
    await Promise.all(Array.from({ length: 1001 }, () => tickets.create(input())));
    await tickets.flush();
    expect((await readdir(join(dir, 'tickets'))).sort()).toEqual([
      'tickets-0000.json',
      'tickets-0001.json',
    ]);
    await tickets.respond('KN-0001', 9, 'reply', 'checking');
    const again = await open();
    expect(again.list()).toHaveLength(1001);
    expect(again.get('KN-0001')?.history.at(-1)?.note).toBe('checking');
    expect((await again.create(input())).code).toBe('KN-1002');
  });

  it('writes 200 concurrent filings into the first shard file', async () => {
    const tickets: TicketRepository = await open();
    await Promise.all(
      Array.from({ length: 200 }, (_, i) =>
        tickets.create(input({ filer: { ...FILER, userId: i, chatId: i } })),
      ),
    );
    const raw = await readFile(join(dir, 'tickets', 'tickets-0000.json'), 'utf8');
    expect(Object.keys(JSON.parse(raw).data)).toHaveLength(200);
  });
});
