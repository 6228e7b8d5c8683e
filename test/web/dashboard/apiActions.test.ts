import type { User } from 'telegraf/types';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  errorResponseSchema,
  relayViewSchema,
  ticketActionResponseSchema,
} from '../../../src/web/dashboard/schemas.ts';
import { BotHarness, OFFICER, TEST_TOKEN } from '../../support/botHarness.ts';
import { Conversation } from '../../support/conversation.ts';
import { type DashboardServer, initDataFor, startDashboard } from '../../support/dashboard.ts';
import { fileComplaint } from '../../support/filing.ts';
import { FixedClock } from '../../support/liveBot.ts';

/** An anonymous filer whose every identifying detail must stay out of the API. */
const WORKER: User = {
  id: 62_000_533,
  is_bot: false,
  first_name: 'Hoà',
  last_name: 'Kínđáo',
  username: 'hoa_hidden_533',
  language_code: 'vi',
};
const SECOND_OFFICER = { id: 902, first_name: 'Quang' };
const STRANGER = { id: 777_002, first_name: 'Người ngoài' };

let bot: BotHarness;
let web: DashboardServer;
let code = '';
/** The bot's clock: the undo window passes when the test says so. */
const clock = new FixedClock(new Date());
const bodies: string[] = [];
const act = async (body: unknown, key?: string, officer: { id: number } = OFFICER) => {
  const answer = await web.call(`/tickets/${code}/action`, initDataFor(officer, TEST_TOKEN), {
    method: 'POST',
    body,
    ...(key === undefined ? {} : { key }),
  });
  bodies.push(answer.text);
  return answer;
};
const desk = () => bot.app.officerDesk ?? expect.fail('the bot has no desk');
const toFiler = () => BotHarness.texts(bot.calls, WORKER.id).join('\n');
/** Moves the clock past the undo window; the desk's sweep (every 500 ms) then settles the relays. */
function windowPasses(): void {
  clock.advance((bot.config.DESK_UNDO_SECONDS + 1) * 1000);
}
/** Waits until the filer was sent a message containing `text`. */
const filerGets = (text: string) =>
  bot.waitForCall(
    (call) =>
      call.method === 'sendMessage' &&
      call.payload.chat_id === WORKER.id &&
      String(call.payload.text).includes(text),
  );

beforeAll(async () => {
  bot = await BotHarness.create({
    now: clock.now,
    env: { OFFICER_IDS: `${OFFICER.id},${SECOND_OFFICER.id}`, DESK_UNDO_SECONDS: '10' },
  });
  // The desk's relay sweep, as in the running bot: it sends replies whose window is over.
  for (const service of bot.app.services) if (service.name === 'desk relays') service.start();
  const desk = bot.app.officerDesk;
  if (!desk) throw new Error('no desk');
  web = await startDashboard(bot, {
    knowledge: desk.knowledge,
    knowledgePaths: desk.knowledge.files,
  });
  code = await fileComplaint(
    new Conversation(bot, WORKER),
    'Tổ trưởng bắt làm thêm giờ không trả tiền',
  );
});
afterAll(async () => {
  await web.close();
  await bot.close();
});

describe('dashboard actions: the bot’s own path, once per key', () => {
  it('assigns only to an officer, checked on the server; a stranger cannot act at all', async () => {
    const stranger = await act({ action: 'assign', to: STRANGER.id }, undefined, STRANGER);
    expect(stranger.status).toBe(401);
    const notOfficer = await act({ action: 'assign', to: STRANGER.id });
    expect(errorResponseSchema.parse(notOfficer.body)).toMatchObject({
      reason: 'app.refusal.notOfficer',
      field: 'to',
    });
    expect(bot.store.tickets.get(code)?.assignee).toBeNull();
    const assigned = ticketActionResponseSchema.parse(
      (await act({ action: 'assign', to: SECOND_OFFICER.id })).body,
    );
    expect(assigned.ticket.assignee).toBe(SECOND_OFFICER.id);
    expect(assigned.ticket.history.at(-1)?.action).toBe('assign');
  });

  it('a retried or double-clicked action changes the ticket once', async () => {
    const key = 'take-once-0001';
    const [first, second] = await Promise.all([
      act({ action: 'take' }, key),
      act({ action: 'take' }, key),
    ]);
    const retry = await act({ action: 'take' }, key);
    for (const answer of [first, second, retry]) {
      expect(ticketActionResponseSchema.parse(answer.body).ticket.assignee).toBe(OFFICER.id);
    }
    const takes = bot.store.tickets.view(code)?.history.filter((entry) => entry.action === 'take');
    expect(takes).toHaveLength(1);
    // The same key on another request is refused, and changes nothing.
    const reused = await act({ action: 'resolve', text: 'x' }, key);
    expect(errorResponseSchema.parse(reused.body).field).toBe('idempotency-key');
    expect(bot.store.tickets.get(code)?.status).toBe('in_progress');
  });

  it('the keys are durable: a dashboard started again answers a retry without acting again', async () => {
    const key = 'ask-once-000001';
    const body = { action: 'ask', text: 'Bạn làm ca nào?' };
    expect((await act(body, key)).status).toBe(200);
    const restarted = await startDashboard(bot, {
      knowledge: desk().knowledge,
      knowledgePaths: desk().knowledge.files,
    });
    const retry = await restarted.call(
      `/tickets/${code}/action`,
      initDataFor(OFFICER, TEST_TOKEN),
      {
        method: 'POST',
        body,
        key,
      },
    );
    await restarted.close();
    expect(ticketActionResponseSchema.parse(retry.body).outcome).toBe('done');
    const asks = bot.store.tickets.view(code)?.history.filter((entry) => entry.action === 'ask');
    expect(asks).toHaveLength(1);
  });

  it('a reply waits out the undo window; undone, the filer never gets it', async () => {
    const held = ticketActionResponseSchema.parse(
      (await act({ action: 'reply', text: 'Bản nháp sai, đừng gửi' })).body,
    );
    expect(held.outcome).toBe('held');
    const relay = relayViewSchema.parse(held.relay);
    expect(relay.state).toBe('pending');
    // The same relay the desk's chats use, held durably for DESK_UNDO_SECONDS.
    expect(bot.store.desk.relay(relay.id)?.state).toBe('pending');
    const others = await web.call(
      `/relays/${relay.id}/undo`,
      initDataFor(SECOND_OFFICER, TEST_TOKEN),
      {
        method: 'POST',
      },
    );
    expect(others.status).toBe(404);
    const undone = await web.call(`/relays/${relay.id}/undo`, initDataFor(OFFICER, TEST_TOKEN), {
      method: 'POST',
    });
    expect(relayViewSchema.parse(undone.body).state).toBe('undone');
    // Nothing is left to send once the window is over.
    windowPasses();
    expect(bot.store.desk.due(clock.now())).toEqual([]);
    expect(toFiler()).not.toContain('Bản nháp sai');
  });

  it('a reply not undone is sent once after the window, however often the request is retried', async () => {
    const key = 'reply-once-0001';
    const text = 'Ban đã làm việc với công ty về giờ làm thêm';
    const first = ticketActionResponseSchema.parse(
      (await act({ action: 'reply', text }, key)).body,
    );
    const again = ticketActionResponseSchema.parse(
      (await act({ action: 'reply', text }, key)).body,
    );
    expect(again.relay?.id).toBe(first.relay?.id);
    expect(toFiler()).not.toContain(text);
    windowPasses();
    await filerGets(text);
    expect(toFiler().split(text)).toHaveLength(2);
    const late = await web.call(
      `/relays/${first.relay?.id}/undo`,
      initDataFor(OFFICER, TEST_TOKEN),
      {
        method: 'POST',
      },
    );
    expect(errorResponseSchema.parse(late.body).reason).toBe('app.relay.tooLate');
    await act({ action: 'reply', text }, key);
    windowPasses();
    expect(bot.store.desk.due(clock.now())).toEqual([]);
    expect(toFiler().split(text)).toHaveLength(2);
    const replies = bot.store.tickets
      .view(code)
      ?.history.filter((entry) => entry.action === 'reply');
    expect(replies).toHaveLength(1);
  });

  it('resolves through the officer service, the filer is told once, and no answer names the filer', async () => {
    const key = 'resolve-once-01';
    const resolved = ticketActionResponseSchema.parse(
      (await act({ action: 'resolve', text: 'Công ty đã trả tiền làm thêm' }, key)).body,
    );
    expect(resolved.outcome).toBe('done');
    await act({ action: 'resolve', text: 'Công ty đã trả tiền làm thêm' }, key);
    expect(bot.store.tickets.get(code)?.status).toBe('resolved');
    await bot.settleNotices();
    expect(toFiler().split('Công ty đã trả tiền làm thêm')).toHaveLength(2);
    for (const body of bodies) {
      for (const secret of [WORKER.id, 'Hoà', 'Kínđáo', 'hoa_hidden_533']) {
        expect(body).not.toContain(String(secret));
      }
    }
  });
});
