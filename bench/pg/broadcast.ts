import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import pg from 'pg';
import { OutboxWorker, type SendFn } from '../../src/delivery/outboxWorker.ts';
import type { NoticeStore } from '../../src/store/noticeStore.ts';
import { openNoticeStore } from '../../src/store/noticeStore.ts';
import type { OutMessage } from '../../src/store/outbox.ts';
import { migrate } from '../../src/store/pg/migrate.ts';
import { openPgNoticeStore } from '../../src/store/pg/notices/index.ts';
import { FakeBotApi } from '../../test/support/fakeBotApi.ts';
import type { RunningPostgres } from '../../test/support/postgres.ts';

/**
 * A broadcast sent at BROADCAST_RATE through the loopback fake Bot API, on lowdb (one instance,
 * the only way it runs) and on PostgreSQL with one and with two instances sharing the outbox.
 */
const message: OutMessage = { kind: 'broadcast', broadcastId: 'bench', text: 'Thông báo' };

export interface BroadcastRow {
  backend: string;
  instances: number;
  seconds: number;
  perSecond: number;
  share: number;
  twice: number;
  missing: number;
}

/** An idle connection the server dropped: told, not thrown (the bot's own pool does the same). */
export const reportIdleError = (error: Error) =>
  console.warn(`bench:pg: a database connection failed: ${error.message}`);

/** A send not answered within this long failed (retryable), as the bot's own client times out. */
const SEND_TIMEOUT_MS = 10_000;

/**
 * Posts to the fake's sendMessage as the bot would; 200 counts as sent. A request that hangs
 * (seen once at 100,000 recipients on a loaded machine) fails after SEND_TIMEOUT_MS instead of
 * holding its claimed recipients forever.
 */
function loopbackSend(fake: FakeBotApi): SendFn {
  return async (chatId) => {
    try {
      const response = await fetch(`${fake.apiRoot}/bot${fake.token}/sendMessage`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ chat_id: chatId, text: 'Thông báo' }),
        signal: AbortSignal.timeout(SEND_TIMEOUT_MS),
      });
      await response.arrayBuffer();
      return response.ok
        ? { ok: true }
        : { ok: false, kind: 'failed', retryable: true, description: String(response.status) };
    } catch (error) {
      const description = error instanceof Error ? error.message : String(error);
      return { ok: false, kind: 'failed', retryable: true, description };
    }
  };
}

function tally(fake: FakeBotApi, to: readonly number[]): { twice: number; missing: number } {
  const counts = new Map<number, number>();
  for (const call of fake.calls) {
    if (call.method !== 'sendMessage' || call.status !== 200) continue;
    const chat = Number(call.payload.chat_id);
    counts.set(chat, (counts.get(chat) ?? 0) + 1);
  }
  return {
    twice: [...counts.values()].filter((count) => count > 1).length,
    missing: to.filter((id) => !counts.has(id)).length,
  };
}

/** Sends one job from `stores` (each an instance) and waits until every recipient is settled. */
async function broadcast(
  backend: string,
  stores: NoticeStore[],
  subscribers: number,
  rate: number,
): Promise<BroadcastRow> {
  const fake = await FakeBotApi.start();
  const to = Array.from({ length: subscribers }, (_, i) => 7_000_000 + i);
  const first = stores[0] as NoticeStore;
  const jobId = `bench-${backend}-${stores.length}`;
  await first.outbox.enqueue({ id: jobId, priority: 2, message, to });
  const send = loopbackSend(fake);
  let finish: () => void = () => undefined;
  const done = new Promise<void>((resolve) => {
    finish = resolve;
  });
  // Only this run's job: a job left unsettled by an earlier run may finish meanwhile.
  const onJobDone = async (job: { id: string }) => {
    if (job.id === jobId) finish();
  };
  const started = performance.now();
  const workers = stores.map((store) => {
    const shared = store.sharedOutbox;
    const worker = new OutboxWorker({
      outbox: shared?.queue ?? store.outbox,
      send,
      ratePerSecond: rate,
      ...(shared ? {} : { onJobDone }),
    });
    shared?.begin({ ratePerSecond: rate, onJobDone, wake: () => worker.notify() });
    worker.start();
    return { worker, shared };
  });
  // A job that never settles (recipients left claimed) is cut off and its rest counted missing.
  const limitMs = (3 * subscribers * 1000) / rate + 60_000;
  let cutOff: NodeJS.Timeout | undefined;
  await Promise.race([done, new Promise((resolve) => (cutOff = setTimeout(resolve, limitMs)))]);
  clearTimeout(cutOff);
  const seconds = (performance.now() - started) / 1000;
  for (const { worker, shared } of workers) {
    await worker.stop();
    await shared?.end();
  }
  const { twice, missing } = tally(fake, to);
  await fake.stop();
  // Only recipients reached count towards the pace.
  const perSecond = (subscribers - missing) / seconds;
  return {
    backend,
    instances: stores.length,
    seconds,
    perSecond,
    share: perSecond / rate,
    twice,
    missing,
  };
}

/** The three broadcast runs: lowdb, PostgreSQL with one instance, with two. */
export async function runBroadcasts(
  server: RunningPostgres,
  subscribers: number,
  rate: number,
): Promise<BroadcastRow[]> {
  const rows: BroadcastRow[] = [];
  const dir = await mkdtemp(join(tmpdir(), 'bench-pg-lowdb-'));
  const lowdb = await openNoticeStore(dir, () => new Date());
  rows.push(await broadcast('lowdb', [lowdb], subscribers, rate));
  await new Promise((resolve) => setTimeout(resolve, 200));
  await lowdb.close();
  await rm(dir, { recursive: true, force: true, maxRetries: 5 });

  const pools: pg.Pool[] = [];
  const stores: NoticeStore[] = [];
  try {
    const url = await server.createDatabase();
    const instance = async () => {
      const pool = new pg.Pool({ connectionString: url, max: 8 });
      pool.on('error', reportIdleError);
      pools.push(pool);
      const store = await openPgNoticeStore(pool, {});
      stores.push(store);
      return store;
    };
    const schema = new pg.Pool({ connectionString: url });
    await migrate(schema);
    await schema.end();
    rows.push(await broadcast('postgres', [await instance()], subscribers, rate));
    rows.push(await broadcast('postgres', [await instance(), await instance()], subscribers, rate));
  } finally {
    await Promise.allSettled(stores.map((store) => store.close()));
    await Promise.allSettled(pools.map((pool) => pool.end()));
  }

  return rows;
}
