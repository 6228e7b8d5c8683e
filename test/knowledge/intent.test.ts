import { describe, expect, it } from 'vitest';
import { classifyIntent, isGrievance, smallTalkKind } from '../../src/knowledge/intent.ts';
import { expandShorthand } from '../../src/knowledge/shorthand.ts';

const intentOf = (text: string) => classifyIntent(expandShorthand(text));

describe('small talk', () => {
  it.each([
    ['alo', 'greeting'],
    ['hi', 'greeting'],
    ['xin chào ad', 'greeting'],
    ['cảm ơn', 'thanks'],
    ['ok e cam on', 'thanks'],
    ['bye', 'goodbye'],
    ['🙂', 'acknowledgement'],
    ['ok', 'acknowledgement'],
  ])('%s is %s', (text, kind) => {
    expect(smallTalkKind(expandShorthand(text))).toBe(kind);
    expect(intentOf(text)).toBe('smalltalk');
  });

  it('is not small talk once the message asks something', () => {
    expect(smallTalkKind('hi, how many parks are there')).toBeNull();
    expect(intentOf('chào ad, lương công nhân bao nhiêu')).toBe('question');
  });
});

describe('grievances', () => {
  it.each([
    'bi sa thai ko ly do',
    'cty no luong 2 thang r',
    'bị ép tăng ca đến nửa đêm',
    'quản lý chửi công nhân',
    'My employer has not paid my wages',
    'I was fired without any reason',
    'cán bộ đòi tiền bôi trơn',
    'the line leader keeps harassing the women',
    'they withheld my ID card',
    // the person harmed between the verb and what was done: "bắt em nghỉ", "ép anh em làm"
    'cty bat e nghi viec khi biet e co thai',
    // "mà không": a duty not met
    'xưởng nóng quá mà không có điều hòa',
    'em bị máy kẹp tay mà công ty không lo',
    'bị ngã từ giàn giáo, công ty không đưa đi viện',
    'tổ trưởng đánh công nhân',
    'giữ lương tháng 13 của em',
    'they make us work 14 hours a day with no overtime pay',
    "the company kept my passport and won't return it",
    'my supervisor keeps touching me',
  ])('%s is a grievance', (text) => {
    expect(isGrievance(expandShorthand(text))).toBe(true);
    expect(intentOf(text)).toBe('grievance');
  });

  it.each([
    'nghỉ thai sản được mấy tháng',
    'How many industrial parks does Bac Ninh have?',
    'thủ tục thành lập doanh nghiệp',
    // an enterprise's duty, not a harm done to a worker
    'mức phạt khi doanh nghiệp không nộp báo cáo đúng hạn',
    'Do we need a construction permit?',
  ])('%s is a question', (text) => {
    expect(intentOf(text)).toBe('question');
  });
});
