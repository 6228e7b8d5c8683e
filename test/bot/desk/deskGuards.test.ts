import { cp, mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Update, User } from 'telegraf/types';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { assignTicket } from '../../../src/bot/features/desk/assign.ts';
import { translator } from '../../../src/bot/i18n/index.ts';
import { defaultKnowledgePaths, LiveKnowledge } from '../../../src/knowledge/live.ts';
import { BotHarness, type HarnessCall, OFFICER } from '../../support/botHarness.ts';

/**
 * The desk's own officer checks in the officers' group: an officer writing in a ticket's topic is
 * relayed (after the undo window), and an answer for the knowledge base needs a second officer,
 * pressed from the review the bot posted in the group.
 */

const t = translator('vi');
const GROUP = -100_555_000;
const SECOND: User = { id: 901, is_bot: false, first_name: 'Hạnh', language_code: 'vi' };
const ASKER: User = { id: 555_030, is_bot: false, first_name: 'Lan', language_code: 'vi' };
const group = { id: GROUP, type: 'supergroup' as const, title: 'Cán bộ', is_forum: true as const };

let harness: BotHarness;
let nextId = 10_000;

beforeEach(async () => {
  // A copy of the knowledge base: an approved answer is written into it.
  const shipped = defaultKnowledgePaths();
  const knowledgeDir = join(await mkdtemp(join(tmpdir(), 'kcn-desk-guard-')), 'knowledge');
  await cp(shipped.knowledgeDir, knowledgeDir, { recursive: true });
  harness = await BotHarness.create({
    knowledge: await LiveKnowledge.load({ ...shipped, knowledgeDir }),
    env: { OFFICER_IDS: `${OFFICER.id},${SECOND.id}`, OFFICER_CHAT_ID: String(GROUP) },
  });
});
afterEach(() => harness.close());

/** A message from `from` in the officers' group, in the topic `threadId` when given. */
function inGroup(from: User, text: string, threadId?: number): Update {
  nextId += 1;
  return {
    update_id: nextId,
    message: {
      message_id: nextId,
      date: Math.floor(Date.now() / 1000),
      chat: group,
      from,
      text,
      ...(text.startsWith('/')
        ? {
            entities: [{ type: 'bot_command', offset: 0, length: text.split(' ')[0]?.length ?? 1 }],
          }
        : {}),
      ...(threadId === undefined ? {} : { message_thread_id: threadId, is_topic_message: true }),
    },
  } as Update;
}

/** `from` presses the button labelled `label` on the bot's latest group message that has it. */
function pressInGroup(from: User, label: string): Update {
  const found = harness.findButton(GROUP, label);
  if (!found) throw new Error(`no button "${label}" in the group`);
  nextId += 1;
  return {
    update_id: nextId,
    callback_query: {
      id: String(nextId),
      from,
      chat_instance: 'group',
      data: found.button.callback_data ?? '',
      message: { message_id: found.messageId, date: 0, chat: group, text: found.text },
    },
  } as Update;
}

const alertOf = (calls: HarnessCall[]) =>
  calls.find((call) => call.method === 'answerCallbackQuery')?.payload;

describe('the desk in the officers’ group', () => {
  it('holds an officer’s message in a ticket’s topic for the filer, with Undo', async () => {
    const ticket = await harness.store.tickets.create({
      type: 'complaint',
      category: 'wages',
      parkId: null,
      company: null,
      description: 'Nợ lương tháng 3',
      attachments: [],
      anonymous: false,
      filer: { userId: ASKER.id, chatId: ASKER.id, name: 'Lan' },
    });
    await harness.store.desk.setTopic(ticket.code, {
      threadId: 77,
      name: ticket.code,
      closed: false,
    });
    const calls = await harness.deliver(inGroup(OFFICER, 'Chúng tôi đang kiểm tra', 77));
    const seconds = harness.config.DESK_UNDO_SECONDS;
    expect(BotHarness.texts(calls, GROUP)).toEqual([
      t('desk.relay.pending', { code: ticket.code, seconds }),
    ]);
    expect(BotHarness.buttons(calls).map((button) => button.data)).toEqual(
      expect.arrayContaining([expect.stringMatching(/^dk:undo:/)]),
    );
  });

  it('does not let the author approve their own answer; a second officer makes it live', async () => {
    await harness.send(ASKER, 'giá vé máy bay đi Đà Nẵng tuần sau');
    await harness.deliver(inGroup(OFFICER, '/unanswered'));
    await harness.deliver(pressInGroup(OFFICER, t('desk.btn.answer', { n: 1 })));
    await harness.deliver(inGroup(OFFICER, 'Ban quản lý không bán vé máy bay.'));
    const topics = await harness.deliver(
      inGroup(OFFICER, 'The Management Board does not sell air tickets.'),
    );
    const topic = BotHarness.buttons(topics)[0]?.text ?? '';
    await harness.deliver(pressInGroup(OFFICER, topic));
    await harness.deliver(inGroup(OFFICER, 've may bay da nang'));
    await harness.deliver(pressInGroup(OFFICER, t('desk.btn.submitDraft')));

    const own = await harness.deliver(pressInGroup(OFFICER, t('desk.btn.approve')));
    expect(alertOf(own)).toMatchObject({ text: t('desk.faq.secondOfficer'), show_alert: true });
    expect(BotHarness.texts(own)).toEqual([]);

    const second = await harness.deliver(pressInGroup(SECOND, t('desk.btn.approve')));
    const live = t('desk.faq.live', { title: '' }).split('“')[0] ?? '';
    expect(BotHarness.texts(second, GROUP).join('\n')).toContain(live);
  });

  it('hands a ticket only to someone in OFFICER_IDS, or back to the queue', async () => {
    const ticket = await harness.store.tickets.create({
      type: 'request',
      category: 'other',
      parkId: null,
      company: 'Công ty B',
      description: 'Đề nghị hỗ trợ thủ tục',
      attachments: [],
      anonymous: false,
      filer: { userId: ASKER.id, chatId: ASKER.id, name: 'Lan' },
    });
    const env = { tickets: harness.store.tickets, config: harness.config };
    expect(await assignTicket(env, ticket.code, ASKER.id, OFFICER.id)).toBe('notOfficer');
    expect(await assignTicket(env, ticket.code, SECOND.id, OFFICER.id)).toBe('assigned');
    expect(await assignTicket(env, ticket.code, null, OFFICER.id)).toBe('assigned');
    expect(harness.store.tickets.get(ticket.code)?.assignee).toBeNull();
  });
});
