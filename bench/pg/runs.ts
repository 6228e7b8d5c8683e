import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { sessionSchema } from '../../src/bot/session.ts';
import { openStore } from '../../src/store/index.ts';
import { openPgStore } from '../../src/store/pg/index.ts';
import { migrate } from '../../src/store/pg/migrate.ts';
import { FakeBotApi, type FakeUser, type RecordedCall } from '../../test/support/fakeBotApi.ts';
import type { RunningPostgres } from '../../test/support/postgres.ts';
import {
  CallWatcher,
  closedLoop,
  exchange,
  hasKeyboard,
  isSend,
  type LoadResult,
  processStats,
} from '../scale/driver.ts';
import { FIRST_USER_ID, fillDataDir, storedProfile } from '../scale/fill.ts';
import { reportIdleError } from './broadcast.ts';
import { startBot } from './launch.ts';
import { lowdbFilers, pgFilers, seedPgTickets, seedPgUsers, writeLowdbTickets } from './seed.ts';

export type Backend = 'lowdb' | 'postgres';

export interface RunSettings {
  ops: number;
  concurrency: number;
  idleSeconds: number;
  postgres: RunningPostgres;
}

/** One backend at one stored-users size. */
export interface UsersResult {
  backend: Backend;
  size: number;
  seedMs: number;
  /** Spawn to first poll, and the store's open alone (in the benchmark's process). */
  startMs: number;
  openMs: number;
  idleMb: number;
  start: Measured;
  questions: Measured;
}

export interface TicketsResult {
  backend: Backend;
  stored: number;
  seedMs: number;
  startMs: number;
  filed: Measured;
}

/** An answer not seen within this long counts as lost (and its wait as this long). */
const ANSWER_TIMEOUT_MS = Number(process.env.PG_BENCH_ANSWER_TIMEOUT_MS ?? 30_000);

/** Load figures plus the actions the bot never answered within ANSWER_TIMEOUT_MS. */
export type Measured = LoadResult & { unanswered: number };

/** `closedLoop`, with each action given up after ANSWER_TIMEOUT_MS and counted as unanswered. */
async function measured(
  users: FakeUser[],
  concurrency: number,
  act: (user: FakeUser) => Promise<number>,
): Promise<Measured> {
  let unanswered = 0;
  const result = await closedLoop(users, concurrency, async (user) => {
    let timer: NodeJS.Timeout | undefined;
    const late = new Promise<number>((resolve) => {
      timer = setTimeout(() => {
        unanswered += 1;
        resolve(ANSWER_TIMEOUT_MS);
      }, ANSWER_TIMEOUT_MS);
    });
    try {
      return await Promise.race([act(user), late]);
    } finally {
      clearTimeout(timer);
    }
  });
  return { ...result, unanswered };
}

const QUESTION = 'Thủ tục xin giấy phép lao động cho người nước ngoài ở KCN thế nào?';
const newUser = (id: number): FakeUser => ({ id, first_name: `Người ${id}`, language_code: 'en' });

/** Where one run keeps its data: a lowdb folder, or a fresh database (and its DATABASE_URL). */
interface Place {
  dataDir: string;
  env: Record<string, string>;
  pool?: pg.Pool;
  url?: string;
}

async function makePlace(backend: Backend, postgres: RunningPostgres): Promise<Place> {
  const dataDir = await mkdtemp(join(tmpdir(), `bench-pg-${backend}-`));
  if (backend === 'lowdb') return { dataDir, env: { DATA_DIR: dataDir } };
  const url = await postgres.createDatabase();
  const pool = new pg.Pool({ connectionString: url, max: 4 });
  pool.on('error', reportIdleError);
  await migrate(pool);
  return { dataDir, env: { DATA_DIR: dataDir, DATABASE_URL: url }, pool, url };
}

async function dropPlace(place: Place): Promise<void> {
  await place.pool?.end();
  await rm(place.dataDir, { recursive: true, force: true, maxRetries: 5 });
  await rm(`${place.dataDir}-migration-backups`, { recursive: true, force: true });
}

/** The store opened alone in this process: its share of the bot's start-up. */
async function storeOpenMs(place: Place): Promise<number> {
  const began = performance.now();
  const store = place.url
    ? await openPgStore({ url: place.url, sessionSchema })
    : await openStore({ dataDir: place.dataDir, sessionSchema });
  const opened = performance.now() - began;
  await store.close();
  return opened;
}

/**
 * `/start` from newcomers (a profile written each) and a question from returning users (nothing
 * written), `concurrency` users at once against the running bot, with `size` users stored.
 */
export async function runUsers(
  backend: Backend,
  size: number,
  settings: RunSettings,
): Promise<UsersResult> {
  const place = await makePlace(backend, settings.postgres);
  const fake = await FakeBotApi.start();
  try {
    const seeded = performance.now();
    if (place.pool) await seedPgUsers(place.pool, size);
    else await fillDataDir(place.dataDir, { users: size, reminders: 0 });
    const seedMs = performance.now() - seeded;
    const openMs = await storeOpenMs(place);
    const bot = await startBot(fake, place.env);
    try {
      await new Promise((r) => setTimeout(r, settings.idleSeconds * 1000));
      const idleMb = processStats(bot.pid).rssMb;
      const watcher = new CallWatcher(fake);
      const newcomers = Array.from({ length: settings.ops }, (_, i) =>
        newUser(FIRST_USER_ID + size + i),
      );
      const start = await measured(newcomers, settings.concurrency, async (user) => {
        const send = () => fake.sendText(user, '/start');
        return (await exchange(fake, watcher, user, send, hasKeyboard)).latency;
      });
      const stored = Array.from({ length: settings.ops }, (_, i) =>
        storedProfile((i * 5 * 97) % size),
      );
      const questions = await measured(stored, settings.concurrency, async (user) => {
        const send = () => fake.sendText(user, QUESTION);
        return (await exchange(fake, watcher, user, send, isSend)).latency;
      });
      watcher.stop();
      return { backend, size, seedMs, startMs: bot.startMs, openMs, idleMb, start, questions };
    } finally {
      await bot.stop();
    }
  } finally {
    await fake.stop();
    await dropPlace(place);
  }
}

const TICKET_CODE = /\b[A-Z]{2}-\d{4,}\b/;

/** The bot's answer that tells the filer their new ticket's code. */
const toldCode = (call: RecordedCall) =>
  (call.method === 'sendMessage' || call.method === 'editMessageText') &&
  TICKET_CODE.test(String(call.payload.text ?? ''));

/**
 * Tickets filed per second with `stored` tickets already there: `ops` filers, each with a
 * complete draft, press "Send", `concurrency` at once; done when the bot tells the code.
 */
export async function runTickets(
  backend: Backend,
  stored: number,
  settings: RunSettings,
): Promise<TicketsResult> {
  const place = await makePlace(backend, settings.postgres);
  const fake = await FakeBotApi.start();
  try {
    const seeded = performance.now();
    if (place.pool) {
      await pgFilers(place.pool, settings.ops);
      await seedPgTickets(place.pool, stored);
    } else {
      await lowdbFilers(place.dataDir, settings.ops);
      await writeLowdbTickets(place.dataDir, stored);
    }
    const seedMs = performance.now() - seeded;
    const bot = await startBot(fake, place.env);
    try {
      const watcher = new CallWatcher(fake);
      const filers = Array.from({ length: settings.ops }, (_, i) => storedProfile(i));
      const filed = await measured(filers, settings.concurrency, async (user) => {
        const message = { message_id: 1, chat: { id: user.id } };
        const press = () => fake.pressButton(user, message, 'tn:confirm');
        return (await exchange(fake, watcher, user, press, toldCode)).latency;
      });
      watcher.stop();
      return { backend, stored, seedMs, startMs: bot.startMs, filed };
    } finally {
      await bot.stop();
    }
  } finally {
    await fake.stop();
    await dropPlace(place);
  }
}
