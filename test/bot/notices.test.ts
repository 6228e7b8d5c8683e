import type { User } from 'telegraf/types';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { translator } from '../../src/bot/i18n/index.ts';
import { BotHarness, OFFICER } from '../support/botHarness.ts';

const t = translator('vi');

const enterprise: User = { id: 920, is_bot: false, first_name: 'Công ty A', language_code: 'vi' };
const worker: User = { id: 921, is_bot: false, first_name: 'Thảo', language_code: 'vi' };

let harness: BotHarness;
beforeEach(async () => {
  harness = await BotHarness.create();
  for (const [user, role] of [
    [enterprise, 'enterprise'],
    [worker, 'worker'],
  ] as const) {
    await harness.send(user, '/start');
    await harness.pressButton(user, t(`role.${role}`));
  }
});
afterEach(() => harness.close());

describe('officer deadline schedules', () => {
  it('walks segment → rule → lead days → text → confirm, and lists the schedule', async () => {
    await harness.send(OFFICER, '/schedule');
    await harness.pressButton(OFFICER, `⬜ ${t('segment.enterprise')}`);
    await harness.pressButton(OFFICER, t('schedule.next'));
    const badRule = await harness.send(OFFICER, 'every blue moon');
    expect(BotHarness.texts(badRule).join('\n')).toContain('chưa đọc được lịch này');
    expect(harness.store.sessions.get(`${OFFICER.id}:${OFFICER.id}`)?.dialogue.kind).toBe(
      'scheduleRule',
    );
    await harness.send(OFFICER, 'ngày 5 hằng tháng');
    await harness.send(OFFICER, '7,1');
    const summary = await harness.send(OFFICER, 'Nộp báo cáo lao động <quý>');
    expect(BotHarness.texts(summary)[0]).toContain('&lt;quý&gt;');
    expect(BotHarness.buttons(summary).map((b) => b.data)).toContain('sc:save');
    await harness.pressButton(OFFICER, t('schedule.save'));

    const [saved] = harness.store.notices.schedules.all();
    expect(saved).toMatchObject({ segments: ['enterprise'], leadDays: [7, 1], paused: false });
    expect(saved?.rule).toEqual({ kind: 'monthly', day: 5 });
    const listed = BotHarness.texts(await harness.send(OFFICER, '/schedules')).join('\n');
    expect(listed).toContain('Nộp báo cáo lao động');
  });

  it('keeps a text step pending on a photo, and a command ends it saying so, then runs', async () => {
    await harness.send(OFFICER, '/schedule');
    await harness.pressButton(OFFICER, `⬜ ${t('segment.enterprise')}`);
    await harness.pressButton(OFFICER, t('schedule.next'));
    const badRule = 'chưa đọc được lịch này';
    const session = () => harness.store.sessions.get(`${OFFICER.id}:${OFFICER.id}`);
    const photo = BotHarness.texts(await harness.sendPhoto(OFFICER)).join('\n');
    expect(photo).not.toContain(badRule);
    expect(photo).toContain(t('schedule.pending'));
    expect(session()?.dialogue.kind).toBe('scheduleRule');
    const command = BotHarness.texts(await harness.send(OFFICER, '/tickets')).join('\n');
    expect(command).not.toContain(badRule);
    expect(command).toContain(t('schedule.left'));
    expect(command).toContain('Phản ánh');
    expect(session()?.dialogue.kind ?? 'idle').toBe('idle');
  });

  it('is refused to anyone but officers, for the command and for a forged button', async () => {
    const refused = BotHarness.texts(await harness.send(enterprise, '/schedule')).join('\n');
    expect(refused).toContain('chỉ dành cho cán bộ');
    await harness.press(enterprise, 'sc:save');
    await harness.press(enterprise, 'bc:go');
    expect(harness.store.notices.schedules.all()).toEqual([]);
    expect(harness.store.notices.outbox.jobs()).toEqual([]);
  });
});

describe('broadcasts', () => {
  it('shows the recipient count for the chosen segment and queues the notice on confirm', async () => {
    await harness.send(OFFICER, '/broadcast');
    await harness.send(OFFICER, 'Kiểm tra PCCC tuần sau & <b>nhắc</b>');
    await harness.pressButton(OFFICER, `⬜ ${t('segment.worker')}`);
    const preview = await harness.pressButton(OFFICER, t('broadcast.previewButton'));
    const texts = BotHarness.texts(preview).join('\n');
    expect(texts).toContain('&lt;b&gt;nhắc&lt;/b&gt;');
    expect(texts).toContain('người nhận: <b>1</b>');
    await harness.pressButton(OFFICER, t('broadcast.send'));
    const [job] = harness.store.notices.outbox.jobs();
    expect(job).toBeDefined();
    expect(JSON.stringify(job)).toContain('Kiểm tra PCCC');
  });
});
