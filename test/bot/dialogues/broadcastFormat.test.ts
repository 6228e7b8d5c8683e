import type { User } from 'telegraf/types';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { BotHarness, OFFICER } from '../../support/botHarness.ts';
import { Conversation } from '../../support/conversation.ts';

const WORKER: User = { id: 670001, is_bot: false, first_name: 'Thảo', language_code: 'vi' };

let bot: BotHarness;
beforeEach(async () => {
  bot = await BotHarness.create();
});
afterEach(() => bot.close());

describe('broadcasts keep the officer’s formatting', () => {
  it('turns bold and links into HTML and keeps typed tags as text', async () => {
    const worker = new Conversation(bot, WORKER);
    await worker.say('/start');
    await worker.press('Người lao động');
    const officer = new Conversation(bot, OFFICER);
    await officer.say('/broadcast');
    const text = 'Kiểm tra PCCC <b> tại đây';
    await officer.say(text, {
      entities: [
        { type: 'bold', offset: 0, length: 13 },
        { type: 'text_link', offset: 18, length: 7, url: 'https://example.vn/pccc' },
      ],
    });
    await officer.press('Tất cả');
    const preview = await officer.press('Xem trước');
    const shown = officer.texts(preview).join('\n');
    expect(shown).toContain(
      '<b>Kiểm tra PCCC</b> &lt;b&gt; <a href="https://example.vn/pccc">tại đây</a>',
    );
    const [job] = bot.store.notices.outbox.jobs();
    expect(job).toBeUndefined();
    await officer.press('📤 Gửi');
    const queued = bot.store.notices.outbox.jobs()[0]?.message;
    expect(queued?.kind === 'broadcast' && queued.html).toContain('<b>Kiểm tra PCCC</b>');
  });
});
