/**
 * Tickets filed per second through the bot's update handling, with 1,000 / 10,000 / 100,000
 * tickets already stored. Path measured: the "Send" button (`tn:confirm`) of a complete draft,
 * i.e. handleUpdate → middleware → create (code assigned, shard written, fsync) → session saved →
 * replies and officer notice through a no-op transport. 50 users file concurrently, as on Telegram.
 */
import { mkdtemp, readdir, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pino } from 'pino';
import type { Update } from 'telegraf/types';
import { createBot } from '../src/bot/app.ts';
import { type Session, sessionSchema } from '../src/bot/session.ts';
import { loadConfig } from '../src/config.ts';
import { defaultKnowledgePaths, LiveKnowledge } from '../src/knowledge/live.ts';
import { loadParks } from '../src/parks/index.ts';
import { Collection } from '../src/store/collection.ts';
import { openStore } from '../src/store/index.ts';
import {
  SHARD_SIZE,
  type Ticket,
  type TicketShard,
  ticketShardSchema,
} from '../src/store/tickets/index.ts';

const SIZES = [1_000, 10_000, 100_000];
const FILINGS = 1_000;
const CONCURRENCY = 50;

function storedTicket(seq: number): Ticket {
  const at = new Date(Date.UTC(2024, 0, 1) + seq * 60_000).toISOString();
  return {
    code: `KN-${String(seq).padStart(4, '0')}`,
    seq,
    type: 'complaint',
    category: 'wages',
    parkId: null,
    company: 'Công ty TNHH Ví dụ',
    description: 'Công ty chậm trả lương tháng trước, chưa có thông báo lý do. '.repeat(3),
    attachments: [{ kind: 'photo', fileId: `AgACAgUAAxkBAAI${seq}` }],
    anonymous: seq % 2 === 0,
    filer: { userId: 1_000_000 + seq, chatId: 1_000_000 + seq, name: `Người ${seq}` },
    status: 'closed',
    assignee: 1,
    createdAt: at,
    firstResponseAt: at,
    resolvedAt: at,
    closedAt: at,
    rating: 4,
    history: [{ at, by: 'filer', action: 'created', status: 'new' }],
  };
}

async function pregenerate(dir: string, count: number): Promise<void> {
  const ticketsDir = join(dir, 'tickets');
  await rm(ticketsDir, { recursive: true, force: true });
  await import('node:fs/promises').then((fs) => fs.mkdir(ticketsDir, { recursive: true }));
  for (let start = 1; start <= count; start += SHARD_SIZE) {
    const data: Record<string, Ticket> = {};
    for (let seq = start; seq < start + SHARD_SIZE && seq <= count; seq += 1) {
      const ticket = storedTicket(seq);
      data[ticket.code] = ticket;
    }
    const index = String(Math.floor((start - 1) / SHARD_SIZE)).padStart(4, '0');
    await writeFile(
      join(ticketsDir, `tickets-${index}.json`),
      JSON.stringify({ version: 1, data }),
    );
  }
}

async function sizeOf(dir: string): Promise<{ files: number; bytes: number; largest: number }> {
  const names = await readdir(dir);
  const sizes = await Promise.all(names.map(async (name) => (await stat(join(dir, name))).size));
  return {
    files: names.length,
    bytes: sizes.reduce((a, b) => a + b, 0),
    largest: Math.max(...sizes),
  };
}

async function run(size: number, knowledge: LiveKnowledge): Promise<number> {
  const dir = await mkdtemp(join(tmpdir(), 'bench-tickets-'));
  await pregenerate(dir, size);
  const config = loadConfig({
    BOT_TOKEN: '123456:BENCHbenchBENCHbenchBENCH',
    DATA_DIR: dir,
    OFFICER_IDS: '1',
    TICKET_LIMIT_PER_HOUR: '1000000',
    LOG_LEVEL: 'silent',
  });
  const openedAt = performance.now();
  const store = await openStore<Session>({ dataDir: dir, sessionSchema });
  const openMs = performance.now() - openedAt;
  let messageId = 0;
  const { bot } = createBot({
    config,
    store,
    knowledge,
    parks: loadParks(config.PARKS_FILE),
    logger: pino({ level: 'silent' }),
    botInfo: {
      id: 1,
      is_bot: true,
      first_name: 'Bench',
      username: 'bench_bot',
      can_join_groups: false,
      can_read_all_group_messages: false,
      supports_inline_queries: false,
    },
    transport: async (method, payload) =>
      method.startsWith('send')
        ? {
            message_id: ++messageId,
            date: 0,
            chat: { id: Number(payload.chat_id), type: 'private' },
          }
        : true,
  });
  let updateId = 0;
  const fileOne = async (userId: number) => {
    const from = { id: userId, is_bot: false, first_name: `U${userId}`, language_code: 'vi' };
    await store.sessions.set(`${userId}:${userId}`, {
      dialogue: {
        kind: 'ticket_filing',
        step: 'confirm',
        editing: false,
        draft: {
          type: 'complaint',
          category: 'safety',
          parkId: null,
          company: null,
          description: 'Thiếu đồ bảo hộ ở xưởng B',
          attachments: [],
          anonymous: true,
        },
      },
    });
    const update = {
      update_id: ++updateId,
      callback_query: {
        id: String(updateId),
        from,
        chat_instance: 'bench',
        data: 'tn:confirm',
        message: { message_id: 1, date: 0, chat: { id: userId, type: 'private' }, text: '' },
      },
    } as Update;
    await bot.handleUpdate(update);
  };
  // Warm-up (also creates the users' profiles), not measured.
  await Promise.all(Array.from({ length: CONCURRENCY }, (_, i) => fileOne(5_000_000 + i)));
  const started = performance.now();
  for (let done = 0; done < FILINGS; done += CONCURRENCY) {
    await Promise.all(Array.from({ length: CONCURRENCY }, (_, i) => fileOne(5_000_000 + i)));
  }
  const seconds = (performance.now() - started) / 1000;
  await store.flush();
  const perSecond = FILINGS / seconds;
  const files = await sizeOf(join(dir, 'tickets'));
  console.log(
    `${String(size).padStart(7)} stored | open ${openMs.toFixed(0).padStart(5)} ms | ` +
      `${perSecond.toFixed(0).padStart(5)} tickets/s | ${files.files} files, ` +
      `${(files.bytes / 1e6).toFixed(1)} MB total, largest ${(files.largest / 1e6).toFixed(2)} MB`,
  );
  await rm(dir, { recursive: true, force: true });
  return perSecond;
}

/**
 * The design before sharding: all tickets in one lowdb file, rewritten whole on every write.
 * Batching puts the 50 concurrent filings of a round into one write, so this bounds throughput.
 */
async function singleFileBaseline(count: number): Promise<void> {
  const dir = await mkdtemp(join(tmpdir(), 'bench-tickets-one-'));
  const file = join(dir, 'tickets.json');
  const data: Record<string, Ticket> = {};
  for (let seq = 1; seq <= count; seq += 1)
    data[`KN-${String(seq).padStart(4, '0')}`] = storedTicket(seq);
  await writeFile(file, JSON.stringify({ version: 1, data }));
  const collection = await Collection.open<TicketShard>(file, 1, ticketShardSchema, () => ({}));
  const writes = 5;
  const started = performance.now();
  for (let i = 1; i <= writes; i += 1) {
    await collection.update((tickets) => {
      const ticket = storedTicket(count + i);
      tickets[ticket.code] = ticket;
    });
  }
  const msPerWrite = (performance.now() - started) / writes;
  const { size } = await stat(file);
  console.log(
    `before sharding: one ${(size / 1e6).toFixed(1)} MB file with ${count} tickets, ` +
      `${msPerWrite.toFixed(0)} ms a write → at most ${((CONCURRENCY * 1000) / msPerWrite).toFixed(0)} tickets/s ` +
      `at ${CONCURRENCY} concurrent, ${(1000 / msPerWrite).toFixed(1)}/s one at a time`,
  );
  await rm(dir, { recursive: true, force: true });
}

const knowledge = await LiveKnowledge.load(defaultKnowledgePaths());
console.log(
  `Filing ${FILINGS} tickets, ${CONCURRENCY} at a time, via handleUpdate(tn:confirm), no-op transport`,
);
let last = 0;
for (const size of SIZES) last = await run(size, knowledge);
await singleFileBaseline(100_000);
console.log(
  `≥ 200 tickets/s with 100,000 stored: ${last >= 200 ? 'yes' : 'NO'} (${last.toFixed(0)}/s)`,
);
