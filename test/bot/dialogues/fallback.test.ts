import type { Update, User } from 'telegraf/types';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { translator } from '../../../src/bot/i18n/index.ts';
import { BotHarness } from '../../support/botHarness.ts';
import { Conversation } from '../../support/conversation.ts';

const WORKER: User = { id: 631001, is_bot: false, first_name: 'Lan', language_code: 'vi' };
const INVESTOR: User = { id: 631002, is_bot: false, first_name: 'Tom', language_code: 'en' };
const vi = translator('vi');
const en = translator('en');

let bot: BotHarness;
beforeEach(async () => {
  bot = await BotHarness.create();
});
afterEach(() => bot.close());

describe('a file or sticker sent when no dialogue is open', () => {
  it('tells a worker the file was not kept and how to send it as evidence, once per album', async () => {
    const worker = new Conversation(bot, WORKER);
    await worker.say('/start');
    await worker.press(vi('role.worker'));
    const photo = worker.texts(await worker.sendMedia('photo')).join('\n');
    expect(photo).toContain(vi('fallback.file.kept'));
    expect(photo).toContain('/complaint');
    expect(photo).not.toMatch(/ở bước này/);
    const album = [
      await worker.sendMedia('photo', { mediaGroupId: 'al-1' }),
      await worker.sendMedia('photo', { mediaGroupId: 'al-1' }),
      await worker.sendMedia('photo', { mediaGroupId: 'al-1' }),
    ];
    expect(album.map((calls) => worker.texts(calls).length)).toEqual([1, 0, 0]);
    // With a complaint put aside, the file is pointed at that draft rather than a new one.
    await worker.say('/complaint');
    await worker.press(vi('tickets.cat.wages'));
    await worker.say('/help');
    const kept = worker.texts(await worker.sendMedia('document')).join('\n');
    expect(kept).toBe(vi('fallback.file.draft', { command: 'complaint' }));
  });

  it('answers an investor in English with /request, and a sticker with what the bot reads', async () => {
    const investor = new Conversation(bot, INVESTOR);
    await investor.say('/start');
    await investor.press(en('role.enterprise'));
    const voice = investor.texts(await investor.sendMedia('voice')).join('\n');
    expect(voice).toContain(en('fallback.file.kept'));
    expect(voice).toContain('/request');
    const sticker: Update = {
      update_id: 9_100_001,
      message: {
        message_id: 9_100_001,
        date: Math.floor(Date.now() / 1000),
        chat: { id: INVESTOR.id, type: 'private', first_name: INVESTOR.first_name },
        from: INVESTOR,
        sticker: {
          file_id: 'st-1',
          file_unique_id: 'u-st-1',
          type: 'regular',
          width: 512,
          height: 512,
          is_animated: false,
          is_video: false,
        },
      },
    };
    const answer = BotHarness.texts(await bot.deliver(sticker), INVESTOR.id);
    expect(answer).toEqual([en('error.unsupportedMessage')]);
  });
});
