import type pg from 'pg';
import type { DigestQueue, PendingDigest } from '../../tickets/digests.ts';
import type { ChangeFeed } from '../changes.ts';
import { commit } from '../write.ts';
import { readDigests, saveDigest } from './rows.ts';

/**
 * The officers' digests on PostgreSQL: queued once per id (`ON CONFLICT DO NOTHING`, whichever
 * instance's timer fires first), marked per recipient by the notice worker.
 */
export async function openPgDigests(pool: pg.Pool, feed: ChangeFeed): Promise<DigestQueue> {
  const byId = new Map<string, PendingDigest>();
  const loadAll = async () => {
    const digests = await readDigests(pool);
    byId.clear();
    for (const digest of digests) byId.set(digest.id, digest);
  };
  await loadAll();
  feed.onResync(loadAll);
  const reload = async (id: string) => {
    const [digest] = await readDigests(pool, id);
    if (digest) byId.set(id, digest);
    else byId.delete(id);
  };
  feed.on('digest', reload);
  const write = async (id: string, work: (client: pg.PoolClient) => Promise<unknown>) => {
    await commit(pool, async (client) => {
      await work(client);
      await feed.publish(client, 'digest', id);
    });
    await reload(id);
  };
  return {
    async queue(id, to, at) {
      if (byId.has(id) || to.length === 0) return;
      await write(id, (client) => saveDigest(client, { id, to, marks: '.'.repeat(to.length), at }));
    },
    pending: () => [...byId.keys()].sort().flatMap((id) => byId.get(id) ?? []),
    get: (id) => byId.get(id),
    async mark(id, index, mark) {
      await write(id, (client) =>
        client.query(
          `UPDATE ticket_digests SET marks = overlay(marks placing $3::text from $2::int + 1 for 1)
           WHERE id = $1 AND $2::int >= 0 AND $2::int < length(marks)`,
          [id, index, mark],
        ),
      );
    },
    async finish(id) {
      if (!byId.has(id)) return;
      await write(id, (client) => client.query('DELETE FROM ticket_digests WHERE id = $1', [id]));
    },
    flush: async () => {},
  };
}
