import type { User } from 'telegraf/types';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { BotHarness } from '../support/botHarness.ts';

const worker: User = { id: 611, is_bot: false, first_name: 'Mai', language_code: 'vi' };

let harness: BotHarness;
beforeEach(async () => {
  harness = await BotHarness.create();
  await harness.send(worker, '/start');
  await harness.press(worker, 'role:worker');
});
afterEach(() => harness.close());

describe('session', () => {
  it('handles a user’s updates one at a time, so a quick tap sees the step before it', async () => {
    await Promise.all([harness.send(worker, '/complaint'), harness.press(worker, 'tn:cat:wages')]);
    const dialogue = harness.store.sessions.get(`${worker.id}:${worker.id}`)?.dialogue;
    expect(dialogue).toMatchObject({ kind: 'ticket_filing' });
    expect(JSON.stringify(dialogue)).toContain('wages');
  });

  it('keeps a half-finished dialogue across a restart of the store', async () => {
    await harness.send(worker, '/complaint');
    await harness.press(worker, 'tn:cat:safety');
    await harness.store.flush();
    const restarted = await BotHarness.create({ dataDir: harness.dataDir });
    const calls = await restarted.send(worker, '/cancel');
    expect(BotHarness.texts(calls)[0]).toContain('Đã huỷ');
    await restarted.close();
  });
});
