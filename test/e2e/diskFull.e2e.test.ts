import { rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { usersSpec } from '../../src/store/users.ts';
import { makeTempDataDir } from '../support/botProcess.ts';
import { fakeApiEnv, startPollingBot } from '../support/e2eBot.ts';
import { FakeBotApi } from '../support/fakeBotApi.ts';
import { readStoredRecord } from '../support/storeFiles.ts';

let api: FakeBotApi | undefined;
afterEach(async () => {
  await api?.stop();
  api = undefined;
});

describe('a full disk (ENOSPC injected through the store file layer)', () => {
  it('tells the user nothing was saved, saves on retry once space is back, and stops cleanly', async () => {
    const dataDir = await makeTempDataDir();
    const trigger = join(await makeTempDataDir(), 'disk-full');
    api = await FakeBotApi.start();
    const fake = api;
    const bot = await startPollingBot(
      fake,
      fakeApiEnv(fake, dataDir, { LOG_LEVEL: 'warn', STORE_FAULT_ENOSPC_WHILE: trigger }),
      20_000,
    );
    const user = { id: 5151, first_name: 'Hoa', language_code: 'en' };

    await writeFile(trigger, '');
    fake.sendText(user, '/start');
    await fake.waitFor(() => fake.textsTo(user.id).find((t) => t.includes('was not saved')), {
      what: 'the "not saved" answer',
    });
    expect(await readStoredRecord(dataDir, usersSpec, String(user.id))).toBeUndefined();

    await rm(trigger);
    const before = fake.textsTo(user.id).length;
    fake.sendText(user, '/start');
    await fake.waitFor(() => fake.textsTo(user.id).length > before, { what: 'the retry answered' });
    expect(fake.textsTo(user.id).slice(before).join('\n')).not.toContain('was not saved');
    expect((await readStoredRecord(dataDir, usersSpec, String(user.id)))?.firstName).toBe('Hoa');

    await writeFile(trigger, '');
    const exit = await bot.stop('SIGTERM');
    expect(exit.code).toBe(0);
  });
});
