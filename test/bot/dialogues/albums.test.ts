import type { Update, User } from 'telegraf/types';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { evidenceCount } from '../../../src/bot/features/tickets/evidence.ts';
import { BotHarness, OFFICER } from '../../support/botHarness.ts';
import { Conversation } from '../../support/conversation.ts';
import { fileComplaint } from '../../support/filing.ts';

const WORKER: User = { id: 633001, is_bot: false, first_name: 'Thu', language_code: 'vi' };

let bot: BotHarness;
beforeEach(async () => {
  bot = await BotHarness.create();
});
afterEach(() => bot.close());

let nextId = 900_000;
/** One photo of an album, as Telegram delivers it: one update per file, the same media_group_id. */
function albumPhoto(album: string): Update {
  nextId += 1;
  return {
    update_id: nextId,
    message: {
      message_id: nextId,
      date: Math.floor(Date.now() / 1000),
      chat: { id: WORKER.id, type: 'private', first_name: WORKER.first_name },
      from: WORKER,
      media_group_id: album,
      photo: [{ file_id: `ph-${nextId}`, file_unique_id: `u-${nextId}`, width: 90, height: 90 }],
    },
  } as Update;
}

const told = (calls: Awaited<ReturnType<BotHarness['deliver']>>) =>
  BotHarness.texts(calls, WORKER.id);

describe('an album survives a restart and a redelivery', () => {
  it('sent as the answer an officer waits for: one ticket addition told once, no file twice', async () => {
    const code = await fileComplaint(new Conversation(bot, WORKER), 'Nợ lương hai tháng');
    const officer = new Conversation(bot, OFFICER);
    await officer.say(`/ask ${code} Có ảnh bảng lương không?`);
    await officer.press(/^📨 Gửi$/);
    const [first, second, third] = [albumPhoto('al-t'), albumPhoto('al-t'), albumPhoto('al-t')];
    expect(told(await bot.deliver(first))).toEqual([expect.stringContaining(`#${code}`)]);
    // The bot restarts between two files of the album (memory gone).
    bot = await bot.restart();
    expect(told(await bot.deliver(second))).toEqual([]);
    // The update inbox runs the second file again after a crash, then the third arrives.
    expect(told(await bot.deliver(second))).toEqual([]);
    expect(told(await bot.deliver(third))).toEqual([]);
    const files = bot.store.tickets.get(code)?.attachments ?? [];
    expect(files.filter((file) => file.albumId === 'al-t')).toHaveLength(3);
    expect(evidenceCount(files)).toBe(1);
    // The first file again, as after a crash before the filer heard: told, not added again.
    expect(told(await bot.deliver(first))).toEqual([expect.stringContaining(`#${code}`)]);
    expect(bot.store.tickets.get(code)?.attachments).toHaveLength(3);
  });

  it('attached while filing: the draft keeps each file once across a restart', async () => {
    const worker = new Conversation(bot, WORKER);
    await worker.say('/complaint');
    await worker.press('Tiền lương');
    await worker.press('Khác / không rõ');
    await worker.press('Bỏ qua');
    await worker.press('Bỏ qua');
    await worker.say('Công ty giữ giấy tờ');
    const [first, second] = [albumPhoto('al-f'), albumPhoto('al-f')];
    expect(told(await bot.deliver(first))).toHaveLength(1);
    bot = await bot.restart();
    await bot.deliver(second);
    await bot.deliver(second);
    await bot.deliver(first);
    const session = bot.store.sessions.get(`${WORKER.id}:${WORKER.id}`);
    const draft = session?.dialogue.kind === 'ticket_filing' ? session.dialogue.draft : undefined;
    expect(draft?.attachments.map((file) => file.albumId)).toEqual(['al-f', 'al-f']);
  });
});
