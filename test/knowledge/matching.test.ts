import { describe, expect, it } from 'vitest';
import { indexTerms, phraseInnerWords, withoutDisclaimers } from '../../src/knowledge/analyze.ts';
import { buildKnowledgeBase, type Entry } from '../../src/knowledge/index.ts';
import { InvertedIndex } from '../../src/knowledge/inverted-index.ts';
import { translateSection } from '../../src/knowledge/loader.ts';

function entry(id: string, vi: string[], en: string[], answer = 'Câu trả lời.'): Entry {
  return {
    id,
    topic: 'test',
    audience: 'all',
    title: { vi: vi[0] ?? id, en: en[0] ?? id },
    questions: { vi, en },
    answer: { vi: answer, en: 'An answer.' },
    source: { section: 'Mở đầu', quote: ['Trích dẫn nguyên văn.'] },
    related: [],
  };
}

const kb = buildKnowledgeBase({
  entries: [
    entry('head-of-board', ['Trưởng ban là ai?', 'người đứng đầu ban'], ['Who heads the board?']),
    entry(
      'schools',
      ['Trường học gần khu công nghiệp', 'trường mầm non cho con công nhân'],
      ['Schools near the parks'],
    ),
    entry(
      'wastewater',
      ['Xử lý nước thải trong khu công nghiệp', 'nước thải'],
      ['Wastewater treatment'],
    ),
    entry('dismissal', ['Bị sa thải thì làm gì?', 'đuổi việc'], ['Dismissal']),
    entry('maternity', ['Nghỉ thai sản', 'mang thai'], ['Maternity leave']),
    entry('leave', ['Nghỉ phép năm', 'phép năm'], ['Annual leave']),
    entry('building-permit', ['Giấy phép xây dựng nhà xưởng'], ['Building permit']),
    entry(
      'company-setup',
      ['Thủ tục thành lập doanh nghiệp', 'mở công ty'],
      ['Setting up a company'],
    ),
    entry('union-setup', ['Thành lập công đoàn cơ sở'], ['Setting up a union']),
    entry(
      'parks',
      ['Có bao nhiêu khu công nghiệp?', 'số khu công nghiệp'],
      ['How many parks are there?'],
      'Có 16 khu công nghiệp. Báo cáo không nêu số điện thoại của từng khu.',
    ),
  ],
  topics: [],
  passages: [],
  contacts: [],
});
const top = (query: string) => kb.search(query).hits[0]?.entry.id;

describe('accent-aware matching', () => {
  it('tells trưởng from trường when the user typed accents', () => {
    expect(top('trưởng ban là ai')).toBe('head-of-board');
    expect(top('trường học cho con')).toBe('schools');
  });

  it('lets multi-word phrases decide unaccented input: sa thai is dismissal, nuoc thai is wastewater', () => {
    expect(top('bi sa thai')).toBe('dismissal');
    expect(top('nghi thai san')).toBe('maternity');
    expect(top('xu ly nuoc thai')).toBe('wastewater');
  });

  it('indexes accented words accent-exact besides their folded form', () => {
    const terms = indexTerms('trưởng', 'vi');
    expect(terms).toContain('truong');
    expect(terms.some((term) => term.startsWith('truong~'))).toBe(true);
  });
});

describe('a word inside a phrase elsewhere', () => {
  it('counts for its idf but never as a match: "xu ly" of "xử lý nước thải" is not a rare word', () => {
    const texts = ['Xử lý nước thải tập trung', 'Trạm xử lý nước thải', 'Kế hoạch xử lý rác thải'];
    const fields = texts.map((text) => [
      { terms: indexTerms(text, 'vi'), weight: 1, strong: true, lengthNormalisation: 0.4 },
    ]);
    const withMentions = new InvertedIndex(
      fields,
      texts.map((text) => phraseInnerWords(text, 'vi')),
    );
    expect(phraseInnerWords(texts[0] ?? '', 'vi')).toEqual(['xu', 'ly', 'nuoc', 'thai']);
    expect(new InvertedIndex(fields).postings('xu')?.documents.length).toBe(1);
    expect(withMentions.postings('xu')?.documents.length).toBe(1);
    expect(withMentions.idf('xu')).toBeLessThan(new InvertedIndex(fields).idf('xu'));
  });
});

describe('sense phrases outrank their single words', () => {
  it.each([
    ['ko dc nghi phep thi sao', 'leave'],
    ['xin giay phep xay dung nha xuong', 'building-permit'],
    ['thủ tục thành lập doanh nghiệp', 'company-setup'],
    ['thành lập công đoàn', 'union-setup'],
  ])('%s → %s', (query, id) => {
    expect(top(query)).toBe(id);
  });
});

describe('confidence', () => {
  it('does not count greetings, politeness and self-introduction as missing evidence', () => {
    const bare = kb.search('có bao nhiêu khu công nghiệp').hits[0];
    const polite = kb.search(
      'Chào anh chị, em là sinh viên, cho em hỏi có bao nhiêu khu công nghiệp ạ, em cảm ơn',
    ).hits[0];
    expect(polite?.entry.id).toBe('parks');
    expect(polite?.confidence).toBeCloseTo(bare?.confidence ?? 0, 1);
  });

  it('does not answer a short message made of one common word and unknown words', () => {
    expect(kb.search('công ty nào bán xe máy rẻ').hits).toEqual([]);
    expect(kb.search('what is the capital of France').hits).toEqual([]);
  });

  it('does not index disclaimers as evidence', () => {
    expect(withoutDisclaimers('Có 16 KCN. Báo cáo không nêu số điện thoại.')).toBe('Có 16 KCN.');
    expect(top('số điện thoại khu công nghiệp')).not.toBe('parks');
  });
});

describe('questions after a detail the report never gives', () => {
  const landBase = buildKnowledgeBase({
    entries: [
      entry(
        'land-area',
        ['Diện tích đất công nghiệp cho thuê', 'đất cho thuê trong khu công nghiệp'],
        ['Industrial land for lease'],
        'Đất công nghiệp cho thuê là 2.609 ha.',
      ),
    ],
    topics: [],
    passages: [],
    contacts: [],
  });
  const honest = buildKnowledgeBase({
    entries: [
      entry(
        'land-lease',
        ['Thuê đất trong khu công nghiệp', 'đất cho thuê trong khu công nghiệp'],
        ['Land lease'],
        'Ban hỗ trợ doanh nghiệp thuê đất. Báo cáo không nêu giá thuê đất; hãy gửi yêu cầu hỗ trợ.',
      ),
    ],
    topics: [],
    passages: [],
    contacts: [],
  });

  it('are not answered with a figure about something else, only by an entry that says so', () => {
    expect(landBase.search('đất cho thuê trong khu công nghiệp').hits[0]?.entry.id).toBe(
      'land-area',
    );
    expect(landBase.search('giá thuê đất trong khu công nghiệp').hits).toEqual([]);
    expect(honest.search('giá thuê đất trong khu công nghiệp').hits[0]?.entry.id).toBe(
      'land-lease',
    );
  });
});

describe('English section titles', () => {
  const titles = [
    { vi: 'Nhiệm vụ, giải pháp', en: 'Tasks and solutions' },
    { vi: '4. Ban Quản lý', en: '4. The board stands by businesses' },
  ];
  it('translates each part and keeps task numbers', () => {
    expect(translateSection('4. Ban Quản lý... đồng hành; Nhiệm vụ, giải pháp 2, 5', titles)).toBe(
      '4. The board stands by businesses; Tasks and solutions 2, 5',
    );
    expect(translateSection('Kết luận', titles)).toBeNull();
  });
});
