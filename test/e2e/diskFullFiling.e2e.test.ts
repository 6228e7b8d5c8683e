import { existsSync, readFileSync } from 'node:fs';
import { rm, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { type BotProcess, makeTempDataDir } from '../support/botProcess.ts';
import { fakeApiEnv, startPollingBot } from '../support/e2eBot.ts';
import { FakeBotApi, type FakeUser } from '../support/fakeBotApi.ts';
import {
  codesToldTo,
  complaintSteps,
  pressLabel,
  readStoredTickets,
  walk,
} from '../support/filingDriver.ts';

/**
 * The store's file layer fails every data write with ENOSPC while the file named by
 * STORE_FAULT_ENOSPC_WHILE exists (the store engineer's hook, issue #16). Until that hook is on
 * this branch the test is skipped rather than faked.
 */
const FILE_LAYER = resolve(import.meta.dirname, '../../src/store/fileLayer.ts');
const hookPresent =
  existsSync(FILE_LAYER) && readFileSync(FILE_LAYER, 'utf8').includes('STORE_FAULT_ENOSPC_WHILE');

const OFFICER: FakeUser = { id: 700301, first_name: 'Officer', language_code: 'en' };
const WORKER: FakeUser = { id: 930001, first_name: 'Hoa', language_code: 'en' };

let fake: FakeBotApi | undefined;
let bot: BotProcess | undefined;
afterEach(async () => {
  await bot?.stop('SIGKILL');
  await fake?.stop();
});

describe.skipIf(!hookPresent)('a full disk while filing', () => {
  it('shows no phantom ticket, says it was not saved, files exactly one on retry, SIGTERM exits 0', async () => {
    const api = await FakeBotApi.start({ latencyMs: 150 });
    fake = api;
    const dataDir = await makeTempDataDir();
    const trigger = join(await makeTempDataDir(), 'disk-full');
    bot = await startPollingBot(
      api,
      fakeApiEnv(api, dataDir, {
        OFFICER_IDS: String(OFFICER.id),
        DEFAULT_LANG: 'en',
        NOTICE_CHAT_INTERVAL_MS: '5',
        LOG_LEVEL: 'warn',
        STORE_FAULT_ENOSPC_WHILE: trigger,
      }),
    );
    await walk(
      api,
      [WORKER],
      complaintSteps(() => true),
    );

    await writeFile(trigger, '');
    pressLabel(api, WORKER, /Send/);
    await api.waitFor(
      () => api.textsTo(WORKER.id).find((text) => /could not be saved|was not saved/.test(text)),
      { what: 'the "not saved" answer', timeoutMs: 15_000 },
    );
    await rm(trigger);
    expect((await readStoredTickets(dataDir)).codes).toEqual([]);
    const before = api.textsTo(OFFICER.id).length;
    api.sendText(OFFICER, '/tickets');
    await api.waitFor(() => api.textsTo(OFFICER.id).length > before, { what: 'the list' });
    expect(api.textsTo(OFFICER.id).slice(before).join('\n')).not.toMatch(/KN-\d{4}/);

    pressLabel(api, WORKER, /Send/);
    const filed = await api.waitFor(() => [...codesToldTo(api, WORKER.id, /Sent/)][0], {
      what: 'the code after the retry',
      timeoutMs: 15_000,
    });
    await api.waitFor(() => codesToldTo(api, OFFICER.id, /New ticket/).has(filed), {
      what: 'officers told of the ticket',
      timeoutMs: 15_000,
    });
    expect((await readStoredTickets(dataDir)).codes).toEqual([filed]);

    await writeFile(trigger, '');
    expect((await bot.stop('SIGTERM')).code).toBe(0);
  }, 90_000);
});
