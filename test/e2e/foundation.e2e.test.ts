import { spawn } from 'node:child_process';
import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { feedbackSpec } from '../../src/store/feedback.ts';
import { usersSpec } from '../../src/store/users.ts';
import { makeTempDataDir, startBotProcess } from '../support/botProcess.ts';
import { fakeApiEnv, startPollingBot } from '../support/e2eBot.ts';
import { DEFAULT_TOKEN, FakeBotApi } from '../support/fakeBotApi.ts';
import { readStoredRecords } from '../support/storeFiles.ts';

const OFFICER_ID = 7001;
let api: FakeBotApi | undefined;
afterEach(async () => {
  await api?.stop();
  api = undefined;
});

async function startBot(dataDir: string) {
  api = await FakeBotApi.start();
  const env = fakeApiEnv(api, dataDir, { OFFICER_IDS: String(OFFICER_ID), LOG_LEVEL: 'warn' });
  const bot = await startPollingBot(api, env, 20_000);
  return { api, bot };
}

describe('npm start against a loopback Bot API', () => {
  it('answers /start in the user’s language, registers commands, exits 0 on SIGTERM', async () => {
    const { api, bot } = await startBot(await makeTempDataDir());
    const vietnamese = { id: 501, first_name: 'Lan', language_code: 'vi' };
    const english = { id: 502, first_name: 'John', language_code: 'en' };

    api.sendText(vietnamese, '/start');
    api.sendText(english, '/start');
    await api.waitFor(
      () => api.textsTo(vietnamese.id).length > 0 && api.textsTo(english.id).length > 0,
      { what: 'replies to /start in both languages' },
    );
    expect(api.textsTo(vietnamese.id)[0]).toContain('Xin chào Lan');
    expect(api.textsTo(english.id)[0]).toContain('Hello John');

    const names = (list: unknown[]) => list.map((c) => (c as { command: string }).command);
    expect(names(api.commands(undefined, 'vi'))).toContain('help');
    expect(names(api.commands(undefined, 'en'))).toContain('help');
    const officerScope = { type: 'chat', chat_id: OFFICER_ID };
    expect(names(api.commands(officerScope, 'vi'))).toContain('reload');
    expect(names(api.commands(undefined, 'vi'))).not.toContain('reload');

    const exit = await bot.stop('SIGTERM');
    // 0, not 1: it stopped within its shutdown grace (the timing is in npm run bench:flood).
    expect(exit.code).toBe(0);
  });

  it('answers a question typed without accents with its source, and a stranger one with "I don’t know"', async () => {
    const dataDir = await makeTempDataDir();
    const { api, bot } = await startBot(dataDir);
    const worker = { id: 601, first_name: 'Hoa', language_code: 'vi' };
    api.sendText(worker, 'thu nhap binh quan cua nguoi lao dong trong kcn');
    const answer = await api.waitFor(() => api.lastMessageTo(worker.id), { what: 'an answer' });
    expect(answer.text).toMatch(/thu nhập/i);
    expect(answer.text).toContain('Nguồn');
    const vote = api.buttonsOf(answer.message).find((b) => b.data?.startsWith('kb:v:u:'));
    expect(vote).toBeDefined();

    api.sendText(worker, 'giá vé máy bay đi Đà Nẵng tuần sau');
    const unknown = await api.waitFor(
      () => (api.textsTo(worker.id).length >= 2 ? api.lastMessageTo(worker.id) : undefined),
      { what: 'the no-answer reply' },
    );
    expect(unknown.text).toContain('chưa tìm thấy câu trả lời');
    expect(api.buttonsOf(unknown.message).map((b) => b.data)).toContain('kb:t:0');

    api.pressButton(worker, answer.message, vote?.data ?? '');
    await api.waitFor(() => api.calls.some((c) => c.method === 'answerCallbackQuery'), {
      what: 'the vote acknowledged',
    });
    expect((await bot.stop('SIGTERM')).code).toBe(0);
    const feedback = [...(await readStoredRecords(dataDir, feedbackSpec)).values()];
    expect(feedback.filter((record) => record.kind === 'vote')).toMatchObject([
      { entryId: vote?.data?.slice('kb:v:u:'.length), vote: 'up' },
    ]);
    expect(feedback.filter((record) => record.kind === 'question')).toMatchObject([
      { text: 'giá vé máy bay đi Đà Nẵng tuần sau' },
    ]);
  });

  it('refuses to start on a corrupt data file, names it and leaves it unchanged', async () => {
    const dataDir = await makeTempDataDir();
    const file = join(dataDir, 'users.json');
    const corrupt = '{"version": 1, "data": {"1": {"id": 1,';
    await writeFile(file, corrupt);
    api = await FakeBotApi.start();
    const bot = startBotProcess({
      env: { BOT_TOKEN: DEFAULT_TOKEN, TELEGRAM_API_ROOT: api.apiRoot, DATA_DIR: dataDir },
    });
    const exit = await bot.exited;
    expect(exit.code).not.toBe(0);
    expect(bot.output()).toContain(file);
    expect(await readFile(file, 'utf8')).toBe(corrupt);
  });

  it('without BOT_TOKEN exits non-zero, naming it and pointing to npm run chat', async () => {
    const bot = startBotProcess({ env: { DATA_DIR: await makeTempDataDir() } });
    const exit = await bot.exited;
    expect(exit.code).not.toBe(0);
    expect(bot.output()).toContain('BOT_TOKEN');
    expect(bot.output()).toContain('npm run chat');
  });
});

describe('npm run chat', () => {
  it('answers /start typed on its standard input and exits when the input ends', async () => {
    const dataDir = await makeTempDataDir();
    const child = spawn(process.execPath, ['--import', 'tsx', 'src/console/main.ts'], {
      env: {
        PATH: process.env.PATH ?? '',
        HOME: process.env.HOME ?? '',
        CONSOLE_DATA_DIR: dataDir,
      },
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => {
      output += chunk.toString();
    });
    child.stdin.end('/start\n#1\nso KCN o Bac Ninh\n');
    const code = await new Promise<number | null>((resolve) => child.on('exit', resolve));
    expect(code).toBe(0);
    expect(output).toContain('Xin chào');
    expect(output).toContain('[#1]');
    expect(output).toContain('Nguồn');
  });

  it('keeps its data in DATA_DIR when that is set', async () => {
    const dataDir = await makeTempDataDir();
    const child = spawn(process.execPath, ['--import', 'tsx', 'src/console/main.ts'], {
      env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', DATA_DIR: dataDir },
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    child.stdin.end('/start\n');
    const code = await new Promise<number | null>((resolve) => child.on('exit', resolve));
    expect(code).toBe(0);
    // The console's user, written to the sharded users collection under DATA_DIR.
    expect(await readdir(dataDir)).toContain('users');
    expect((await readStoredRecords(dataDir, usersSpec)).size).toBe(1);
  });
});
