import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { defaultKnowledgePaths, LiveKnowledge } from '../../../src/knowledge/live.ts';
import { errorResponseSchema, queueResponseSchema } from '../../../src/web/dashboard/schemas.ts';
import { BotHarness, OFFICER, TEST_TOKEN } from '../../support/botHarness.ts';
import { type DashboardServer, initDataFor, startDashboard } from '../../support/dashboard.ts';

/**
 * The dashboard API's officer check, on its own: a bot and a dashboard per test (not per file),
 * so `npm run mutate` sees which test reaches the check. Someone signed in by Telegram but not in
 * OFFICER_IDS gets nothing and changes nothing; an officer is served.
 */
const STRANGER = { id: 777_002, first_name: 'Kẻ lạ', language_code: 'vi' };

let bot: BotHarness;
let web: DashboardServer;
let code: string;

beforeEach(async () => {
  const knowledgePaths = defaultKnowledgePaths();
  const knowledge = await LiveKnowledge.load(knowledgePaths);
  bot = await BotHarness.create({ knowledge });
  web = await startDashboard(bot, { knowledge, knowledgePaths });
  const ticket = await bot.store.tickets.create({
    type: 'complaint',
    category: 'wages',
    parkId: null,
    company: null,
    description: 'Nợ lương tháng 3',
    attachments: [],
    anonymous: false,
    filer: { userId: 555_001, chatId: 555_001, name: 'Hoa' },
  });
  code = ticket.code;
});
afterEach(async () => {
  await web.close();
  await bot.close();
});

describe('the dashboard API refuses anyone not in OFFICER_IDS', () => {
  it('a non-officer with genuine Telegram initData sees no queue and cannot take a ticket', async () => {
    const stranger = initDataFor(STRANGER, TEST_TOKEN);
    const queue = await web.call('/queue', stranger);
    expect(queue.status).toBe(401);
    expect(errorResponseSchema.parse(queue.body).reason).toBe('app.refused');
    expect(queue.text).not.toContain(code);

    const take = await web.call(`/tickets/${code}/action`, stranger, {
      method: 'POST',
      body: { action: 'take' },
    });
    expect(take.status).toBe(401);
    expect(errorResponseSchema.parse(take.body).reason).toBe('app.refused');
    expect(bot.store.tickets.get(code)).toMatchObject({ status: 'new', assignee: null });
  });

  it('an officer whose initData has aged past the limit is told to reopen the app', async () => {
    const old = initDataFor({ id: OFFICER.id, first_name: 'Cán bộ' }, TEST_TOKEN, 4000);
    const answer = await web.call('/queue', old);
    expect(answer.status).toBe(401);
    expect(errorResponseSchema.parse(answer.body).reason).toBe('app.refused.expired');
  });

  it('an officer is served the queue with the ticket in it', async () => {
    const answer = await web.call('/queue', initDataFor(OFFICER, TEST_TOKEN));
    expect(answer.status).toBe(200);
    const queue = queueResponseSchema.parse(answer.body);
    expect(JSON.stringify(queue)).toContain(code);
  });
});
