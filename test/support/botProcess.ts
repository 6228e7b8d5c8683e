import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll } from 'vitest';

const REPO_ROOT = resolve(import.meta.dirname, '../..');
/** tsx's loader as a file URL, so the child can run from any working directory. */
const TSX_LOADER = pathToFileURL(createRequire(import.meta.url).resolve('tsx')).href;
const STOP_GRACE_MS = 5000;

export interface ExitInfo {
  code: number | null;
  signal: NodeJS.Signals | null;
}

export interface BotProcess {
  readonly child: ChildProcess;
  /** stdout and stderr so far, interleaved as they arrived. */
  readonly output: () => string;
  /** Resolves once the output matches; rejects on timeout or if the process exits first. */
  waitForOutput(pattern: RegExp, timeoutMs?: number): Promise<void>;
  /** Sends `signal` (SIGTERM by default), SIGKILLs after 5 s; `ms` is how long the exit took. */
  stop(signal?: NodeJS.Signals): Promise<ExitInfo & { ms: number }>;
  /** Settles when the process has exited and its output is fully read. */
  readonly exited: Promise<ExitInfo>;
}

export interface BotProcessOptions {
  /** The child's whole environment besides PATH and HOME; nothing else is inherited. */
  env: Record<string, string>;
  /** Script to run, relative to the repository root; default `src/server.ts`. */
  entry?: string;
  /** Working directory; default the repository root. */
  cwd?: string;
}

const running = new Set<BotProcess>();
const tempDirs = new Set<string>();

// Under vitest, the test file's leftovers go when it ends; benchmarks (plain tsx) clean up themselves.
if (process.env.VITEST) {
  afterAll(async () => {
    await Promise.all([...running].map((bot) => bot.stop('SIGKILL')));
    await Promise.all([...tempDirs].map((dir) => rm(dir, { recursive: true, force: true })));
    tempDirs.clear();
  });
}
process.once('exit', () => {
  for (const bot of running) bot.child.kill('SIGKILL');
});

const tail = (text: string): string => text.split('\n').slice(-30).join('\n');

/**
 * Spawns `node --import tsx <entry>` with a clean environment; the process is killed when the
 * test file finishes if the test did not stop it.
 */
export function startBotProcess(options: BotProcessOptions): BotProcess {
  const env = {
    PATH: process.env.PATH ?? '/usr/bin:/bin',
    HOME: process.env.HOME ?? tmpdir(),
    ...options.env,
  };
  const child = spawn(
    process.execPath,
    ['--import', TSX_LOADER, resolve(REPO_ROOT, options.entry ?? 'src/server.ts')],
    {
      cwd: options.cwd ?? REPO_ROOT,
      env,
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  let output = '';
  const watchers = new Set<() => void>();
  const notify = (): void => {
    for (const watcher of [...watchers]) watcher();
  };
  const append = (chunk: Buffer): void => {
    output += chunk.toString('utf8');
    notify();
  };
  child.stdout?.on('data', append);
  child.stderr?.on('data', append);
  let exitInfo: ExitInfo | undefined;
  const exited = new Promise<ExitInfo>((settle) => {
    const finish = (info: ExitInfo): void => {
      exitInfo ??= info;
      running.delete(bot);
      settle(exitInfo);
      notify();
    };
    child.once('close', (code, signal) => finish({ code, signal }));
    child.once('error', (error) => {
      output += `\n[spawn error] ${error.message}\n`;
      finish({ code: null, signal: null });
    });
  });

  const waitForOutput = (pattern: RegExp, timeoutMs = 10_000): Promise<void> =>
    new Promise((settle, reject) => {
      const check = (): void => {
        if (pattern.test(output)) done();
        else if (exitInfo) {
          done(
            new Error(
              `Bot exited (${JSON.stringify(exitInfo)}) before printing ${pattern}:\n${tail(output)}`,
            ),
          );
        }
      };
      const timer = setTimeout(
        () =>
          done(new Error(`No output matching ${pattern} after ${timeoutMs} ms:\n${tail(output)}`)),
        timeoutMs,
      );
      const done = (error?: Error): void => {
        clearTimeout(timer);
        watchers.delete(check);
        if (error) reject(error);
        else settle();
      };
      watchers.add(check);
      check();
    });

  const stop = async (signal: NodeJS.Signals = 'SIGTERM'): Promise<ExitInfo & { ms: number }> => {
    const started = performance.now();
    if (!exitInfo) child.kill(signal);
    const killer = setTimeout(() => child.kill('SIGKILL'), STOP_GRACE_MS);
    const info = await exited;
    clearTimeout(killer);
    return { ...info, ms: Math.round(performance.now() - started) };
  };

  const bot: BotProcess = { child, output: () => output, waitForOutput, stop, exited };
  running.add(bot);
  return bot;
}

/** A fresh directory under the OS temp dir, removed when the test file finishes. */
export async function makeTempDataDir(): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'kcn-bot-test-'));
  tempDirs.add(dir);
  return dir;
}
