import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { sessionSchema } from '../src/bot/session.ts';
import { openStore } from '../src/store/index.ts';
import {
  DEFAULT_TOKEN,
  FakeBotApi,
  type FakeUser,
  type RecordedCall,
} from '../test/support/fakeBotApi.ts';
import {
  CallWatcher,
  closedLoop,
  exchange,
  hasKeyboard,
  isSend,
  type LoadResult,
  processStats,
} from './scale/driver.ts';
import { FIRST_USER_ID, fillDataDir, storedProfile } from './scale/fill.ts';
import { type BroadcastResult, printReport, type SizeResult } from './scale/report.ts';

/**
 * `npm run bench:scale`: the store at the board's full scale, against the real bot process on the
 * loopback fake Bot API, beside a minimal telegraf bot. Smaller runs for iterating:
 *   SCALE_SIZES=10000,50000 SCALE_OPS=500 SCALE_BROADCAST=20000 SCALE_BROADCAST_SECONDS=20
 * SCALE_ONLY=bare,sizes,broadcast picks parts; SCALE_CPU_PROF=<dir> writes a `node --cpu-prof`
 * profile of each bot process there.
 */
const env = process.env;
const list = (value: string | undefined, fallback: number[]) =>
  value ? value.split(',').map((n) => Number(n.trim())) : fallback;
const SIZES = list(env.SCALE_SIZES, [10_000, 100_000, 300_000]);
const LARGEST = Math.max(...SIZES);
const OPS = Number(env.SCALE_OPS ?? 2000);
const CONCURRENCY = Number(env.SCALE_CONCURRENCY ?? 200);
const REMINDERS = Number(env.SCALE_REMINDERS ?? 100_000);
const BROADCAST = Math.min(Number(env.SCALE_BROADCAST ?? 300_000), LARGEST);
const BROADCAST_SECONDS = Number(env.SCALE_BROADCAST_SECONDS ?? 60);
const RATE = 1000;
/** How long the bot sits idle after start before its memory is read. */
const IDLE_SECONDS = Number(env.SCALE_IDLE_SECONDS ?? 10);
/** SCALE_PHASES=questions profiles the question run alone (role needs start's keyboards). */
const PHASES = new Set((env.SCALE_PHASES ?? 'start,role,questions,remind').split(','));
const skipped: LoadResult = { ops: 0, perSecond: Number.NaN, p50: 0, p99: Number.NaN };
const QUESTION = 'Thủ tục xin giấy phép lao động cho người nước ngoài ở KCN thế nào?';
const REPO = resolve(import.meta.dirname, '..');
const TSX = pathToFileURL(createRequire(import.meta.url).resolve('tsx')).href;

interface Running {
  child: ChildProcess;
  pid: number;
  startMs: number;
  stop(): Promise<number | null>;
}

/** Spawns a bot process (the real one or the bare one) and waits until it polls. */
async function startProcess(
  fake: FakeBotApi,
  entry: string,
  extra: Record<string, string>,
): Promise<Running> {
  const prof = env.SCALE_CPU_PROF
    ? ['--cpu-prof', '--cpu-prof-dir', resolve(env.SCALE_CPU_PROF)]
    : [];
  const began = performance.now();
  const child = spawn(process.execPath, [...prof, '--import', TSX, entry], {
    cwd: REPO,
    env: {
      PATH: env.PATH ?? '/usr/bin:/bin',
      HOME: env.HOME ?? '/tmp',
      BOT_TOKEN: DEFAULT_TOKEN,
      TELEGRAM_API_ROOT: fake.apiRoot,
      LOG_LEVEL: 'warn',
      FLOOD_MESSAGES_PER_MINUTE: '100000',
      FLOOD_BUTTONS_PER_MINUTE: '100000',
      FLOOD_BURST: '100000',
      ...extra,
    },
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  await fake.waitUntilPolling({ timeoutMs: 120_000 });
  const startMs = performance.now() - began;
  return {
    child,
    pid: child.pid ?? 0,
    startMs,
    stop: () =>
      new Promise((done) => {
        child.once('exit', (code) => done(code));
        child.kill('SIGTERM');
      }),
  };
}

const newUser = (id: number): FakeUser => ({ id, first_name: `Người ${id}`, language_code: 'en' });

/** Presses the button labelled `label` on the message a recorded call sent. */
function pressLabel(fake: FakeBotApi, user: FakeUser, call: RecordedCall, label: string): void {
  const message = call.messages?.[0];
  const button = fake.buttonsOf(message).find((b) => b.text === label);
  if (!message || !button?.data) throw new Error(`no "${label}" button on the message`);
  fake.pressButton(user, message, button.data);
}

const nth = (count: number) => {
  let seen = 0;
  return (call: RecordedCall) => isSend(call) && ++seen === count;
};

/** Opens the store in this process (the bot is not running yet): the store's share of start-up. */
async function storeOpenMs(dataDir: string): Promise<number> {
  const began = performance.now();
  const store = await openStore({ dataDir, sessionSchema });
  const opened = performance.now() - began;
  await store.close();
  return opened;
}

async function reminderSaveInStore(dataDir: string): Promise<{ p50: number; p99: number }> {
  const store = await openStore({ dataDir, sessionSchema });
  const times: number[] = [];
  for (let i = 0; i < 200; i += 1) {
    const began = performance.now();
    await store.notices.reminders.add({
      userId: FIRST_USER_ID + i,
      text: `bench ${i}`,
      dueAt: new Date(Date.now() + 86_400_000),
      repeat: { kind: 'once' },
    });
    times.push(performance.now() - began);
  }
  for (const reminder of store.notices.reminders
    .pending()
    .filter((r) => r.text.startsWith('bench '))) {
    await store.notices.reminders.remove(reminder.id);
  }
  await store.close();
  times.sort((a, b) => a - b);
  return { p50: times[100] ?? 0, p99: times[198] ?? 0 };
}

async function runSize(size: number): Promise<SizeResult> {
  const dataDir = await mkdtemp(join(tmpdir(), 'bench-scale-'));
  const reminders = Math.round((REMINDERS * size) / LARGEST);
  const fake = await FakeBotApi.start();
  try {
    await fillDataDir(dataDir, { users: size, reminders });
    const openMs = await storeOpenMs(dataDir);
    const storeAdd = size === LARGEST ? await reminderSaveInStore(dataDir) : undefined;
    const bot = await startProcess(fake, 'src/server.ts', {
      DATA_DIR: dataDir,
      BROADCAST_RATE: String(RATE),
    });
    await new Promise((r) => setTimeout(r, IDLE_SECONDS * 1000));
    const idle = processStats(bot.pid);
    const watcher = new CallWatcher(fake);
    const newcomers = Array.from({ length: OPS }, (_, i) => newUser(FIRST_USER_ID + size + i));
    const prompts = new Map<number, RecordedCall>();
    const start = !PHASES.has('start')
      ? skipped
      : await closedLoop(newcomers, CONCURRENCY, async (user) => {
          const { latency, call } = await exchange(
            fake,
            watcher,
            user,
            () => fake.sendText(user, '/start'),
            hasKeyboard,
          );
          prompts.set(user.id, call);
          return latency;
        });
    const role = !(PHASES.has('role') && PHASES.has('start'))
      ? skipped
      : await closedLoop(newcomers, CONCURRENCY, async (user) => {
          const prompt = prompts.get(user.id) as RecordedCall;
          return (
            await exchange(
              fake,
              watcher,
              user,
              () => pressLabel(fake, user, prompt, '👷 Worker'),
              nth(2),
            )
          ).latency;
        });
    // Returning users, each with the profile the store already holds (their name has not changed).
    const stored = Array.from({ length: OPS }, (_, i) => storedProfile((i * 5 * 97) % size));
    const questions = !PHASES.has('questions')
      ? skipped
      : await closedLoop(
          stored,
          CONCURRENCY,
          async (user) =>
            (await exchange(fake, watcher, user, () => fake.sendText(user, QUESTION), isSend))
              .latency,
        );
    let remind: SizeResult['remind'];
    if (storeAdd && PHASES.has('remind')) {
      const askers = stored.slice(0, Math.min(200, OPS));
      // /remind saves at once (before its answer): the answer's time includes the save.
      const saved = await closedLoop(askers, 1, async (user) => {
        const done = (c: RecordedCall) => isSend(c) && String(c.payload.text).includes('Saved:');
        const send = () => fake.sendText(user, '/remind in 2 hours nộp báo cáo lao động');
        return (await exchange(fake, watcher, user, send, done)).latency;
      });
      remind = { saved, storeAdd };
    }
    const peak = processStats(bot.pid).peakMb;
    watcher.stop();
    await bot.stop();
    return {
      size,
      reminders,
      startMs: bot.startMs,
      openMs,
      idleMb: idle.rssMb,
      peakMb: peak,
      start,
      role,
      questions,
      ...(remind ? { remind } : {}),
    };
  } finally {
    await fake.stop();
    await rm(dataDir, { recursive: true, force: true });
  }
}

async function runBare(): Promise<{ load: LoadResult; startMs: number; idleMb: number }> {
  const fake = await FakeBotApi.start();
  try {
    const bare = await startProcess(fake, 'bench/scale/bareBot.ts', {});
    await new Promise((r) => setTimeout(r, IDLE_SECONDS * 1000));
    const idleMb = processStats(bare.pid).rssMb;
    const watcher = new CallWatcher(fake);
    const users = Array.from({ length: OPS }, (_, i) => newUser(FIRST_USER_ID + i));
    const result = await closedLoop(
      users,
      CONCURRENCY,
      async (user) =>
        (await exchange(fake, watcher, user, () => fake.sendText(user, QUESTION), isSend)).latency,
    );
    watcher.stop();
    await bare.stop();
    return { load: result, startMs: bare.startMs, idleMb };
  } finally {
    await fake.stop();
  }
}

async function runBroadcast(): Promise<BroadcastResult> {
  const dataDir = await mkdtemp(join(tmpdir(), 'bench-scale-broadcast-'));
  const fake = await FakeBotApi.start();
  try {
    await fillDataDir(dataDir, { users: BROADCAST, reminders: 0, broadcastTo: BROADCAST });
    const bot = await startProcess(fake, 'src/server.ts', {
      DATA_DIR: dataDir,
      BROADCAST_RATE: String(RATE),
    });
    const sends = () => fake.countOf('sendMessage');
    await fake.waitFor(() => sends() > 0, { timeoutMs: 30_000, what: 'the broadcast resuming' });
    const before = processStats(bot.pid);
    const sentBefore = sends();
    const began = performance.now();
    const limit = BROADCAST_SECONDS > 0 ? BROADCAST_SECONDS * 1000 : Number.POSITIVE_INFINITY;
    while (performance.now() - began < limit && sends() < BROADCAST)
      await new Promise((r) => setTimeout(r, 250));
    const seconds = (performance.now() - began) / 1000;
    const after = processStats(bot.pid);
    const sent = sends() - sentBefore;
    await bot.stop();
    return {
      recipients: BROADCAST,
      seconds,
      sent,
      pace: sent / seconds,
      cpu: (after.cpuS - before.cpuS) / seconds,
      writtenPerSecond: (after.writtenBytes - before.writtenBytes) / seconds,
    };
  } finally {
    await fake.stop();
    await rm(dataDir, { recursive: true, force: true });
  }
}

const loadBefore = loadavg()[0] ?? 0;
console.log(
  `bench:scale — sizes ${SIZES.join(', ')}; ${OPS} operations per phase, ${CONCURRENCY} users at once; load average ${loadBefore.toFixed(2)} on ${(await import('node:os')).cpus().length} cores`,
);
const only = new Set((env.SCALE_ONLY ?? 'bare,sizes,broadcast').split(','));
const bareRun = only.has('bare')
  ? await runBare()
  : { load: { ops: 0, perSecond: Number.NaN, p50: 0, p99: Number.NaN }, startMs: 0, idleMb: 0 };
const bare = bareRun.load;
const results: SizeResult[] = [];
if (only.has('sizes')) {
  for (const size of SIZES) {
    const result = await runSize(size);
    // The bare bot again right after, so the ratio compares runs under the same machine load.
    if (only.has('bare')) result.bare = (await runBare()).load;
    results.push(result);
  }
}
const broadcast = BROADCAST > 0 && only.has('broadcast') ? await runBroadcast() : null;

printReport({ results, bare, bareRun, broadcast, largest: LARGEST, rate: RATE });
