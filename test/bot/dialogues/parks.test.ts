import type { User } from 'telegraf/types';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { translator } from '../../../src/bot/i18n/index.ts';
import { BotHarness } from '../../support/botHarness.ts';
import { Conversation } from '../../support/conversation.ts';

const WORKER: User = { id: 632001, is_bot: false, first_name: 'Mai', language_code: 'vi' };
const INVESTOR: User = { id: 632002, is_bot: false, first_name: 'Ken', language_code: 'en' };
const vi = translator('vi');
const en = translator('en');
const TYPED = 'KCN Yên Phong 3 <mới>';

let bot: BotHarness;
beforeEach(async () => {
  bot = await BotHarness.create();
});
afterEach(() => bot.close());

const channelsOf = (user: User) => bot.store.notices.subscriptions.get(user.id) ?? [];
const sessionOf = (user: User) => bot.store.sessions.get(`${user.id}:${user.id}`);

describe('another park, typed', () => {
  it('at onboarding: kept, subscribing to no park channel, and shown so in /subscribe', async () => {
    const worker = new Conversation(bot, WORKER);
    await worker.say('/start');
    await worker.press(vi('role.worker'));
    await worker.press(vi('park.askOther'));
    const saved = worker.texts(await worker.say(TYPED)).join('\n');
    expect(saved).toContain('KCN Yên Phong 3 &lt;mới&gt;');
    expect(saved).toContain('không có kênh thông báo riêng');
    expect(channelsOf(WORKER).filter((channel) => channel.startsWith('park:'))).toEqual([]);
    expect(sessionOf(WORKER)?.park).toEqual({ name: TYPED });
    await bot.restart();
    const shown = worker.texts(await worker.say('/subscribe')).join('\n');
    expect(shown).toContain(vi('park.mineOther', { park: TYPED }));
  });

  it('in /subscribe: a listed park replaces the typed one, and typing one drops that channel, saying so', async () => {
    const worker = new Conversation(bot, WORKER);
    await worker.say('/start');
    await worker.press(vi('role.worker'));
    await worker.press(vi('park.askSkip'));
    await worker.say('/subscribe');
    await worker.press(vi('park.change'));
    await worker.press('KCN Tiên Sơn');
    expect(channelsOf(WORKER)).toContain('park:tien-son');
    expect(sessionOf(WORKER)?.park).toEqual({ id: 'tien-son' });
    await worker.say('/subscribe');
    await worker.press(vi('park.change'));
    await worker.press(vi('park.askOther'));
    const typed = worker.texts(await worker.say('Cụm CN Đồng Nguyên')).join('\n');
    expect(typed).toContain(vi('park.otherDropped'));
    expect(channelsOf(WORKER)).not.toContain('park:tien-son');
    expect(sessionOf(WORKER)?.park).toEqual({ name: 'Cụm CN Đồng Nguyên' });
  });

  it('in /role, in English: a role change asks the park again, and Skip leaves the typed step', async () => {
    const investor = new Conversation(bot, INVESTOR);
    await investor.say('/start');
    await investor.press(en('role.enterprise'));
    await investor.press(en('park.askSkip'));
    await investor.say('/role');
    await investor.press(en('role.worker'));
    await investor.press(en('park.askOther'));
    expect(sessionOf(INVESTOR)?.dialogue.kind).toBe('parkOther');
    const skipped = investor.texts(await investor.press(en('park.otherSkip'))).join('\n');
    expect(skipped).toContain(en('park.skipped'));
    expect(sessionOf(INVESTOR)?.dialogue.kind ?? 'idle').toBe('idle');
    expect(sessionOf(INVESTOR)?.park).toBeUndefined();
  });
});
