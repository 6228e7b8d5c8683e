import { cp } from 'node:fs/promises';
import { join } from 'node:path';
import { pino } from 'pino';
import { type BotApp, createBot } from '../../src/bot/app.ts';
import { type Session, sessionSchema } from '../../src/bot/session.ts';
import { type Config, loadConfig } from '../../src/config.ts';
import { defaultKnowledgePaths, LiveKnowledge } from '../../src/knowledge/live.ts';
import { stopAll } from '../../src/lifecycle.ts';
import { loadParks } from '../../src/parks/index.ts';
import { openStore, type Store } from '../../src/store/index.ts';
import { makeTempDataDir } from './botProcess.ts';
import type { FakeBotApi } from './fakeBotApi.ts';

/** A clock that stands still until the test moves it: timing without sleeps. */
export class FixedClock {
  private ms: number;
  constructor(start: Date) {
    this.ms = start.getTime();
  }
  readonly now = (): Date => new Date(this.ms);
  set(at: Date): void {
    this.ms = at.getTime();
  }
  advance(ms: number): void {
    this.ms += ms;
  }
}

export interface LiveBot {
  app: BotApp;
  store: Store<Session>;
  config: Config;
  dataDir: string;
  stop(): Promise<void>;
}

/**
 * The real bot in this process, long-polling the loopback fake over HTTP with its background
 * services running, on a clock the test controls (a spawned process could not share it).
 */
export async function startLiveBot(
  fake: FakeBotApi,
  options: { env?: Record<string, string>; clock: FixedClock; ownKnowledge?: boolean },
): Promise<LiveBot> {
  const dataDir = await makeTempDataDir();
  const config = loadConfig({
    BOT_TOKEN: fake.token,
    TELEGRAM_API_ROOT: fake.apiRoot,
    DATA_DIR: dataDir,
    ...options.env,
  });
  const store = await openStore({ dataDir, sessionSchema, now: options.clock.now });
  const app = createBot({
    config,
    store,
    logger: pino({ level: 'silent' }),
    knowledge: await LiveKnowledge.load(await knowledgePaths(dataDir, options.ownKnowledge)),
    parks: loadParks(config.PARKS_FILE),
    now: options.clock.now,
  });
  let started = false;
  const launched = app.bot.launch({ dropPendingUpdates: false }, () => {
    started = true;
    for (const service of app.services) service.start();
  });
  launched.catch(() => undefined);
  await fake.waitUntilPolling({ timeoutMs: 20_000 });
  return {
    app,
    store,
    config,
    dataDir,
    async stop() {
      if (started) app.bot.stop('test');
      await stopAll(app.services, store, async () => undefined);
    },
  };
}

/** The shipped knowledge base, or a copy of it the bot may add officers' answers to. */
async function knowledgePaths(dataDir: string, own = false) {
  const shipped = defaultKnowledgePaths();
  if (!own) return shipped;
  const knowledgeDir = join(dataDir, 'knowledge');
  await cp(shipped.knowledgeDir, knowledgeDir, { recursive: true });
  return { ...shipped, knowledgeDir };
}
