import type { User } from 'telegraf/types';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { dialogueFeature } from '../../src/bot/features/dialogue.ts';
import { fallbackFeature } from '../../src/bot/features/fallback.ts';
import { helpFeature } from '../../src/bot/features/help.ts';
import { startFeature } from '../../src/bot/features/start.ts';
import { translator } from '../../src/bot/i18n/index.ts';
import type { Dialogue } from '../../src/bot/sessionTypes.ts';
import { BotHarness, type HarnessCall, OFFICER } from '../support/botHarness.ts';
import { Conversation } from '../support/conversation.ts';
import { fileComplaint } from '../support/filing.ts';

/**
 * Where the one officer guard draws its line. A button is an officer's by how its data starts
 * (`tk:`, `tko:`, `tl:`, `dk:`, `sc:`, `bc:`), not by what it contains; and the guard refuses
 * only non-officers, so an officer pressing an officer button the bot no longer knows hears that
 * it is stale, not that it is for officers.
 */

const t = translator('vi');
const WORKER: User = { id: 555_020, is_bot: false, first_name: 'Hoa', language_code: 'vi' };
const OFFICER_PREFIXES = ['tk:', 'tko:', 'tl:', 'dk:', 'sc:', 'bc:'];

let harness: BotHarness;
beforeEach(async () => {
  harness = await BotHarness.create();
});
afterEach(() => harness.close());

/** What a press was answered with: the text Telegram shows over the chat. */
const answerOf = (calls: HarnessCall[]) =>
  calls.find((call) => call.method === 'answerCallbackQuery')?.payload.text;

describe('the officer guard', () => {
  it('does not take a worker’s button for an officer’s because its data contains an officer prefix', async () => {
    for (const prefix of OFFICER_PREFIXES) {
      const calls = await harness.press(WORKER, `x${prefix}1`);
      expect({ prefix, answer: answerOf(calls) }).toEqual({
        prefix,
        answer: t('error.unhandledButton'),
      });
    }
  });

  it('tells an officer that an officer button the bot no longer has is stale, not refused', async () => {
    for (const prefix of OFFICER_PREFIXES) {
      const calls = await harness.press(OFFICER, `${prefix}retired:1`);
      expect({ prefix, answer: answerOf(calls) }).toEqual({
        prefix,
        answer: t('error.unhandledButton'),
      });
    }
  });

  it('gives a worker pressing such a button a refusal or a stale notice, and changes nothing', async () => {
    // Ticket kinds are matched whole (src/bot/callbackData.ts), so their retired data is stale
    // for everyone; the notices' guard refuses by prefix. Real officer buttons pressed by a
    // worker are refused in officerGuards.test.ts.
    for (const prefix of OFFICER_PREFIXES) {
      const calls = await harness.press(WORKER, `${prefix}retired:1`);
      expect([t('error.notOfficer'), t('error.unhandledButton')]).toContain(answerOf(calls));
      expect(calls.filter((call) => call.method !== 'answerCallbackQuery')).toEqual([]);
    }
  });
});

describe('an officer step left open by someone no longer an officer', () => {
  const former: User = { id: 555_021, is_bot: false, first_name: 'Tú', language_code: 'vi' };
  const say = async (dialogue: Dialogue, text: string) => {
    await harness.store.sessions.set(`${former.id}:${former.id}`, { dialogue });
    return BotHarness.texts(await harness.send(former, text), former.id);
  };

  it('tells them the broadcast text step is for officers, and takes nothing', async () => {
    expect(await say({ kind: 'broadcastCompose' }, 'Tin giả mạo')).toEqual([t('error.notOfficer')]);
  });

  it('tells them the schedule text steps are for officers, and takes nothing', async () => {
    const rule: Dialogue = { kind: 'scheduleRule', segments: ['worker'] };
    expect(await say(rule, 'ngày 5 hằng tháng')).toEqual([t('error.notOfficer')]);
    expect(harness.store.notices.schedules.all()).toEqual([]);
  });

  it('tells them the button-only broadcast and schedule steps are for officers, whatever they type', async () => {
    const steps: Dialogue[] = [
      { kind: 'broadcastSegments', text: 'Tin giả mạo', segments: ['all'] },
      { kind: 'scheduleSegments', segments: ['worker'] },
    ];
    for (const step of steps) {
      expect(await say(step, 'gửi luôn đi')).toEqual([t('error.notOfficer')]);
    }
    expect(harness.store.notices.schedules.all()).toEqual([]);
  });

  it('tells them the ticket reply steps (the text, and its preview) are for officers, and takes nothing', async () => {
    const code = await fileComplaint(new Conversation(harness, WORKER), 'Nợ lương tháng 3');
    const expiresAt = new Date(Date.now() + 3_600_000).toISOString();
    const steps: Dialogue[] = [
      { kind: 'ticket_officer', action: 'reply', code, expiresAt },
      {
        kind: 'ticket_officer_preview',
        action: 'reply',
        code,
        text: 'Đã xử lý',
        pid: 'p1',
        expiresAt,
      },
    ];
    for (const step of steps) {
      expect(await say(step, 'Công ty đã trả đủ')).toEqual([t('error.notOfficer')]);
    }
    expect(harness.store.tickets.get(code)?.history).toHaveLength(1);
  });
});

describe('an officer’s swipe-reply to a ticket notice', () => {
  it('that is a command runs the command instead of becoming a reply to the filer', async () => {
    const code = await fileComplaint(new Conversation(harness, WORKER), 'Nợ lương tháng 3');
    const officer = new Conversation(harness, OFFICER);
    const notice = officer.shown().find((shown) => shown.text.includes(`#${code}`));
    if (!notice) throw new Error('no ticket notice');
    const calls = await officer.replyTo(notice.messageId, `/ticket ${code}`);
    // The ticket itself, and no preview of "/ticket …" with its Send button.
    expect(officer.texts(calls).join('\n')).toContain('Nợ lương tháng 3');
    expect(BotHarness.buttons(calls).map((b) => b.text)).not.toContain('📨 Gửi');
    expect(harness.store.tickets.get(code)?.history).toHaveLength(1);
  });
});

describe('the role buttons', () => {
  it('tell a worker made an officer that officers have no role, and subscribe them to nothing', async () => {
    await harness.send(WORKER, '/start');
    harness = await harness.restart({ OFFICER_IDS: `${OFFICER.id},${WORKER.id}` });
    // The role question from before, still on their screen.
    const calls = await harness.pressButton(WORKER, t('role.worker'));
    expect(BotHarness.texts(calls, WORKER.id)).toEqual([t('role.officer')]);
    expect(harness.store.notices.subscriptions.get(WORKER.id)).toBeUndefined();
    expect(harness.store.users.get(WORKER.id)?.role ?? null).toBeNull();
  });
});

describe('what each audience is shown', () => {
  it('a worker’s /help and menu hold everyone’s and workers’ items, no enterprise or officer ones', async () => {
    await harness.send(WORKER, '/start');
    await harness.pressButton(WORKER, t('role.worker'));
    const help = BotHarness.texts(await harness.send(WORKER, '/help')).join('\n');
    expect(help).toContain('/mytickets — ');
    expect(help).toContain('/complaint — ');
    expect(help).not.toContain('/request — ');
    expect(help).not.toContain('/tickets — ');

    const menu = BotHarness.buttons(await harness.send(WORKER, '/start')).map((b) => b.text);
    expect(menu).toEqual(expect.arrayContaining([t('menu.help'), t('menu.complaint')]));
    expect(menu).not.toContain(t('menu.request'));
    expect(menu).not.toContain(t('menu.officerOpen'));
  });

  it('an officer’s menu has the officers’ open tickets', async () => {
    const menu = BotHarness.buttons(await harness.send(OFFICER, '/start')).map((b) => b.text);
    expect(menu).toContain(t('menu.officerOpen'));
  });

  it('someone who has not chosen a role sees both citizen menus in /menu, and no officer item', async () => {
    const menu = BotHarness.buttons(await harness.send(WORKER, '/menu')).map((b) => b.text);
    expect(menu).toEqual(expect.arrayContaining([t('menu.complaint'), t('menu.request')]));
    expect(menu).not.toContain(t('menu.officerOpen'));
  });

  it('a worker made an officer sees every audience’s items, not only the workers’', async () => {
    await harness.send(WORKER, '/start');
    await harness.pressButton(WORKER, t('role.worker'));
    harness = await harness.restart({ OFFICER_IDS: `${OFFICER.id},${WORKER.id}` });
    const menu = BotHarness.buttons(await harness.send(WORKER, '/menu')).map((b) => b.text);
    expect(menu).toEqual(
      expect.arrayContaining([t('menu.complaint'), t('menu.request'), t('menu.officerOpen')]),
    );
  });
});

describe('/help’s officer section', () => {
  it('lists the officer commands and no one else’s', async () => {
    const help = BotHarness.texts(await harness.send(OFFICER, '/help')).join('\n');
    const [, officerPart = ''] = help.split(t('help.officerTitle'));
    expect(officerPart).toContain('/tickets — ');
    expect(officerPart).toContain('/broadcast — ');
    for (const citizen of ['/complaint — ', '/request — ', '/mytickets — ', '/help — ']) {
      expect(officerPart).not.toContain(citizen);
    }
    // One command a line, as in everyone's section.
    const commandLines = officerPart.split('\n').filter((line) => line.startsWith('/'));
    expect(commandLines.length).toBeGreaterThan(1);
    for (const line of commandLines) expect(line.split(' — ')).toHaveLength(2);
  });

  it('is left out, heading and all, when no feature has an officer command', async () => {
    const heading = t('help.officerTitle');
    expect(BotHarness.texts(await harness.send(OFFICER, '/help')).join('\n')).toContain(heading);
    const bare = await BotHarness.create({
      features: [dialogueFeature, startFeature, helpFeature, fallbackFeature],
    });
    try {
      const help = BotHarness.texts(await bare.send(OFFICER, '/help')).join('\n');
      expect(help).toContain('/help — ');
      expect(help).not.toContain(heading);
    } finally {
      await bare.close();
    }
  });
});
