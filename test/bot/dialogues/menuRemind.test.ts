import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { User } from 'telegraf/types';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LiveKnowledge } from '../../../src/knowledge/live.ts';
import { BotHarness } from '../../support/botHarness.ts';
import { Conversation } from '../../support/conversation.ts';

const ENTERPRISE: User = { id: 690101, is_bot: false, first_name: 'Cty B', language_code: 'vi' };

let dir: string;
let bot: BotHarness;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'kcn-remind-action-'));
  for (const folder of ['knowledge', 'source', 'contacts']) {
    await cp(join('data', folder), join(dir, folder), { recursive: true });
  }
  const file = join(dir, 'knowledge', 'administration.yaml');
  await writeFile(
    file,
    (await readFile(file, 'utf8')).replace('action: complaint', 'action: remind'),
  );
  const knowledge = await LiveKnowledge.load({
    knowledgeDir: join(dir, 'knowledge'),
    sourceFile: join(dir, 'source', 'bao-cao-20-nam-kcn-bac-ninh-2018.txt'),
    contactsFile: join(dir, 'contacts', 'contacts.yaml'),
  });
  bot = await BotHarness.create({ knowledge });
});
afterAll(async () => {
  await bot.close();
  await rm(dir, { recursive: true, force: true });
});

describe('the knowledge answer’s reminder button', () => {
  it('is answered with how to set a reminder, not as an unknown button', async () => {
    const chat = new Conversation(bot, ENTERPRISE);
    await chat.say('Ban có tiếp công dân không?');
    const calls = await chat.press('Đặt lời nhắc');
    expect(chat.texts(calls).join()).toContain('/remind');
    const answer = calls.find((call) => call.method === 'answerCallbackQuery');
    expect(String(answer?.payload.text ?? '')).not.toMatch(/không còn dùng được/);
  });
});
