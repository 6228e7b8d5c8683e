import { type ChildProcess, spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { DEFAULT_TOKEN, type FakeBotApi } from '../../test/support/fakeBotApi.ts';

const REPO = resolve(import.meta.dirname, '../..');
const TSX = pathToFileURL(createRequire(import.meta.url).resolve('tsx')).href;

export interface RunningBot {
  child: ChildProcess;
  pid: number;
  /** From spawn until the bot's first long poll: the start-up an operator waits for. */
  startMs: number;
  stop(): Promise<number | null>;
}

/**
 * Starts the real bot (`src/server.ts`) in long-polling mode on the loopback fake Bot API, with
 * the flood limits out of the way, and waits until it polls. `PG_BENCH_CPU_PROF=<dir>` writes a
 * `node --cpu-prof` profile of each bot process there.
 */
export async function startBot(
  fake: FakeBotApi,
  extra: Record<string, string>,
): Promise<RunningBot> {
  const env = process.env;
  const prof = env.PG_BENCH_CPU_PROF
    ? ['--cpu-prof', '--cpu-prof-dir', resolve(env.PG_BENCH_CPU_PROF)]
    : [];
  const began = performance.now();
  const child = spawn(process.execPath, [...prof, '--import', TSX, 'src/server.ts'], {
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
      TICKET_LIMIT_PER_HOUR: '1000000',
      ...extra,
    },
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  const exited = new Promise<never>((_, reject) =>
    child.once('exit', (code) => reject(new Error(`the bot exited (${code}) before polling`))),
  );
  await Promise.race([fake.waitUntilPolling({ timeoutMs: 180_000 }), exited]);
  const startMs = performance.now() - began;
  return {
    child,
    pid: child.pid ?? 0,
    startMs,
    stop: () =>
      new Promise((done) => {
        if (child.exitCode !== null) return done(child.exitCode);
        child.removeAllListeners('exit');
        child.once('exit', (code) => done(code));
        child.kill('SIGTERM');
      }),
  };
}
