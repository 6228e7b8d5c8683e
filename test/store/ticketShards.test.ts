import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { WriteHealth } from '../../src/store/envelope.ts';
import { failingWrites, nodeFileLayer } from '../../src/store/fileLayer.ts';
import type { Ticket } from '../../src/store/tickets/index.ts';
import { TicketShards } from '../../src/store/tickets/shards.ts';

let dir: string;
let full = false;
const layer = failingWrites(nodeFileLayer, () => full);
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'kcn-ticket-shards-'));
  full = false;
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

const at = '2026-02-01T00:00:00.000Z';
const ticket = (seq: number, description = 'Chậm lương'): Ticket => ({
  code: `KN-${String(seq).padStart(4, '0')}`,
  seq,
  type: 'complaint',
  category: 'wages',
  parkId: null,
  company: null,
  description,
  attachments: [],
  anonymous: false,
  filer: { userId: 1, chatId: 1, name: 'An' },
  status: 'new',
  assignee: null,
  createdAt: at,
  firstResponseAt: null,
  resolvedAt: null,
  closedAt: null,
  rating: null,
  history: [{ at, by: 'filer', action: 'created', status: 'new' }],
});
const open = async () => (await TicketShards.open(dir, layer, new WriteHealth())).shards;

describe('TicketShards.update', () => {
  it('writes what the change replaced or deleted, and only once it is on disk', async () => {
    const shards = await open();
    await shards.update(1, (shard) => {
      shard['KN-0001'] = ticket(1);
      shard['KN-0002'] = ticket(2);
    });
    full = true;
    await expect(
      shards.update(1, (shard) => {
        shard['KN-0001'] = ticket(1, 'changed');
      }),
    ).rejects.toMatchObject({ code: 'ENOSPC' });
    full = false;
    await shards.update(2, (shard) => {
      delete shard['KN-0002'];
    });
    const { tickets } = await TicketShards.open(dir, layer, new WriteHealth());
    expect(tickets.map((t) => [t.code, t.description])).toEqual([['KN-0001', 'Chậm lương']]);
  });
});
