import { randomUUID } from 'node:crypto';
import { copyFile, cp, mkdtemp } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pino } from 'pino';
import {
  defaultKnowledgePaths,
  type KnowledgePaths,
  LiveKnowledge,
} from '../../src/knowledge/live.ts';
import { loadParks } from '../../src/parks/index.ts';
import type { FileLayer } from '../../src/store/fileLayer.ts';
import { createDashboard } from '../../src/web/dashboard/http.ts';
import { signInitData } from '../../src/web/dashboard/initData.ts';
import { createWebServer, listen } from '../../src/web.ts';
import type { BotHarness } from './botHarness.ts';

/**
 * The shipped knowledge and contacts, copied to a scratch folder and loaded: Setup and approved
 * drafts write to these files, and a test must never change the repository's own.
 */
export async function scratchKnowledge(): Promise<{
  knowledge: LiveKnowledge;
  knowledgePaths: KnowledgePaths;
}> {
  const shipped = defaultKnowledgePaths();
  const scratch = await mkdtemp(join(tmpdir(), 'kcn-dashboard-kb-'));
  const knowledgePaths = {
    ...shipped,
    contactsFile: join(scratch, 'contacts.yaml'),
    knowledgeDir: join(scratch, 'knowledge'),
  };
  await copyFile(shipped.contactsFile, knowledgePaths.contactsFile);
  await cp(shipped.knowledgeDir, knowledgePaths.knowledgeDir, { recursive: true });
  return { knowledge: await LiveKnowledge.load(knowledgePaths), knowledgePaths };
}

/** initData as Telegram would sign it for `user` with `token`, `ageSeconds` ago. */
export function initDataFor(
  user: { id: number; first_name?: string | undefined; language_code?: string | undefined },
  token: string,
  ageSeconds = 30,
): string {
  return signInitData(
    {
      query_id: 'AAHtest',
      user: JSON.stringify(user),
      auth_date: String(Math.floor(Date.now() / 1000) - ageSeconds),
    },
    token,
  );
}

export interface DashboardServer {
  url: string;
  /** Calls the API with `initData`; returns the status and the parsed (or raw CSV) body. */
  call(
    path: string,
    initData: string,
    /** `key`: the POST's idempotency key; a fresh one unless given, none with null. */
    init?: { method?: string; body?: unknown; key?: string | null },
  ): Promise<{ status: number; body: unknown; text: string }>;
  close(): Promise<void>;
}

/** The dashboard on the same web server the bot uses, over the harness's bot and store. */
export async function startDashboard(
  bot: BotHarness,
  setup: { knowledge: LiveKnowledge; knowledgePaths: KnowledgePaths; layer?: FileLayer },
): Promise<DashboardServer> {
  const desk = bot.app.officerDesk;
  if (!desk) throw new Error('the bot was built without the tickets feature');
  const dashboard = createDashboard({
    ...setup,
    desk,
    config: bot.config,
    store: bot.store,
    parks: loadParks(bot.config.PARKS_FILE),
    logger: pino({ level: 'silent' }),
    now: () => new Date(),
  });
  const server = createWebServer({
    health: async () => ({
      mode: 'polling',
      uptimeSeconds: 0,
      storeWritable: true,
      lastUpdateAt: null,
      outboxLength: 0,
      version: 'test',
    }),
    routes: dashboard.handle,
  });
  await listen(server, 0, '127.0.0.1');
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    url,
    async call(path, initData, init = {}) {
      const method = init.method ?? 'GET';
      const key = init.key === undefined && method === 'POST' ? randomUUID() : init.key;
      const response = await fetch(`${url}/app/api${path}`, {
        method,
        headers: {
          'x-telegram-init-data': initData,
          ...(typeof key === 'string' ? { 'idempotency-key': key } : {}),
          ...(init.body === undefined ? {} : { 'content-type': 'application/json' }),
        },
        ...(init.body === undefined ? {} : { body: JSON.stringify(init.body) }),
      });
      const text = await response.text();
      let body: unknown = text;
      try {
        body = JSON.parse(text);
      } catch {
        // CSV answers stay as text.
      }
      return { status: response.status, body, text };
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
