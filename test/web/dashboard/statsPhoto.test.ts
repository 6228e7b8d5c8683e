import type { User } from 'telegraf/types';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { STATS_PICTURE } from '../../../src/web/dashboard/statsPicture.ts';
import { BotHarness, OFFICER } from '../../support/botHarness.ts';
import { Conversation } from '../../support/conversation.ts';
import { fileComplaint } from '../../support/filing.ts';

const WORKER: User = { id: 630001, is_bot: false, first_name: 'Hoa', language_code: 'vi' };
const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

let bot: BotHarness;
beforeAll(async () => {
  bot = await BotHarness.create();
  await fileComplaint(new Conversation(bot, WORKER), 'Công ty nợ lương');
});
afterAll(() => bot.close());

describe('/stats as a picture', () => {
  it('sends a PNG of the expected size with the text summary as its caption', async () => {
    const calls = await new Conversation(bot, OFFICER).say('/stats');
    const photo = calls.find((call) => call.method === 'sendPhoto');
    expect(photo, 'a sendPhoto call').toBeDefined();
    const file = photo?.payload.photo as { source: Buffer; filename: string };
    const bytes = file.source;
    expect(bytes.subarray(0, 8).equals(PNG_SIGNATURE)).toBe(true);
    // IHDR is the first chunk: width and height as big-endian 32-bit integers.
    expect(bytes.subarray(12, 16).toString('latin1')).toBe('IHDR');
    expect(bytes.readUInt32BE(16)).toBe(STATS_PICTURE.width);
    expect(bytes.readUInt32BE(20)).toBe(STATS_PICTURE.height);
    expect(bytes.length).toBeGreaterThan(5000);
    expect(String(photo?.payload.caption)).toContain('Số liệu phản ánh, đề nghị');
    expect(calls.filter((call) => call.method === 'sendMessage')).toEqual([]);
  });
});
