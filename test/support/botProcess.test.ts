import { stat } from 'node:fs/promises';
import { afterEach, describe, expect, it } from 'vitest';
import { makeTempDataDir, startBotProcess } from './botProcess.ts';
import { FakeBotApi } from './fakeBotApi.ts';

const ENTRY = 'test/support/fixtures/echoBot.ts';
let api: FakeBotApi | undefined;

afterEach(async () => {
  await api?.stop();
  api = undefined;
});

describe('startBotProcess', () => {
  it('runs a bot process against the fake API with a clean environment and stops it', async () => {
    process.env.FAKE_BOT_API_TEST_SECRET = 'leaked';
    api = await FakeBotApi.start();
    const bot = startBotProcess({
      entry: ENTRY,
      env: { BOT_TOKEN: api.token, TELEGRAM_API_ROOT: api.apiRoot, GREETING: 'e2e' },
    });
    delete process.env.FAKE_BOT_API_TEST_SECRET;
    await bot.waitForOutput(/polling started/);
    await api.waitUntilPolling({ timeoutMs: 10_000 });
    api.sendText({ id: 42, first_name: 'Bình' }, '/start');
    await api.waitFor(() => api?.textsTo(42).includes('hello e2e'), { what: 'the greeting' });

    const exit = await bot.stop();
    expect(exit).toMatchObject({ code: 0, signal: null });
    expect(exit.ms).toBeLessThan(3000);
    expect(bot.output()).toContain('inherited secret: none');
    expect(bot.output()).toContain('polling stopped');
  });

  it('reports an early exit instead of waiting for output', async () => {
    const bot = startBotProcess({ entry: ENTRY, env: {} });
    await expect(bot.waitForOutput(/polling started/)).rejects.toThrow(/exited .*"code":2/s);
    expect(bot.output()).toContain('BOT_TOKEN and TELEGRAM_API_ROOT are required');
  });

  it('makes a temporary data directory', async () => {
    const dir = await makeTempDataDir();
    expect((await stat(dir)).isDirectory()).toBe(true);
  });
});
