import type { User } from 'telegraf/types';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { BotHarness, OFFICER } from '../../support/botHarness.ts';
import { Conversation } from '../../support/conversation.ts';

const WORKER: User = { id: 650001, is_bot: false, first_name: 'Thu', language_code: 'vi' };

let bot: BotHarness;
let worker: Conversation;
beforeEach(async () => {
  bot = await BotHarness.create();
  worker = new Conversation(bot, WORKER);
});
afterEach(() => bot.close());

async function toDescription() {
  await worker.say('/complaint');
  await worker.press('Tiền lương');
  await worker.press('Khác / không rõ');
  await worker.press('Bỏ qua');
  await worker.press('Bỏ qua');
}

async function submit() {
  await worker.press('Xong');
  await worker.press('Ẩn danh');
  await worker.press('Gửi');
  const [ticket] = bot.store.tickets.list();
  if (!ticket) throw new Error('no ticket filed');
  return bot.store.tickets.get(ticket.code);
}

describe('complete evidence', () => {
  it('a captioned photo is the description and its first attachment', async () => {
    await toDescription();
    await worker.sendMedia('photo', { caption: 'Bảng lương bị sửa' });
    const ticket = await submit();
    expect(ticket?.description).toBe('Bảng lương bị sửa');
    expect(ticket?.attachments.map((a) => a.kind)).toEqual(['photo']);
  });

  it('accepts voice notes, audio, videos and video notes, and an album counts as one', async () => {
    await toDescription();
    await worker.say('Quản đốc quát mắng');
    for (const kind of ['voice', 'audio', 'video', 'video_note'] as const) {
      await worker.sendMedia(kind);
    }
    const album = [
      await worker.sendMedia('photo', { mediaGroupId: 'album-1', caption: 'ảnh hiện trường' }),
      await worker.sendMedia('photo', { mediaGroupId: 'album-1' }),
      await worker.sendMedia('photo', { mediaGroupId: 'album-1' }),
    ];
    expect(album.filter((calls) => worker.texts(calls).length > 0)).toHaveLength(1);
    const ticket = await submit();
    expect(ticket?.attachments.map((a) => a.kind)).toEqual([
      'voice',
      'audio',
      'video',
      'video_note',
      'photo',
      'photo',
      'photo',
    ]);
    expect(ticket?.description).toContain('ảnh hiện trường');
  });

  it('joins the parts of a long paste Telegram split, keeping the first part', async () => {
    await toDescription();
    const head = `Bat dau: ${'a'.repeat(4086)}`;
    await worker.say(head);
    await worker.say('g tra tien tang ca cho chung toi');
    const ticket = await submit();
    expect(ticket?.description.startsWith('Bat dau: ')).toBe(true);
    expect(ticket?.description.endsWith('g tra tien tang ca cho chung toi')).toBe(true);
  });

  it('officers receive copies of the filer’s messages, albums together', async () => {
    await toDescription();
    await worker.say('Có ảnh');
    await worker.sendMedia('voice');
    await worker.sendMedia('photo', { mediaGroupId: 'g2' });
    await worker.sendMedia('photo', { mediaGroupId: 'g2' });
    await submit();
    const officer = new Conversation(bot, OFFICER);
    const calls = await officer.press('Xem tệp');
    const methods = calls.map((call) => call.method);
    expect(methods).toContain('copyMessage');
    expect(methods).toContain('copyMessages');
    for (const call of calls.filter((c) => c.method.startsWith('copy'))) {
      expect(call.payload.chat_id).toBe(OFFICER.id);
    }
  });
});
