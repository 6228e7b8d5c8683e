import { randomUUID } from 'node:crypto';
import { readFile, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { User } from 'telegraf/types';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LiveKnowledge } from '../../../src/knowledge/live.ts';
import { failingWrites, nodeFileLayer } from '../../../src/store/fileLayer.ts';
import { importLegacyDrafts } from '../../../src/web/dashboard/legacyDrafts.ts';
import {
  broadcastsResponseSchema,
  errorResponseSchema,
  figuresResponseSchema,
  kbDraftResponseSchema,
  kbEntryResponseSchema,
  kbListResponseSchema,
  queueResponseSchema,
  sessionResponseSchema,
  setupResponseSchema,
  ticketDetailSchema,
} from '../../../src/web/dashboard/schemas.ts';
import { BotHarness, OFFICER, TEST_TOKEN } from '../../support/botHarness.ts';
import { Conversation } from '../../support/conversation.ts';
import {
  type DashboardServer,
  initDataFor,
  scratchKnowledge,
  startDashboard,
} from '../../support/dashboard.ts';
import { fileComplaint } from '../../support/filing.ts';

/** An anonymous filer whose every identifying detail must stay out of the API. */
const WORKER: User = {
  id: 62_000_417,
  is_bot: false,
  first_name: 'Thuỳ',
  last_name: 'Nguyễnbí',
  username: 'thuy_hidden_617',
  language_code: 'vi',
};
const STRANGER = { id: 777_001, first_name: 'Kẻ lạ' };

let bot: BotHarness;
let web: DashboardServer;
let code: string;
const officerData = () => initDataFor({ id: OFFICER.id, first_name: 'Cán bộ' }, TEST_TOKEN);
const bodies: string[] = [];
const call = async (
  path: string,
  init?: { method?: string; body?: unknown; key?: string | null },
) => {
  const answer = await web.call(path, officerData(), init);
  bodies.push(answer.text);
  return answer;
};

let contactsFile: string;
let knowledge: LiveKnowledge;
let knowledgeDir: string;
const SECOND_OFFICER = { id: 901, first_name: 'Minh' };
/** While true, every write through the store's file layer fails as on a full disk. */
let diskFull = false;
beforeAll(async () => {
  const scratch = await scratchKnowledge();
  const { knowledgePaths } = scratch;
  ({ knowledge } = scratch);
  ({ contactsFile, knowledgeDir } = knowledgePaths);
  bot = await BotHarness.create({
    knowledge,
    env: { OFFICER_IDS: `${OFFICER.id},${SECOND_OFFICER.id}` },
  });
  web = await startDashboard(bot, {
    knowledge,
    knowledgePaths,
    layer: failingWrites(nodeFileLayer, () => diskFull),
  });
  code = await fileComplaint(new Conversation(bot, WORKER), 'Công ty nợ lương tháng 3 của cả tổ');
});
afterAll(async () => {
  await web.close();
  await bot.close();
});

describe('dashboard API through the HTTP server', () => {
  it('refuses a non-officer, a tampered signature and no signature, with no data', async () => {
    const stranger = await web.call('/queue', initDataFor(STRANGER, TEST_TOKEN));
    expect(stranger.status).toBe(401);
    expect(errorResponseSchema.parse(stranger.body).reason).toBe('app.refused');
    const tampered = officerData().replace(/hash=[0-9a-f]/, 'hash=z');
    expect((await web.call('/queue', tampered)).status).toBe(401);
    const none = await web.call(`/tickets/${code}`, '');
    expect(none.status).toBe(401);
    expect(none.text).not.toContain(code);
    const expired = initDataFor({ id: OFFICER.id, first_name: 'Cán bộ' }, TEST_TOKEN, 4000);
    const old = await web.call('/session', expired);
    expect(errorResponseSchema.parse(old.body).reason).toBe('app.refused.expired');
  });

  it('answers every view in its schema', async () => {
    const session = sessionResponseSchema.parse((await call('/session')).body);
    expect(session.officer.id).toBe(OFFICER.id);
    expect(session.strings['app.nav.queue']).toBe('Hàng chờ');
    const queue = queueResponseSchema.parse((await call('/queue?status=open')).body);
    expect(queue.tickets.map((ticket) => ticket.code)).toContain(code);
    expect(queue.counts.byStatus.new).toBe(1);
    const filtered = queueResponseSchema.parse((await call('/queue?category=safety')).body);
    expect(filtered.tickets).toEqual([]);
    const detail = ticketDetailSchema.parse((await call(`/tickets/${code}`)).body);
    expect(detail.description).toContain('nợ lương');
    expect(detail.actions).toEqual(['take', 'assign', 'reply', 'ask', 'resolve', 'reject']);
    expect(session.officers.map((officer) => officer.id)).toEqual([OFFICER.id, SECOND_OFFICER.id]);
    const figures = figuresResponseSchema.parse((await call('/figures')).body);
    expect(figures.total).toBe(1);
    expect(figures.parkCategory[0]?.byCategory.wages).toBe(1);
    const csv = await call('/figures.csv');
    expect(csv.text).toContain('Số phiếu mỗi tuần');
    broadcastsResponseSchema.parse((await call('/broadcasts')).body);
  });

  it('refuses a bad request naming the field', async () => {
    const bad = await call('/queue?status=whatever');
    expect(bad.status).toBe(400);
    expect(errorResponseSchema.parse(bad.body).field).toBe('status');
    const empty = await call(`/tickets/${code}/action`, {
      method: 'POST',
      body: { action: 'reply' },
    });
    expect(errorResponseSchema.parse(empty.body)).toMatchObject({ field: 'text' });
    const unkeyed = await call(`/tickets/${code}/action`, {
      method: 'POST',
      body: { action: 'take' },
      key: null,
    });
    expect(errorResponseSchema.parse(unkeyed.body)).toMatchObject({ field: 'idempotency-key' });
    expect(bot.store.tickets.get(code)?.assignee).toBeNull();
  });

  it('saves contacts to the operator file with the loader’s validation; /contact shows them at once', async () => {
    const setup = setupResponseSchema.parse((await call('/setup')).body);
    expect(setup.missing.map((problem) => problem.field)).toContain('contacts');
    const [board, ...rest] = setup.contacts;
    if (!board) throw new Error('no contacts shipped');
    const broken = await call('/setup/contacts', {
      method: 'POST',
      body: { contacts: [{ ...board, name: { ...board.name, vi: '' } }, ...rest] },
    });
    expect(broken.status).toBe(400);
    expect(errorResponseSchema.parse(broken.body).field).toBe('contacts[0].name.vi');
    expect(await readFile(contactsFile, 'utf8')).not.toContain('name:\n      vi: ""');
    const contact = await new Conversation(bot, OFFICER).say('/contact');
    expect(BotHarness.texts(contact).join('\n')).not.toContain('0222 3854 999');

    // A full disk: the officer is told it was not saved, and the file and /contact are unchanged.
    const update = {
      contacts: [{ ...board, phone: '0222 3854 999', hours: '7:30–17:00 T2–T6' }, ...rest],
    };
    diskFull = true;
    const refused = await call('/setup/contacts', { method: 'POST', body: update });
    diskFull = false;
    expect(refused.status).toBe(503);
    expect(errorResponseSchema.parse(refused.body).message).toContain('Chưa lưu');
    expect(await readFile(contactsFile, 'utf8')).not.toContain('0222 3854 999');

    const saved = await call('/setup/contacts', {
      method: 'POST',
      body: {
        contacts: [{ ...board, phone: '0222 3854 999', hours: '7:30–17:00 T2–T6' }, ...rest],
      },
    });
    expect(saved.status).toBe(200);
    const after = setupResponseSchema.parse(saved.body);
    expect(after.missing.map((problem) => problem.field)).not.toContain('contacts');
    const text = await readFile(contactsFile, 'utf8');
    expect(text).toContain('0222 3854 999');
    expect(text).toContain('hours: 7:30–17:00 T2–T6');
    expect(text.startsWith('# DANH BẠ LIÊN HỆ')).toBe(true);
    expect((await stat(contactsFile)).mode & 0o777).toBe(0o600);
    expect(after.contacts[0]?.hours).toBe('7:30–17:00 T2–T6');
    expect(after.contacts[1]?.hours).toBeNull();
    const shown = BotHarness.texts(await new Conversation(bot, OFFICER).say('/contact')).join('\n');
    expect(shown).toContain('0222 3854 999');
    expect(shown).toContain('Giờ làm việc: 7:30–17:00 T2–T6');
  });

  it('knowledge: search, an edit with an error refused at its field, a draft approved only by a second officer, then live', async () => {
    const list = kbListResponseSchema.parse((await call('/kb?q=một cửa')).body);
    expect(list.entries.map((entry) => entry.id)).toContain('one-stop-desk');
    const { topic, entry } = kbEntryResponseSchema.parse(
      (await call('/kb/entries/one-stop-desk')).body,
    );
    const answer = entry.answer as { vi: string; en: string };
    const emptyAnswer = await call('/kb/drafts', {
      method: 'POST',
      body: {
        topic,
        replaces: 'one-stop-desk',
        entry: { ...entry, answer: { ...answer, en: ' ' } },
      },
    });
    expect(emptyAnswer.status).toBe(400);
    expect(errorResponseSchema.parse(emptyAnswer.body).field).toBe('answer.en');
    const invented = await call('/kb/drafts', {
      method: 'POST',
      body: {
        topic,
        replaces: 'one-stop-desk',
        entry: {
          ...entry,
          source: { section: 'x', quote: ['Lệ phí là 500.000 đồng mỗi hồ sơ nộp tại đây.'] },
        },
      },
    });
    expect(invented.status).toBe(400);
    expect(errorResponseSchema.parse(invented.body).field).toMatch(/^source\.quote/);

    const changed = { ...entry, answer: { ...answer, en: `${answer.en} (Checked by the board.)` } };
    const draft = kbDraftResponseSchema.parse(
      (
        await call('/kb/drafts', {
          method: 'POST',
          body: { topic, replaces: 'one-stop-desk', entry: changed },
        })
      ).body,
    );
    expect(knowledge.current.getEntry('one-stop-desk')?.answer.en).toBe(answer.en);
    // One flow: the draft is the desk's, listed here and put to the other officers in Telegram.
    const listed = kbListResponseSchema.parse((await call('/kb')).body).drafts;
    expect(listed).toMatchObject([{ id: draft.draftId, mine: true, topic }]);
    const own = await call(`/kb/drafts/${draft.draftId}/approve`, { method: 'POST', body: {} });
    expect(own.status).toBe(403);
    await bot.pressButton({ ...SECOND_OFFICER, is_bot: false }, '✅ Duyệt');
    expect(knowledge.current.getEntry('one-stop-desk')?.answer.en).toContain(
      '(Checked by the board.)',
    );
    const late = await web.call(
      `/kb/drafts/${draft.draftId}/approve`,
      initDataFor(SECOND_OFFICER, TEST_TOKEN),
      {
        method: 'POST',
        body: {},
      },
    );
    expect(errorResponseSchema.parse(late.body).reason).toBe('app.kb.settled');
    const file = await readFile(join(knowledgeDir, `${topic}.yaml`), 'utf8');
    expect(file).toContain('(Checked by the board.)');
    expect(file.startsWith('# Thủ tục hành chính')).toBe(true);
    expect(kbListResponseSchema.parse((await call('/kb')).body).drafts).toEqual([]);
  });

  it('one draft flow: an answer drafted in Telegram is reviewed and approved in the dashboard', async () => {
    const asker = new Conversation(bot, { id: 62_000_900, is_bot: false, first_name: 'Bình' });
    const question = 'Có xe buýt đưa đón từ ký túc xá Yên Phong đi chợ đêm Chủ nhật không?';
    await asker.say(question);
    const author = new Conversation(bot, OFFICER);
    await author.say('/unanswered');
    await author.press(/Trả lời 1/);
    await author.say('Có, xe đưa đón chạy 18:00 Chủ nhật từ cổng ký túc xá Yên Phong.');
    await author.say('Yes: a shuttle leaves the Yen Phong dormitory gate at 18:00 on Sundays.');
    const [topicButton] = author.labels();
    await author.press(topicButton ?? '');
    await author.say('xe đưa đón chợ đêm');
    const second = initDataFor(SECOND_OFFICER, TEST_TOKEN);
    const drafts = kbListResponseSchema.parse((await web.call('/kb', second)).body).drafts;
    const draft = drafts.find((candidate) => candidate.answer.includes('18:00 Chủ nhật'));
    expect(draft).toMatchObject({ mine: false, topic: 'officer-answers' });
    const approved = await web.call(`/kb/drafts/${draft?.id}/approve`, second, { method: 'POST' });
    expect(kbDraftResponseSchema.parse(approved.body)).toMatchObject({ live: true });
    expect(knowledge.current.getEntry(`oa-${draft?.id}`)?.answer.vi).toContain('18:00 Chủ nhật');
    const answered = BotHarness.texts(await asker.say(question)).join('\n');
    expect(answered).toContain('18:00 Chủ nhật');
  });

  it('drafts an earlier version kept in kb-drafts.json join the one flow; a corrupt file is refused by name and kept', async () => {
    const desk = bot.app.officerDesk ?? expect.fail('no desk');
    const file = join(bot.dataDir, 'kb-drafts.json');
    await writeFile(file, '{"drafts": [');
    await expect(importLegacyDrafts(desk, bot.dataDir)).rejects.toThrow(/kb-drafts\.json/);
    expect(await readFile(file, 'utf8')).toBe('{"drafts": [');
    const { entry } = kbEntryResponseSchema.parse((await call('/kb/entries/one-stop-desk')).body);
    const old = { id: randomUUID(), topic: 'administration', replaces: 'one-stop-desk', entry };
    await writeFile(
      file,
      JSON.stringify({
        drafts: [{ ...old, author: OFFICER.id, createdAt: new Date().toISOString() }],
      }),
    );
    expect(await importLegacyDrafts(desk, bot.dataDir)).toBe(1);
    await expect(stat(file)).rejects.toThrow();
    const drafts = kbListResponseSchema.parse((await call('/kb')).body).drafts;
    expect(drafts).toMatchObject([{ replaces: 'one-stop-desk', mine: true }]);
  });

  it('never shows the anonymous filer’s ids or names in any answer', async () => {
    await call(`/tickets/${code}`);
    await call('/queue?status=all');
    expect(bodies.length).toBeGreaterThan(8);
    for (const body of bodies) {
      for (const secret of [WORKER.id, 'Thuỳ', 'Nguyễnbí', 'thuy_hidden_617']) {
        expect(body).not.toContain(String(secret));
      }
    }
  });
});
