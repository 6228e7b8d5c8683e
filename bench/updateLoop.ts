import { spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { FakeBotApi, type FakeUser } from '../test/support/fakeBotApi.ts';
import { codesToldTo, complaintSteps, pressLabel, walk } from '../test/support/filingDriver.ts';

/**
 * The update loop through the real bot process against the loopback Bot API at 150 ms a call:
 * (1) how long ten users wait for an answer while another chat is held by a 429 retry_after 5,
 * (2) for 200 filings sent at once, the time from Send to the filer's code and to the officers'
 * notice. Run with `npm run bench:updates`. Prints figures; no target is asserted here.
 */
const REPO = resolve(import.meta.dirname, '..');
const TSX = pathToFileURL(createRequire(import.meta.url).resolve('tsx')).href;
const OFFICER: FakeUser = { id: 700900, first_name: 'Officer', language_code: 'en' };

const percentile = (values: number[], p: number) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;
};
const sleep = (ms: number) => new Promise((done) => setTimeout(done, ms));

async function withBot<T>(fake: FakeBotApi, run: () => Promise<T>): Promise<T> {
  const dataDir = await mkdtemp(join(tmpdir(), 'bench-updates-'));
  const child = spawn(process.execPath, ['--import', TSX, join(REPO, 'src/server.ts')], {
    cwd: REPO,
    env: {
      PATH: process.env.PATH ?? '/usr/bin:/bin',
      BOT_TOKEN: fake.token,
      TELEGRAM_API_ROOT: fake.apiRoot,
      DATA_DIR: dataDir,
      OFFICER_IDS: String(OFFICER.id),
      DEFAULT_LANG: 'en',
      NOTICE_CHAT_INTERVAL_MS: '5',
      BROADCAST_RATE: '500',
      FLOOD_BURST: '50',
      LOG_LEVEL: 'warn',
    },
    stdio: 'ignore',
  });
  try {
    await fake.waitUntilPolling({ timeoutMs: 30_000 });
    return await run();
  } finally {
    child.kill('SIGTERM');
    await new Promise((done) => child.once('close', done));
    await rm(dataDir, { recursive: true, force: true });
  }
}

async function rateLimitedNeighbour(): Promise<void> {
  const fake = await FakeBotApi.start({ latencyMs: 150, longPollMaxMs: 1000 });
  try {
    await withBot(fake, async () => {
      const slow: FakeUser = { id: 8300, first_name: 'Slow', language_code: 'vi' };
      const others = Array.from({ length: 10 }, (_, i) => ({
        id: 8301 + i,
        first_name: `U${i}`,
        language_code: 'vi',
      }));
      fake.failNextTo(slow.id, { error_code: 429, description: 'Too Many', retry_after: 5 });
      fake.sendText(slow, 'lương tối thiểu vùng là bao nhiêu');
      await fake.waitFor(() => fake.tooManyRequestsCount > 0, { timeoutMs: 10_000 });
      const asked = performance.now();
      for (const user of others) fake.sendText(user, 'nghỉ thai sản được mấy tháng');
      const waits = await Promise.all(
        others.map(async (user) => {
          await fake.waitFor(() => fake.textsTo(user.id).length > 0, { timeoutMs: 20_000 });
          return performance.now() - asked;
        }),
      );
      await fake.waitFor(() => fake.textsTo(slow.id).length > 0, { timeoutMs: 20_000 });
      const slowDone = performance.now() - asked;
      console.log('10 users asking while one chat waits out a 429 (retry_after 5 s):');
      console.log(
        `  their answer after: p50 ${Math.round(percentile(waits, 50))} ms, max ${Math.round(Math.max(...waits))} ms; the held chat answered after ${Math.round(slowDone)} ms`,
      );
    });
  } finally {
    await fake.stop();
  }
}

async function concurrentFilings(): Promise<void> {
  const fake = await FakeBotApi.start({ latencyMs: 150, longPollMaxMs: 1000 });
  try {
    await withBot(fake, async () => {
      const users = Array.from({ length: 200 }, (_, i) => ({
        id: 940_000 + i,
        first_name: `W${i}`,
        language_code: 'en',
      }));
      await walk(
        fake,
        users,
        complaintSteps(() => true),
      );
      const pressed = performance.now();
      for (const user of users) pressLabel(fake, user, /Send/);
      const toldAt = new Map<number, number>();
      const noticedAt: number[] = [];
      const deadline = Date.now() + 120_000;
      while (
        (toldAt.size < users.length || noticedAt.length < users.length) &&
        Date.now() < deadline
      ) {
        for (const user of users) {
          if (!toldAt.has(user.id) && codesToldTo(fake, user.id, /Sent/).size > 0) {
            toldAt.set(user.id, performance.now() - pressed);
          }
        }
        const noticed = codesToldTo(fake, OFFICER.id, /New ticket/).size;
        while (noticedAt.length < noticed) noticedAt.push(performance.now() - pressed);
        await sleep(20);
      }
      const told = [...toldAt.values()];
      console.log('200 filings sent at once, Bot API at 150 ms a call:');
      console.log(
        `  filer told the code: p50 ${Math.round(percentile(told, 50))} ms, p99 ${Math.round(percentile(told, 99))} ms (${told.length}/200)`,
      );
      console.log(
        `  officer notified:    p50 ${Math.round(percentile(noticedAt, 50))} ms, p99 ${Math.round(percentile(noticedAt, 99))} ms (${noticedAt.length}/200)`,
      );
    });
  } finally {
    await fake.stop();
  }
}

await rateLimitedNeighbour();
await concurrentFilings();
