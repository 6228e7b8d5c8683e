import { availableParallelism, loadavg } from 'node:os';
import { performance } from 'node:perf_hooks';
import { DueQueue } from '../src/scheduling/dueQueue.ts';
import { nextOccurrence, parseReminder } from '../src/scheduling/index.ts';
import type { Repeat } from '../src/scheduling/types.ts';

/**
 * Scheduler cost check: one tick over 100,000 pending reminders must stay far below 5 ms.
 * A tick = popDue(now, 50) + computing and re-pushing the next occurrence of repeating ones.
 * Run with `npm run bench:scheduler`.
 */

const TIME_ZONE = 'Asia/Ho_Chi_Minh';
const PENDING = 100_000;
const BATCH = 50;
const ROUNDS = 5;
const TICKS_PER_ROUND = 1_000;
const WARMUP_TICKS = 500;
const TARGET_MS = 5;
const DAY_MS = 86_400_000;
const START = Date.parse('2026-06-15T03:00:00Z');

let seed = 20_260_615;
function random(): number {
  seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31;
  return seed / 2 ** 31;
}

function randomRepeat(): Repeat {
  const roll = random();
  const hour = Math.floor(random() * 24);
  const minute = Math.floor(random() * 60);
  if (roll < 0.4) return { kind: 'once' };
  if (roll < 0.7) return { kind: 'daily', hour, minute };
  if (roll < 0.9) return { kind: 'weekly', weekday: Math.floor(random() * 7) as 0, hour, minute };
  return { kind: 'monthly', day: 1 + Math.floor(random() * 31), hour, minute };
}

function percentile(sorted: readonly number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((sorted.length * p) / 100))] ?? Number.NaN;
}

interface Stats {
  p50: number;
  p99: number;
  max: number;
}

function stats(samples: number[]): Stats {
  const sorted = [...samples].sort((a, b) => a - b);
  return { p50: percentile(sorted, 50), p99: percentile(sorted, 99), max: sorted.at(-1) ?? 0 };
}

const ms = (value: number): string => `${value.toFixed(3)} ms`;

function benchTicks(): void {
  const queue = new DueQueue();
  const repeats = new Map<string, Repeat>();
  const setupStart = performance.now();
  for (let i = 0; i < PENDING; i += 1) {
    const id = `r${i}`;
    repeats.set(id, randomRepeat());
    queue.push({ id, dueAt: START + Math.floor(random() * 7 * DAY_MS) });
  }
  console.log(`dueQueue: ${PENDING} pending, built in ${ms(performance.now() - setupStart)}`);

  // Advance the clock so that each tick finds a full batch due.
  const step = Math.round((7 * DAY_MS * BATCH) / PENDING);
  let now = START;
  const tick = (): { total: number; pop: number; due: number } => {
    now += step;
    const began = performance.now();
    const due = queue.popDue(now, BATCH);
    const popped = performance.now();
    for (const id of due) {
      const repeat = repeats.get(id);
      const next = repeat === undefined ? null : nextOccurrence(repeat, new Date(now), TIME_ZONE);
      if (next !== null) queue.push({ id, dueAt: next.getTime() });
    }
    return { total: performance.now() - began, pop: popped - began, due: due.length };
  };

  for (let i = 0; i < WARMUP_TICKS; i += 1) tick();
  const rounds: Stats[] = [];
  const allTotals: number[] = [];
  const allPops: number[] = [];
  let delivered = 0;
  for (let round = 0; round < ROUNDS; round += 1) {
    const totals: number[] = [];
    for (let i = 0; i < TICKS_PER_ROUND; i += 1) {
      const sample = tick();
      totals.push(sample.total);
      allPops.push(sample.pop);
      delivered += sample.due;
    }
    allTotals.push(...totals);
    rounds.push(stats(totals));
  }
  const overall = stats(allTotals);
  const pops = stats(allPops);
  const quietestP99 = Math.min(...rounds.map((round) => round.p99));
  const ticks = ROUNDS * TICKS_PER_ROUND;
  console.log(
    `tick = popDue(now, ${BATCH}) + nextOccurrence/re-push of repeats; ${ticks} ticks, ${(delivered / ticks).toFixed(1)} due/tick`,
  );
  console.log(
    `  all ticks: p50 ${ms(overall.p50)}  p99 ${ms(overall.p99)}  max ${ms(overall.max)}`,
  );
  console.log(`  popDue alone: p50 ${ms(pops.p50)}  p99 ${ms(pops.p99)}`);
  console.log(`  p99 per round: ${rounds.map((round) => round.p99.toFixed(3)).join(' / ')} ms`);
  const verdict = (value: number): string => (value < TARGET_MS ? 'MET' : 'NOT MET');
  console.log(
    `  target < ${TARGET_MS} ms: p50 ${verdict(overall.p50)}, p99 ${verdict(overall.p99)}, quietest-round p99 ${verdict(quietestP99)}`,
  );
}

const SAMPLE_INPUTS = [
  '25/12 08:00 nộp báo cáo',
  '8h sáng mai nộp báo cáo',
  '8h sang mai nop bao cao',
  '9h tối nay gọi điện',
  'sau 2 giờ gọi lại',
  '30 phut nua goi lai',
  'hằng ngày 8h chấm công',
  'thứ 2 hằng tuần 9h họp giao ban',
  'ngày 10 hằng tháng đóng phí',
  'tomorrow 9:00 call the customs office',
  'in 30 minutes check the gate',
  'every month on the 10th 9am pay fees',
  'asdf qwer',
  '31/02 x',
];

function benchParse(): void {
  const context = { now: new Date(START), timeZone: TIME_ZONE };
  for (let i = 0; i < 2_000; i += 1)
    parseReminder(SAMPLE_INPUTS[i % SAMPLE_INPUTS.length] ?? '', context);
  let parsed = 0;
  const began = performance.now();
  while (performance.now() - began < 1_000) {
    for (const input of SAMPLE_INPUTS) parseReminder(input, context);
    parsed += SAMPLE_INPUTS.length;
  }
  const elapsed = performance.now() - began;
  const perSecond = (parsed / elapsed) * 1_000;
  console.log(
    `parseReminder: ${Math.round(perSecond).toLocaleString('en')} parses/s (${((elapsed * 1_000) / parsed).toFixed(1)} µs each, ${SAMPLE_INPUTS.length} mixed inputs)`,
  );
}

const load = loadavg()
  .map((value) => value.toFixed(2))
  .join(' ');
console.log(
  `host: ${availableParallelism()} CPUs, load average ${load} (p99/max include scheduler noise)`,
);
benchTicks();
benchParse();
