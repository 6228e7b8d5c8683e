import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { pino } from 'pino';
import { Telegram } from 'telegraf';
import { applyApiPolicy } from '../src/bot/api.ts';
import { telegramSender } from '../src/bot/features/notices/send.ts';
import { OutboxWorker } from '../src/delivery/outboxWorker.ts';
import { Scheduler } from '../src/delivery/scheduler.ts';
import { memoryFileLayer } from '../src/store/memoryLayer.ts';
import { openNoticeStore } from '../src/store/noticeStore.ts';
import type { UserRepository } from '../src/store/users.ts';
import { FakeBotApi } from '../test/support/fakeBotApi.ts';

/**
 * Broadcast throughput against the configured pace (loopback fake Bot API with Telegram-like
 * rate limits, real outbox file), and the cost of one scheduler tick with 100,000 pending
 * reminders (target < 5 ms). Run with `npm run bench:broadcast`.
 */

const RECIPIENTS = 2000;
const RATES = [25, 200];
const PENDING = 100_000;
const TICK_TARGET_MS = 5;

async function throughput(rate: number): Promise<void> {
  const recipients = rate <= 25 ? 250 : RECIPIENTS;
  const fake = await FakeBotApi.start({ rateLimit: { global: 250, perChat: 1 } });
  const dir = await mkdtemp(join(tmpdir(), 'bench-broadcast-'));
  try {
    const store = await openNoticeStore(dir, () => new Date());
    const telegram = new Telegram(fake.token, { apiRoot: fake.apiRoot });
    const logger = pino({ level: 'silent' });
    applyApiPolicy(telegram, { logger, onBlocked: async () => undefined });
    const users = { get: () => undefined } as unknown as UserRepository;
    const send = telegramSender(telegram, users, { DEFAULT_LANG: 'vi', TZ: 'Asia/Ho_Chi_Minh' });
    let done: () => void = () => undefined;
    const finished = new Promise<void>((resolve) => {
      done = resolve;
    });
    const worker = new OutboxWorker({
      outbox: store.outbox,
      send,
      ratePerSecond: rate,
      onJobDone: async () => done(),
    });
    const to = Array.from({ length: recipients }, (_, i) => 1_000_000 + i);
    await store.outbox.enqueue({
      priority: 2,
      message: { kind: 'broadcast', broadcastId: 'bench', text: 'Bench notice' },
      to,
    });
    const started = performance.now();
    worker.start();
    await finished;
    const wall = (performance.now() - started) / 1000;
    await worker.stop();
    await store.flush();
    const times = fake.calls.filter((c) => c.method === 'sendMessage').map((c) => c.at);
    const span = (Math.max(...times) - Math.min(...times)) / 1000;
    const pace = (times.length - 1) / span;
    console.log(
      `broadcast ${recipients} at BROADCAST_RATE=${rate}: ${pace.toFixed(1)} msg/s first→last ` +
        `(${((pace / rate) * 100).toFixed(1)}% of pace), wall ${wall.toFixed(2)} s, ` +
        `429 answers: ${fake.tooManyRequestsCount}`,
    );
  } finally {
    await fake.stop();
    await rm(dir, { recursive: true, force: true });
  }
}

async function schedulerTick(): Promise<boolean> {
  const start = Date.parse('2026-06-15T03:00:00Z');
  const store = await openNoticeStore('/memory', () => new Date(start), {
    layer: memoryFileLayer(),
  });
  const { reminders, schedules, outbox } = store;
  for (let i = 0; i < PENDING; i += 1) {
    await reminders.add({
      userId: i,
      text: `r${i}`,
      dueAt: new Date(start + 1000 + i * 600),
      repeat: i % 3 === 0 ? { kind: 'daily', hour: 8, minute: 0 } : { kind: 'once' },
    });
  }
  const scheduler = new Scheduler({
    reminders,
    schedules,
    outbox,
    recipients: () => [],
    isActive: () => true,
    timeZone: 'Asia/Ho_Chi_Minh',
    lateLimitMs: 86_400_000,
  });
  scheduler.load();
  const samples: number[] = [];
  let now = start;
  for (let tick = 0; tick < 2000; tick += 1) {
    now += 1000;
    const began = performance.now();
    await scheduler.tick(now);
    samples.push(performance.now() - began);
  }
  samples.sort((a, b) => a - b);
  const p50 = samples[Math.floor(samples.length / 2)] ?? 0;
  const p99 = samples[Math.floor(samples.length * 0.99)] ?? 0;
  const max = samples.at(-1) ?? 0;
  const ok = p99 < TICK_TARGET_MS;
  console.log(
    `scheduler tick with ${PENDING.toLocaleString('en')} pending (1–2 due per tick, ` +
      `in-memory store): p50 ${p50.toFixed(3)} ms, p99 ${p99.toFixed(3)} ms, max ` +
      `${max.toFixed(3)} ms — target < ${TICK_TARGET_MS} ms: ${ok ? 'OK' : 'MISSED'}`,
  );
  return ok;
}

for (const rate of RATES) await throughput(rate);
const tickOk = await schedulerTick();
if (!tickOk) process.exitCode = 1;
