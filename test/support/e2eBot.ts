import { writeFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { type BotProcess, makeTempDataDir, startBotProcess } from './botProcess.ts';
import type { FakeBotApi, FakeUser } from './fakeBotApi.ts';
import { pressLabel } from './filingDriver.ts';

/**
 * The set-up the end-to-end tests share: a data folder, the environment that points a spawned
 * bot at the loopback fake, starting it until it long-polls, and waiting for a reply.
 */

/** The one park the filing dialogues pick in these tests. */
const ONE_PARK = 'parks:\n  - id: que-vo\n    name: { vi: KCN Quế Võ, en: Que Vo IP }\n';

/** A fresh data folder (removed when the test file ends) holding a parks file with one park. */
export async function dataDirWithOnePark(): Promise<{ dataDir: string; parksFile: string }> {
  const dataDir = await makeTempDataDir();
  const parksFile = join(dataDir, 'parks.yaml');
  await writeFile(parksFile, ONE_PARK);
  return { dataDir, parksFile };
}

/** What a bot process needs to reach `fake` and keep its data in `dataDir`, plus `extra`. */
export function fakeApiEnv(
  fake: FakeBotApi,
  dataDir: string,
  extra: Record<string, string> = {},
): Record<string, string> {
  return { BOT_TOKEN: fake.token, TELEGRAM_API_ROOT: fake.apiRoot, DATA_DIR: dataDir, ...extra };
}

/** Spawns the bot with `env` and resolves once it long-polls `fake` for updates. */
export async function startPollingBot(
  fake: FakeBotApi,
  env: Record<string, string>,
  timeoutMs = 30_000,
): Promise<BotProcess> {
  const bot = startBotProcess({ env });
  await fake.waitUntilPolling({ timeoutMs });
  return bot;
}

/** A port on 127.0.0.1 that was free a moment ago, for a server the bot process opens. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
  });
}

/** Does `act`, then waits for a new message to `user` matching `pattern`; returns its text. */
export async function expectReplyTo(
  fake: FakeBotApi,
  user: FakeUser,
  act: () => unknown,
  pattern: RegExp,
  timeoutMs = 20_000,
): Promise<string> {
  const before = fake.textsTo(user.id).length;
  act();
  return fake.waitFor(
    () =>
      fake
        .textsTo(user.id)
        .slice(before)
        .find((text) => pattern.test(text)),
    { timeoutMs, what: `a message to ${user.first_name} matching ${pattern}` },
  );
}

/** A press of the button labelled `label` on the bot's latest message to `user`, to do later. */
export const pressingLabel = (fake: FakeBotApi, user: FakeUser, label: RegExp) => () =>
  pressLabel(fake, user, label);
