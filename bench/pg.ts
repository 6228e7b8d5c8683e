import { cpus, loadavg } from 'node:os';
import { startPostgres } from '../test/support/postgres.ts';
import { type BroadcastRow, runBroadcasts } from './pg/broadcast.ts';
import { printPgReport } from './pg/report.ts';
import {
  type Backend,
  type RunSettings,
  runTickets,
  runUsers,
  type TicketsResult,
  type UsersResult,
} from './pg/runs.ts';

/**
 * `npm run bench:pg`: the bot on embedded PostgreSQL beside lowdb, in the same run, against the
 * running bot on the loopback fake Bot API (issue #12 "Benchmarks"): `/start` and questions with
 * stored users, tickets filed with stored tickets, and a broadcast with one and two instances.
 * Each size, backend and part is a fresh data folder or database. Smaller runs:
 *   PG_BENCH_USERS=10000,200000 PG_BENCH_TICKETS=100000 PG_BENCH_SUBSCRIBERS=20000
 * PG_BENCH_BACKENDS=postgres skips lowdb; PG_BENCH_ONLY=users,tickets,broadcast picks parts;
 * PG_BENCH_OPS (default 2,000 per phase), PG_BENCH_CONCURRENCY (200), PG_BENCH_IDLE_SECONDS (5),
 * PG_BENCH_RATE (1,000); PG_BENCH_CPU_PROF=<dir> profiles each bot process.
 */
const env = process.env;
const list = (value: string | undefined, fallback: number[]) =>
  value ? value.split(',').map((n) => Number(n.trim())) : fallback;
const USERS = list(env.PG_BENCH_USERS, [10_000, 200_000, 1_000_000]);
const TICKETS = list(env.PG_BENCH_TICKETS, [100_000, 1_000_000]);
const SUBSCRIBERS = Number(env.PG_BENCH_SUBSCRIBERS ?? 100_000);
const RATE = Number(env.PG_BENCH_RATE ?? 1000);
const BACKENDS = (env.PG_BENCH_BACKENDS ?? 'lowdb,postgres').split(',') as Backend[];
const ONLY = new Set((env.PG_BENCH_ONLY ?? 'users,tickets,broadcast').split(','));

const postgres = await startPostgres();
const settings: RunSettings = {
  ops: Number(env.PG_BENCH_OPS ?? 2000),
  concurrency: Number(env.PG_BENCH_CONCURRENCY ?? 200),
  idleSeconds: Number(env.PG_BENCH_IDLE_SECONDS ?? 5),
  postgres,
};
console.log(
  `bench:pg — users ${USERS.join(', ')}; tickets ${TICKETS.join(', ')}; broadcast ${SUBSCRIBERS} at ${RATE}/s; backends ${BACKENDS.join(', ')}; ${settings.ops} operations per phase, ${settings.concurrency} at once; load average ${loadavg()[0]?.toFixed(2)} on ${cpus().length} cores`,
);
const users: UsersResult[] = [];
const tickets: TicketsResult[] = [];
let broadcasts: BroadcastRow[] = [];
try {
  if (ONLY.has('users')) {
    for (const size of USERS) {
      for (const backend of BACKENDS) {
        const result = await runUsers(backend, size, settings);
        console.log(
          `  users ${size} ${backend}: start-up ${(result.startMs / 1000).toFixed(2)} s (store open ${(result.openMs / 1000).toFixed(2)} s), idle ${result.idleMb.toFixed(0)} MB, /start ${result.start.perSecond.toFixed(0)}/s p99 ${result.start.p99.toFixed(0)} ms (${result.start.unanswered} unanswered), questions ${result.questions.perSecond.toFixed(0)}/s p99 ${result.questions.p99.toFixed(0)} ms (${result.questions.unanswered} unanswered)`,
        );
        users.push(result);
      }
    }
  }
  if (ONLY.has('tickets')) {
    for (const stored of TICKETS) {
      for (const backend of BACKENDS) {
        const result = await runTickets(backend, stored, settings);
        console.log(
          `  tickets ${stored} ${backend}: start-up ${(result.startMs / 1000).toFixed(2)} s, ${result.filed.perSecond.toFixed(0)}/s p99 ${result.filed.p99.toFixed(0)} ms (${result.filed.unanswered} unanswered)`,
        );
        tickets.push(result);
      }
    }
  }
  if (ONLY.has('broadcast') && SUBSCRIBERS > 0) {
    broadcasts = await runBroadcasts(postgres, SUBSCRIBERS, RATE);
  }
} finally {
  await postgres.stop();
}
printPgReport({
  users,
  tickets,
  broadcasts,
  subscribers: SUBSCRIBERS,
  rate: RATE,
  concurrency: settings.concurrency,
});
