import { cp, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { User } from 'telegraf/types';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { LiveKnowledge } from '../../src/knowledge/live.ts';
import { BotHarness, OFFICER } from '../support/botHarness.ts';

const worker: User = { id: 801, is_bot: false, first_name: 'Vy', language_code: 'vi' };
const investor: User = { id: 802, is_bot: false, first_name: 'Tom', language_code: 'en' };

let harness: BotHarness;
beforeEach(async () => {
  harness = await BotHarness.create();
});
afterEach(() => harness.close());

describe('questions', () => {
  it('answers an unaccented Vietnamese question with its source and feedback buttons', async () => {
    const calls = await harness.send(worker, 'co bao nhieu khu cong nghiep o bac ninh');
    const [answer] = BotHarness.texts(calls);
    expect(answer).toContain('Nguồn');
    const buttons = BotHarness.buttons(calls).map((b) => b.data);
    expect(buttons.some((data) => data.startsWith('kb:v:u:'))).toBe(true);
  });

  it('answers in English for an English user', async () => {
    const [answer] = BotHarness.texts(
      await harness.send(investor, 'how many industrial parks are there'),
    );
    expect(answer).toContain('Source');
  });

  it('says it does not know, offers topics and a ticket, and keeps the question for officers', async () => {
    const question = 'danh sách doanh nghiệp Hàn Quốc trong KCN Quế Võ';
    const calls = await harness.send(worker, question);
    expect(BotHarness.texts(calls)[0]).toContain('chưa tìm thấy câu trả lời');
    expect(BotHarness.buttons(calls).map((b) => b.data)).toEqual(['kb:t:0', 'ticket:new:request']);
    const listed = BotHarness.texts(await harness.send(OFFICER, '/unanswered'))[0];
    expect(listed).toContain('doanh nghiệp Hàn Quốc');
    expect(listed).not.toContain(String(worker.id));
  });

  it('says politely that an off-topic message is outside what it knows, and keeps it for officers', async () => {
    const calls = await harness.send(worker, 'công thức làm bánh flan');
    expect(BotHarness.texts(calls)[0]).toContain('nằm ngoài những gì tôi biết');
    expect(BotHarness.buttons(calls).map((b) => b.text)).toEqual(['📚 Xem theo chủ đề']);
    const listed = BotHarness.texts(await harness.send(OFFICER, '/unanswered'))[0];
    expect(listed).toContain('bánh flan');
  });

  it('lists the answers users rated 👎 under /unanswered, with the unanswered questions', async () => {
    await harness.send(worker, 'danh sách doanh nghiệp Hàn Quốc trong KCN Quế Võ');
    const answer = await harness.send(worker, 'co bao nhieu khu cong nghiep o bac ninh');
    const down = BotHarness.buttons(answer).find((b) => b.text.includes('👎'));
    if (!down) throw new Error('no 👎 button on the answer');
    await harness.press(worker, down.data);
    const listed = BotHarness.texts(await harness.send(OFFICER, '/unanswered'))[0];
    expect(listed).toContain('doanh nghiệp Hàn Quốc');
    expect(listed).toMatch(/rated 👎|bị đánh giá 👎/);
    expect(listed).toContain('👎 1 / 👍 0');
  });

  it('refuses /unanswered and /reload to anyone but officers', async () => {
    for (const command of ['/unanswered', '/reload']) {
      expect(BotHarness.texts(await harness.send(worker, command))[0]).toContain(
        'chỉ dành cho cán bộ',
      );
    }
  });
});

describe('/reload', () => {
  let dir: string;
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'kcn-kb-'));
    for (const folder of ['knowledge', 'source', 'contacts']) {
      await cp(join('data', folder), join(dir, folder), { recursive: true });
    }
  });
  afterEach(() => rm(dir, { recursive: true, force: true }));

  it('reports a broken file with its field and keeps answering from the previous base', async () => {
    const paths = {
      knowledgeDir: join(dir, 'knowledge'),
      sourceFile: join(dir, 'source', 'bao-cao-20-nam-kcn-bac-ninh-2018.txt'),
      contactsFile: join(dir, 'contacts', 'contacts.yaml'),
    };
    const bot = await BotHarness.create({ knowledge: await LiveKnowledge.load(paths) });
    try {
      await writeFile(
        join(paths.knowledgeDir, 'broken.yaml'),
        'topic: broken\ntitle: { vi: "Hỏng", en: "Broken" }\nentries:\n  - id: broken-entry\n    audience: all\n',
      );
      const [report] = BotHarness.texts(await bot.send(OFFICER, '/reload'));
      expect(report).toContain('broken.yaml');
      expect(report).toContain('entries[0].title');
      const [answer] = BotHarness.texts(await bot.send(OFFICER, 'có bao nhiêu khu công nghiệp'));
      expect(answer).toContain('Nguồn');

      await rm(join(paths.knowledgeDir, 'broken.yaml'));
      const [reloaded] = BotHarness.texts(await bot.send(OFFICER, '/reload'));
      expect(reloaded).toMatch(/Đã nạp lại cơ sở tri thức: <b>\d+<\/b> mục/);
    } finally {
      await bot.close();
    }
  });
});
