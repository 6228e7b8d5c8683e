import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { User } from 'telegraf/types';
import { afterEach, describe, expect, it } from 'vitest';
import { LiveKnowledge } from '../../src/knowledge/live.ts';
import { BotHarness } from '../support/botHarness.ts';
import { Conversation } from '../support/conversation.ts';

const WORKER: User = { id: 8101, is_bot: false, first_name: 'Lan', language_code: 'vi' };
const INVESTOR: User = { id: 8102, is_bot: false, first_name: 'Tom', language_code: 'en' };

let bot: BotHarness | undefined;
let dir: string | undefined;
afterEach(async () => {
  await bot?.close();
  if (dir) await rm(dir, { recursive: true, force: true });
  bot = undefined;
  dir = undefined;
});

describe('/contact', () => {
  it('with nothing filled, shows no "not given" lines or operator notes and offers an officer', async () => {
    bot = await BotHarness.create();
    const chat = new Conversation(bot, WORKER);
    const [text] = chat.texts(await chat.say('/contact'));
    expect(text).toContain('chưa được cập nhật');
    expect(text).not.toContain('chưa có trong tài liệu');
    expect(text).not.toMatch(/vận hành|operator/i);
    const started = await chat.press('Gửi câu hỏi cho cán bộ');
    expect(chat.texts(started).join('\n')).toContain('Chọn');
    expect(bot.store.sessions.get(`${WORKER.id}:${WORKER.id}`)?.dialogue.kind).toBe(
      'ticket_filing',
    );
  });

  it('shows only the contacts and fields an operator filled', async () => {
    dir = await mkdtemp(join(tmpdir(), 'kcn-contact-'));
    for (const folder of ['knowledge', 'source', 'contacts']) {
      await cp(join('data', folder), join(dir, folder), { recursive: true });
    }
    const contactsFile = join(dir, 'contacts', 'contacts.yaml');
    const shipped = await readFile(contactsFile, 'utf8');
    await writeFile(contactsFile, shipped.replace('phone: null', 'phone: "0222 3 000 000"'));
    const knowledge = await LiveKnowledge.load({
      knowledgeDir: join(dir, 'knowledge'),
      sourceFile: join(dir, 'source', 'bao-cao-20-nam-kcn-bac-ninh-2018.txt'),
      contactsFile,
    });
    bot = await BotHarness.create({ knowledge });
    const chat = new Conversation(bot, INVESTOR);
    const [text = ''] = chat.texts(await chat.say('/contact'));
    expect(text).toContain('Phone: 0222 3 000 000');
    expect(text).toContain('Bac Ninh Industrial Parks Management Board');
    expect(text).not.toContain('E-mail');
    expect(text).not.toContain('Trade Union');
    expect(text).not.toContain('not given');
    expect(chat.labels()).toEqual([]);
  });
});
