import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import {
  assignTicket,
  resolveOfficer,
  returnOrphanedTickets,
} from '../../../src/bot/features/desk/assign.ts';
import { groupQuestions } from '../../../src/bot/features/desk/faq.ts';
import {
  loadRouting,
  RoutingFileError,
  routeTicket,
} from '../../../src/bot/features/desk/routing.ts';
import { BotHarness } from '../../support/botHarness.ts';

let bot: BotHarness | undefined;
afterEach(async () => {
  await bot?.close();
  bot = undefined;
});

const newTicket = (userId: number) => ({
  type: 'complaint' as const,
  category: 'wages' as const,
  parkId: 'que-vo',
  company: null,
  description: 'unpaid',
  attachments: [],
  anonymous: true,
  filer: { userId, chatId: userId, name: 'Filer' },
});

describe('assignment and routing, with no Telegram', () => {
  it('routes by category or park to the least-loaded officer of the first matching rule', () => {
    const rules = [
      { category: 'safety' as const, officers: [1, 2] },
      { park: 'que-vo', officers: [3, 4] },
    ];
    const load: Record<number, number> = { 1: 2, 2: 0, 3: 5, 4: 1 };
    expect(
      routeTicket(rules, { category: 'safety', parkId: 'que-vo' }, (id) => load[id] ?? 0),
    ).toBe(2);
    expect(routeTicket(rules, { category: 'wages', parkId: 'que-vo' }, (id) => load[id] ?? 0)).toBe(
      4,
    );
    expect(routeTicket(rules, { category: 'wages', parkId: null }, () => 0)).toBeNull();
  });

  it('refuses a routing file naming someone outside OFFICER_IDS, with the file and the id', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'routing-'));
    const file = join(dir, 'routing.yaml');
    await writeFile(file, 'rules:\n  - category: safety\n    officers: [555]\n');
    expect(() => loadRouting(file, [1, 2])).toThrow(RoutingFileError);
    expect(() => loadRouting(file, [1, 2])).toThrow(/555 is not in OFFICER_IDS/);
    await writeFile(file, 'rules:\n  - officers: [1]\n');
    expect(() => loadRouting(file, [1])).toThrow(/category or a park/);
    expect(loadRouting(join(dir, 'missing.yaml'), [1])).toEqual([]);
  });

  it('hands tickets on only to officers, and returns removed officers’ open tickets to the queue', async () => {
    bot = await BotHarness.create({ env: { OFFICER_IDS: '900,901' } });
    const env = { tickets: bot.store.tickets, config: bot.config, users: bot.store.users };
    const kept = await bot.store.tickets.create(newTicket(5001));
    const orphan = await bot.store.tickets.create(newTicket(5002));
    expect(await assignTicket(env, kept.code, 42, 900)).toBe('notOfficer');
    expect(await assignTicket(env, kept.code, 901, 900)).toBe('assigned');
    expect(bot.store.tickets.get(kept.code)?.status).toBe('in_progress');
    await bot.store.tickets.assign(orphan.code, 777, 'system');
    const returned = await returnOrphanedTickets(env);
    expect(returned).toEqual([orphan.code]);
    expect(bot.store.tickets.get(orphan.code)?.assignee).toBeNull();
    expect(bot.store.tickets.get(kept.code)?.assignee).toBe(901);
    expect(bot.store.tickets.get(orphan.code)?.history.at(-1)).toMatchObject({
      by: 'system',
      action: 'assign',
    });
  });

  it('finds an officer by id, @username or first name, never someone outside OFFICER_IDS', async () => {
    bot = await BotHarness.create({ env: { OFFICER_IDS: '900,901' } });
    await bot.store.users.touch({ id: 901, first_name: 'Tuan', username: 'tuan_kcn' });
    await bot.store.users.touch({ id: 5, first_name: 'Tuan' });
    const env = { users: bot.store.users, config: bot.config };
    expect(resolveOfficer(env, '@tuan_kcn')).toBe(901);
    expect(resolveOfficer(env, 'tuan')).toBe(901);
    expect(resolveOfficer(env, '901')).toBe(901);
    expect(resolveOfficer(env, '5')).toBeUndefined();
  });
});

describe('unanswered questions', () => {
  it('groups similar wording with counts, newest first', () => {
    const groups = groupQuestions([
      { text: 'Có xe buýt đến chợ đêm không', count: 2, lastAt: '2026-12-01T01:00:00Z' },
      { text: 'co xe buyt den cho dem khong?', count: 1, lastAt: '2026-12-01T03:00:00Z' },
      { text: 'How do I register a trade union?', count: 1, lastAt: '2026-12-01T02:00:00Z' },
    ]);
    expect(groups.map((g) => [g.texts.length, g.count])).toEqual([
      [2, 3],
      [1, 1],
    ]);
    expect(groups[0]?.texts[0]).toBe('co xe buyt den cho dem khong?');
  });
});
