import type { User } from 'telegraf/types';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { BotHarness, type HarnessCall, OFFICER } from '../support/botHarness.ts';

/** A new user: Vietnamese Telegram client, no role chosen yet. */
const lan: User = { id: 811, is_bot: false, first_name: 'Lan', language_code: 'vi' };
const tom: User = { id: 812, is_bot: false, first_name: 'Tom', language_code: 'en' };

let harness: BotHarness;
beforeEach(async () => {
  harness = await BotHarness.create();
});
afterEach(() => harness.close());

const firstText = (calls: HarnessCall[]) => BotHarness.texts(calls)[0] ?? '';
const labels = (calls: HarnessCall[]) => BotHarness.buttons(calls).map((button) => button.text);

describe('the examples users tried (issue #9)', () => {
  it.each([
    ['bi sa thai ko ly do', 'Bị sa thải'],
    ['nghi thai san', 'Thai sản'],
    ['ko dc nghi phep thi sao', 'Nghỉ phép'],
    ['thủ tục thành lập doanh nghiệp', 'Thành lập doanh nghiệp'],
    ['thủ tục xin giấy phép xây dựng nhà xưởng', 'Giấy phép xây dựng'],
    ['co bn kcn', 'Số lượng KCN'],
    ['cong doan la j', 'công đoàn'],
    ['bhxh', 'Bảo hiểm xã hội'],
    ['tai nan lao dong', 'Tai nạn lao động'],
  ])('%s gets the entry "%s", never wastewater', async (text, title) => {
    const answer = firstText(await harness.send(lan, text));
    expect(answer).toContain(title);
    expect(answer).toContain('Nguồn');
    expect(answer).not.toContain('nước thải');
  });

  it('answers "where is the board office" with the contact entry and a button to /contact', async () => {
    const calls = await harness.send(lan, 'where is the board office');
    expect(firstText(calls)).toContain('Contacting the management board');
    expect(labels(calls)).toContain('☎️ Contact the Board');
    expect(labels(calls).join(' ')).not.toContain('Average income');
  });

  it.each(['alo', 'hi', 'cảm ơn', '🙂'])(
    'greets "%s" with the menu and does not log it as unanswered',
    async (text) => {
      const calls = await harness.send(lan, text);
      expect(firstText(calls)).not.toContain('chưa tìm thấy');
      expect(labels(calls)).toEqual(['📋 Menu']);
      const listed = firstText(await harness.send(OFFICER, '/unanswered'));
      expect(listed).toContain('Chưa có câu hỏi nào');
    },
  );

  it('greets "alo" as a greeting', async () => {
    expect(firstText(await harness.send(lan, 'alo'))).toContain('Xin chào');
  });
});

describe('grievances', () => {
  it('answers with empathy and a complaint button; a user with no role can file it', async () => {
    const calls = await harness.send(lan, 'cty no luong 2 thang r ko tra');
    expect(firstText(calls)).toContain('rất tiếc');
    expect(labels(calls)).toContain('📝 Gửi phản ánh');
    const filing = await harness.pressButton(lan, '📝 Gửi phản ánh');
    const texts = BotHarness.texts(filing).join('\n');
    expect(texts).toContain('Chọn <b>lĩnh vực</b>');
  });

  it('offers the complaint to an enterprise user too', async () => {
    const enterprise: User = { id: 813, is_bot: false, first_name: 'Minh', language_code: 'vi' };
    await harness.send(enterprise, '/start');
    await harness.pressButton(enterprise, '🏭 Doanh nghiệp');
    const calls = await harness.send(enterprise, 'quản lý chửi mắng công nhân suốt ngày');
    expect(labels(calls)).toContain('📝 Gửi phản ánh');
  });

  it('offers a complaint in English for an English grievance', async () => {
    const calls = await harness.send(lan, 'My employer has not paid my wages for two months');
    expect(firstText(calls)).toContain('sorry');
    expect(labels(calls)).toContain('📝 File a complaint');
  });
});

describe('answer language', () => {
  it('answers an English question in English for a Vietnamese profile, and keeps the profile', async () => {
    const english = firstText(
      await harness.send(lan, 'How many industrial parks does Bac Ninh have?'),
    );
    expect(english).toContain('Source');
    expect(english).toContain('section 1. Planning and construction management in the parks');
    expect(english).not.toContain('Nguồn');
    expect(firstText(await harness.send(lan, 'cảm ơn'))).toContain('Không có gì');
  });

  it('answers a Vietnamese question in Vietnamese for an English profile', async () => {
    const answer = firstText(await harness.send(tom, 'có bao nhiêu khu công nghiệp ở Bắc Ninh'));
    expect(answer).toContain('Nguồn');
    expect(firstText(await harness.send(tom, 'thanks'))).toContain('welcome');
  });
});
