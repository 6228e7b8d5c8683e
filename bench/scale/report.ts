import { loadavg } from 'node:os';
import type { LoadResult } from './driver.ts';

/** Figures of one stored-users size. */
export interface SizeResult {
  size: number;
  reminders: number;
  startMs: number;
  /** openStore alone, in the benchmark's process. */
  openMs: number;
  idleMb: number;
  peakMb: number;
  start: LoadResult;
  role: LoadResult;
  questions: LoadResult;
  remind?: { saved: LoadResult; storeAdd: { p50: number; p99: number } };
  /** The bare bot's question run right after this size's, under the same load. */
  bare?: LoadResult;
}

/** Figures of the broadcast run. */
export interface BroadcastResult {
  recipients: number;
  seconds: number;
  sent: number;
  pace: number;
  cpu: number;
  writtenPerSecond: number;
}

const f0 = (n: number) => Math.round(n).toLocaleString('en');
const mark = (ok: boolean) => (ok ? 'OK' : 'MISSED');

interface Report {
  results: SizeResult[];
  bare: LoadResult;
  bareRun: { startMs: number; idleMb: number };
  broadcast: BroadcastResult | null;
  largest: number;
  rate: number;
}

/** Prints the table and the targets at the largest size. */
export function printReport({
  results,
  bare,
  bareRun,
  broadcast,
  largest: LARGEST,
  rate: RATE,
}: Report): void {
  console.log(
    '\n| stored users | reminders | start-up (store open) | idle RSS | peak RSS | /start per s (p99) | role per s (p99) | questions per s (p99) | to bare telegraf right after: throughput (p99) ratio of its figures |',
  );
  console.log('|---|---|---|---|---|---|---|---|---|');
  for (const r of results) {
    console.log(
      `| ${f0(r.size)} | ${f0(r.reminders)} | ${(r.startMs / 1000).toFixed(2)} s (${(r.openMs / 1000).toFixed(2)} s) | ${f0(r.idleMb)} MB | ${f0(r.peakMb)} MB | ${f0(r.start.perSecond)} (${f0(r.start.p99)} ms) | ${f0(r.role.perSecond)} (${f0(r.role.p99)} ms) | ${f0(r.questions.perSecond)} (${f0(r.questions.p99)} ms) | ${(r.questions.perSecond / (r.bare ?? bare).perSecond).toFixed(2)} (${(r.questions.p99 / (r.bare ?? bare).p99).toFixed(2)}) of ${f0((r.bare ?? bare).perSecond)}/s (${f0((r.bare ?? bare).p99)} ms) |`,
    );
  }
  console.log(
    `| bare telegraf (first run) | — | ${(bareRun.startMs / 1000).toFixed(2)} s | ${f0(bareRun.idleMb)} MB | — | — | — | ${f0(bare.perSecond)} (${f0(bare.p99)} ms) | 1.00 |`,
  );
  const top = results.find((r) => r.size === LARGEST);
  if (top?.remind) {
    const { saved, storeAdd } = top.remind;
    console.log(
      `\n/remind at ${f0(top.reminders)} pending, one user at a time: answer (parsed, saved, answered) p50 ${saved.p50.toFixed(1)} ms p99 ${saved.p99.toFixed(1)} ms; reminders.add alone p50 ${storeAdd.p50.toFixed(2)} ms p99 ${storeAdd.p99.toFixed(2)} ms`,
    );
  }
  if (broadcast) {
    console.log(
      `broadcast to ${f0(broadcast.recipients)} at BROADCAST_RATE=${RATE}, measured over ${broadcast.seconds.toFixed(0)} s (${f0(broadcast.sent)} sends): ${f0(broadcast.pace)} msg/s = ${((broadcast.pace / RATE) * 100).toFixed(1)}% of pace, bot CPU ${(broadcast.cpu * 100).toFixed(0)}% of a core, ${(broadcast.writtenPerSecond / 1e6).toFixed(2)} MB/s written`,
    );
  }
  const topBare = top?.bare ?? bare;
  if (top) {
    console.log(`\nTargets at ${f0(LARGEST)} users:`);
    console.log(
      `  /start ≥ 500/s: ${f0(top.start.perSecond)} ${mark(top.start.perSecond >= 500)}; role ≥ 500/s: ${f0(top.role.perSecond)} ${mark(top.role.perSecond >= 500)}`,
    );
    console.log(
      `  start-up < 3 s: ${(top.startMs / 1000).toFixed(2)} s ${mark(top.startMs < 3000)}; idle memory < 400 MB: ${f0(top.idleMb)} MB ${mark(top.idleMb < 400)}`,
    );
    if (top.remind)
      console.log(
        `  reminder saved < 20 ms (store write): p99 ${top.remind.storeAdd.p99.toFixed(2)} ms ${mark(top.remind.storeAdd.p99 < 20)}`,
      );
    if (broadcast)
      console.log(
        `  broadcast ≥ 95% of pace with < 50% of a core: ${((broadcast.pace / RATE) * 100).toFixed(1)}%, ${(broadcast.cpu * 100).toFixed(0)}% ${mark(broadcast.pace >= 950 && broadcast.cpu < 0.5)}`,
      );
    console.log(
      `  questions ≥ 50% of bare with p99 ≤ 2× bare: ${((top.questions.perSecond / topBare.perSecond) * 100).toFixed(0)}%, ${(top.questions.p99 / topBare.p99).toFixed(2)}× ${mark(top.questions.perSecond >= topBare.perSecond / 2 && top.questions.p99 <= topBare.p99 * 2)}`,
    );
  }
  console.log(
    `load average at the end ${loadavg()[0]?.toFixed(2)} (other engineers share this machine; figures under load are pessimistic)`,
  );
}
