import { loadavg } from 'node:os';
import type { BroadcastRow } from './broadcast.ts';
import type { TicketsResult, UsersResult } from './runs.ts';

const f0 = (n: number) => Math.round(n).toLocaleString('en');
const s2 = (ms: number) => `${(ms / 1000).toFixed(2)} s`;
const mark = (ok: boolean) => (ok ? 'met' : 'NOT met');
/** Throughput, p99 and any actions left unanswered, as one table cell. */
const load = (r: { perSecond: number; p99: number; unanswered: number }) =>
  `${f0(r.perSecond)} (${f0(r.p99)} ms)${r.unanswered ? `, ${r.unanswered} unanswered` : ''}`;

export interface PgReport {
  users: UsersResult[];
  tickets: TicketsResult[];
  broadcasts: BroadcastRow[];
  subscribers: number;
  rate: number;
  concurrency: number;
}

/** The figures side by side (lowdb, PostgreSQL) and each issue #12 target met or not. */
export function printPgReport(report: PgReport): void {
  const { users, tickets, broadcasts } = report;
  if (users.length) {
    console.log(
      `\n${report.concurrency} users at once against the running bot (long polling, loopback Bot API)`,
    );
    console.log(
      '| stored users | backend | seed | start-up (store open) | idle RSS | /start per s (p99) | questions per s (p99) |',
    );
    console.log('|---|---|---|---|---|---|---|');
    for (const r of users) {
      console.log(
        `| ${f0(r.size)} | ${r.backend} | ${s2(r.seedMs)} | ${s2(r.startMs)} (${s2(r.openMs)}) | ${f0(r.idleMb)} MB | ${load(r.start)} | ${load(r.questions)} |`,
      );
    }
  }
  if (tickets.length) {
    console.log('\nTickets filed ("Send" on a complete draft until the code is told)');
    console.log('| stored tickets | backend | seed | start-up | filed per s (p99) |');
    console.log('|---|---|---|---|---|');
    for (const r of tickets) {
      console.log(
        `| ${f0(r.stored)} | ${r.backend} | ${s2(r.seedMs)} | ${s2(r.startMs)} | ${load(r.filed)} |`,
      );
    }
  }
  if (broadcasts.length) {
    console.log(
      `\nBroadcast to ${f0(report.subscribers)} subscribers at BROADCAST_RATE=${report.rate} (loopback)`,
    );
    console.log('| backend | instances | seconds | sent per s | of pace | sent twice | missing |');
    console.log('|---|---|---|---|---|---|---|');
    for (const r of broadcasts) {
      console.log(
        `| ${r.backend} | ${r.instances} | ${r.seconds.toFixed(1)} | ${f0(r.perSecond)} | ${(r.share * 100).toFixed(1)}% | ${r.twice} | ${r.missing} |`,
      );
    }
  }
  printTargets(report);
  console.log(
    `load average at the end ${loadavg()[0]?.toFixed(2)} (other engineers share this machine; figures under load are pessimistic)`,
  );
}

function printTargets({ users, tickets, broadcasts, subscribers }: PgReport): void {
  console.log('\nTargets (issue #12), on PostgreSQL:');
  const pgUsers = users.filter((r) => r.backend === 'postgres');
  const top = pgUsers.reduce<UsersResult | undefined>(
    (best, r) => (!best || r.size > best.size ? r : best),
    undefined,
  );
  const sized = (n: number) => (n === 1_000_000 ? '' : ` (measured at ${f0(n)}, not 1,000,000)`);
  if (top) {
    const slowest = Math.min(top.start.perSecond, top.questions.perSecond);
    const lost = top.start.unanswered + top.questions.unanswered;
    console.log(
      `  ≥ 300 updates/s at 1,000,000 users, one instance${sized(top.size)}: /start ${f0(top.start.perSecond)}, questions ${f0(top.questions.perSecond)} — ${mark(slowest >= 300 && lost === 0 && top.size >= 1_000_000)}`,
    );
    console.log(
      `  start-up < 3 s at 1,000,000 users${sized(top.size)}: ${s2(top.startMs)} (store open ${s2(top.openMs)}) — ${mark(top.startMs < 3000 && top.size >= 1_000_000)}`,
    );
  }
  const pgTickets = tickets.filter((r) => r.backend === 'postgres');
  const most = pgTickets.reduce<TicketsResult | undefined>(
    (best, r) => (!best || r.stored > best.stored ? r : best),
    undefined,
  );
  if (most) {
    console.log(
      `  tickets ≥ 500/s at 1,000,000 stored${sized(most.stored)}: ${f0(most.filed.perSecond)}/s — ${mark(most.filed.perSecond >= 500 && most.filed.unanswered === 0 && most.stored >= 1_000_000)}`,
    );
  }
  const two = broadcasts.find((r) => r.backend === 'postgres' && r.instances === 2);
  if (two) {
    const ok = two.share >= 0.95 && two.twice === 0 && two.missing === 0;
    console.log(
      `  broadcast ≥ 95% of the pace with two instances, nobody twice${subscribers === 100_000 ? '' : ` (to ${f0(subscribers)}, not 100,000)`}: ${(two.share * 100).toFixed(1)}%, ${two.twice} twice, ${two.missing} missing — ${mark(ok && subscribers >= 100_000)}`,
    );
  }
}
