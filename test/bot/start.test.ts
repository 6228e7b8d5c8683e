import type { User } from 'telegraf/types';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { translator } from '../../src/bot/i18n/index.ts';
import { BotHarness, OFFICER } from '../support/botHarness.ts';

const t = translator('vi');

const worker: User = { id: 501, is_bot: false, first_name: 'Lan', language_code: 'vi' };
const investor: User = { id: 502, is_bot: false, first_name: 'Kim', language_code: 'ko' };

let harness: BotHarness;
beforeEach(async () => {
  harness = await BotHarness.create();
});
afterEach(async () => {
  await harness.close();
});

describe('/start', () => {
  it('greets in Vietnamese for a Vietnamese app and asks the role once', async () => {
    const calls = await harness.send(worker, '/start');
    const [greeting, question] = BotHarness.texts(calls, worker.id);
    expect(greeting).toContain('Xin chào <b>Lan</b>');
    expect(question).toContain('người lao động');
    expect(BotHarness.buttons(calls).map((b) => b.data)).toEqual([
      'role:worker',
      'role:enterprise',
    ]);
    for (const call of calls) expect(call.payload.parse_mode).toBe('HTML');

    const chosen = await harness.pressButton(worker, t('role.worker'));
    expect(BotHarness.texts(chosen, worker.id)[0]).toContain('người lao động');
    expect(harness.store.users.get(worker.id)?.role).toBe('worker');

    const again = await harness.send(worker, '/start');
    expect(BotHarness.buttons(again).map((b) => b.data)).not.toContain('role:worker');
  });

  it('greets in English for any other app language', async () => {
    const calls = await harness.send(investor, '/start');
    expect(BotHarness.texts(calls, investor.id)[0]).toContain('Hello <b>Kim</b>');
  });

  it('escapes a hostile first name', async () => {
    const calls = await harness.send({ ...worker, first_name: '<i>x</i>&' }, '/start');
    expect(BotHarness.texts(calls)[0]).toContain('&lt;i&gt;x&lt;/i&gt;&amp;');
  });
});

describe('/lang', () => {
  it('switches the language and remembers it over the app language', async () => {
    await harness.send(worker, '/lang');
    await harness.pressButton(worker, t('lang.en'));
    const calls = await harness.send(worker, '/help');
    expect(BotHarness.texts(calls)[0]).toContain('Commands you can use');
    expect(harness.store.users.get(worker.id)?.lang).toBe('en');
  });
});

describe('/help', () => {
  it('shows officer commands only to officers', async () => {
    const forWorker = BotHarness.texts(await harness.send(worker, '/help')).join('\n');
    const forOfficer = BotHarness.texts(await harness.send(OFFICER, '/help')).join('\n');
    expect(forWorker).toContain('/start');
    expect(forWorker).not.toContain('cán bộ');
    expect(forOfficer).toContain('/start');
  });
});

describe('anything unexpected', () => {
  it('answers an unknown command and a sticker instead of staying silent', async () => {
    const unknown = await harness.send(worker, '/frobnicate now');
    expect(BotHarness.texts(unknown)[0]).toContain('/frobnicate');
    const stale = await harness.press(worker, 'no-such-button');
    expect(stale.find((c) => c.method === 'answerCallbackQuery')?.payload.text).toBeTruthy();
  });
});
