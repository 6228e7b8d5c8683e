import { afterAll, beforeAll, expect, it } from 'vitest';
import { sessionSchema } from '../../../src/bot/session.ts';
import { createPool } from '../../../src/store/pg/db.ts';
import { type CoreStore, openPgCore } from '../../../src/store/pg/index.ts';
import type { NewTicket } from '../../../src/store/tickets/index.ts';
import { freshDatabase } from '../../support/postgres.ts';

const input = (userId: number): NewTicket => ({
  type: 'complaint',
  category: 'wages',
  parkId: null,
  company: null,
  description: `Lương trả chậm ${userId}`,
  attachments: [],
  anonymous: false,
  filer: { userId, chatId: userId, name: `Filer ${userId}` },
});

let clock = new Date('2024-01-10T02:00:00Z');
let pool: ReturnType<typeof createPool>;
let store: CoreStore<unknown>;
beforeAll(async () => {
  // One connection listens for changes; two are left for writes, as a busy instance has.
  pool = createPool(await freshDatabase(), { max: 3 });
  store = await openPgCore({ pool, sessionSchema, now: () => clock });
});
afterAll(async () => {
  await store.close();
  await pool.end();
});

/**
 * A retention sweep that started every ticket's erasure at once queued them all on the pool,
 * so a worker filing meanwhile waited behind the whole backlog (on a real backlog, past the
 * connection timeout: "not saved"). The sweep now takes one ticket at a time, and leaves the
 * other connection free for users.
 */
it('a retention sweep of a backlog queues one erasure at a time, not the whole backlog', async () => {
  const due = 40;
  for (let n = 1; n <= due; n++) {
    const ticket = await store.tickets.create(input(n));
    await store.tickets.transition(ticket.code, 'resolved', 900);
    await store.tickets.transition(ticket.code, 'closed', 'filer');
  }
  clock = new Date('2026-03-01T02:00:00Z');
  let done = false;
  let mostWaiting = 0;
  const sweep = store.tickets.eraseClosedBefore(new Date('2025-01-01T00:00:00Z')).finally(() => {
    done = true;
  });
  while (!done) {
    mostWaiting = Math.max(mostWaiting, pool.waitingCount);
    await new Promise((resolve) => setImmediate(resolve));
  }
  expect(await sweep).toHaveLength(due);
  // One erasure at a time: at most its next step waits, never the backlog (38 before).
  expect(mostWaiting).toBeLessThanOrEqual(1);
  const filed = await store.tickets.create(input(9999));
  expect(store.tickets.get(filed.code)?.description).toBe('Lương trả chậm 9999');
});
