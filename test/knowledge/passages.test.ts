import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseReport, splitSentences } from '../../src/knowledge/passages.ts';
import { FIXTURES, SHIPPED } from './helpers.ts';

describe('splitSentences', () => {
  it('does not split inside numbers, dates or legal references', () => {
    const paragraph =
      'Ngày 25/8/1998, Ban được thành lập theo Quyết định số 152/1998/QĐ-TTg. Diện tích 6.397,68ha, vốn 2.811.08 triệu USD. Hết.';
    expect(splitSentences(paragraph)).toEqual([
      'Ngày 25/8/1998, Ban được thành lập theo Quyết định số 152/1998/QĐ-TTg.',
      'Diện tích 6.397,68ha, vốn 2.811.08 triệu USD.',
      'Hết.',
    ]);
  });

  it('does not split after abbreviations, initials or a list number', () => {
    expect(splitSentences('Trụ sở tại TP. Bắc Ninh. Nhà xưởng, kho, v.v. Các KCN khác.')).toEqual([
      'Trụ sở tại TP. Bắc Ninh.',
      'Nhà xưởng, kho, v.v. Các KCN khác.',
    ]);
    expect(splitSentences('1. Công tác quy hoạch. Tiếp theo')).toEqual([
      '1. Công tác quy hoạch.',
      'Tiếp theo',
    ]);
  });

  it('splits on ! and ? and keeps a sentence whose next word is lower case together', () => {
    expect(splitSentences('Thưa hội nghị! Có ai hỏi? Đầu tư. nên nhỏ')).toEqual([
      'Thưa hội nghị!',
      'Có ai hỏi?',
      'Đầu tư. nên nhỏ',
    ]);
  });
});

describe('parseReport on the fixture', () => {
  const report = parseReport(readFileSync(FIXTURES.sourceFile, 'utf8'));
  const sections = [...new Set(report.passages.map((passage) => passage.section))];

  it('finds the intro, both numbered lists and the unnumbered lead-ins', () => {
    expect(report.title).toBe('BÁO CÁO THỬ NGHIỆM VỀ CÁC KCN');
    expect(sections).toEqual(['I', 'I.1', 'I.2', 'I.a', 'II', 'II.1', 'II.2']);
    const taskSection = report.passages.find((passage) => passage.section === 'II.1');
    expect(taskSection?.sectionTitle).toBe('1. Đẩy mạnh cải cách thủ tục hành chính.');
  });

  it('excludes the web page navigation after the closing thanks', () => {
    expect(report.body.endsWith('Xin trân trọng cảm ơn./.')).toBe(true);
    const texts = report.passages.map((passage) => passage.text).join(' ');
    expect(texts).not.toMatch(/Tỷ giá|Quảng cáo|Thăm dò/);
  });

  it('drops salutations and the timestamp but keeps sentence numbers in place', () => {
    const intro = report.passages.filter((passage) => passage.section === 'I');
    expect(intro.map((passage) => [passage.paragraph, passage.sentence])).toEqual([
      [1, 2],
      [1, 3],
    ]);
    expect(intro[0]?.text.startsWith('Ngày 25/8/1998, Ban quản lý')).toBe(true);
    expect(report.passages.some((passage) => passage.text.includes('15:29'))).toBe(false);
  });

  it('numbers paragraphs inside a section and strips bullet marks', () => {
    const union = report.passages.find((passage) => passage.text.includes('483 công đoàn'));
    expect(union).toMatchObject({ id: 'I.2:3.2', section: 'I.2', paragraph: 3, sentence: 2 });
    const bullet = report.passages.find((passage) =>
      passage.text.startsWith('Phối hợp với Công đoàn'),
    );
    expect(bullet).toBeDefined();
  });
});

describe('parseReport on the real report', () => {
  const report = parseReport(readFileSync(SHIPPED.sourceFile, 'utf8'));
  const sectionIds = new Set(report.passages.map((passage) => passage.section));

  it('finds achievements 1–5 and tasks 1–12 as separate sections', () => {
    for (let n = 1; n <= 5; n += 1) expect(sectionIds.has(`I.${n}`)).toBe(true);
    for (let n = 1; n <= 12; n += 1) expect(sectionIds.has(`II.${n}`)).toBe(true);
    const second = report.passages.find((passage) => passage.section === 'I.2');
    expect(second?.sectionTitle.startsWith('2. Các KCN thu hút được nguồn vốn đầu tư lớn')).toBe(
      true,
    );
  });

  it('ends with the closing thanks, not the page navigation', () => {
    expect(report.body.endsWith('Xin trân trọng cảm ơn./.')).toBe(true);
    expect(report.body).not.toContain('Tỷ giá ngoại tệ');
  });

  it('keeps figures and dates inside one sentence', () => {
    const area = report.passages.find((passage) => passage.text.includes('6.397,68ha'));
    expect(area?.text).toBe(
      'Theo đó, Bắc Ninh hiện có 16 KCN tập trung được Thủ tướng Chính phủ phê duyệt điều chỉnh, bổ sung với tổng diện tích quy hoạch 6.397,68ha.',
    );
    const founding = report.passages.find((passage) => passage.text.startsWith('Ngày 25/8/1998'));
    expect(founding?.text.endsWith('Khu chế xuất và Khu kinh tế.')).toBe(true);
  });

  it('gives every passage a unique id', () => {
    const ids = report.passages.map((passage) => passage.id);
    expect(new Set(ids).size).toBe(ids.length);
  });
});
