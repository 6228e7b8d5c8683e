import { beforeAll, describe, expect, it } from 'vitest';
import { type KnowledgeBase, loadKnowledgeBase } from '../../src/knowledge/index.ts';
import { withLead } from '../../src/knowledge/search.ts';
import { FIXTURES } from './helpers.ts';

let kb: KnowledgeBase;

beforeAll(async () => {
  kb = await loadKnowledgeBase(FIXTURES);
});

function topId(query: string): string | undefined {
  return kb.search(query).hits[0]?.entry.id;
}

describe('search over curated entries', () => {
  it.each([
    ['Lương công nhân KCN là bao nhiêu?', 'worker-income'],
    ['luong cong nhan bao nhieu', 'worker-income'],
    ['luowng coong nhaan', 'worker-income'],
    ['What do workers earn on average?', 'worker-income'],
    ['average salary', 'worker-income'],
    ['số công đoàn cơ sở', 'trade-unions'],
    ['how many trade unions', 'trade-unions'],
    ['PCCC', 'fire-safety'],
    ['fire prevention rules', 'fire-safety'],
    ['phong chay chua chay', 'fire-safety'],
    ['ban quan ly thanh lap nam nao', 'board-founding'],
    ['When was the board established?', 'board-founding'],
    ['tổng diện tích khu công nghiệp', 'parks-count'],
    ['6,397.68 ha', 'parks-count'],
    ['cong doan co sowr', 'trade-unions'],
    ['thu nhaap binh quaan', 'worker-income'],
  ])('%s → %s', (query, expected) => {
    expect(topId(query)).toBe(expected);
  });

  it('rejects questions the base does not cover', () => {
    for (const query of ['thời tiết hôm nay thế nào', 'how do I cook pho', 'giá vàng hôm nay']) {
      const outcome = kb.search(query);
      expect(outcome.hits, query).toEqual([]);
      expect(outcome.excerpt, query).toBeNull();
    }
  });

  it('returns confident hits best first, within [0, 1], at most `limit`', () => {
    // Two topics in one query: each entry covers part of it, so no cut-off at all shows both.
    const query = 'công đoàn và thu nhập của công nhân';
    const outcome = kb.search(query, { limit: 1, threshold: 0 });
    expect(outcome.hits).toHaveLength(1);
    const all = kb.search(query, { threshold: 0 }).hits;
    expect(all.length).toBeGreaterThan(1);
    for (const [index, hit] of all.entries()) {
      expect(hit.confidence).toBeGreaterThanOrEqual(0);
      expect(hit.confidence).toBeLessThanOrEqual(1);
      if (index > 0) expect(hit.confidence).toBeLessThanOrEqual(all[index - 1]?.confidence ?? 1);
    }
  });

  it('detects the language of the query', () => {
    expect(kb.search('luong cong nhan').lang).toBe('vi');
    expect(kb.search('workers wage').lang).toBe('en');
  });

  it('looks entries up by id', () => {
    expect(kb.getEntry('trade-unions')?.topic).toBe('people');
    expect(kb.getEntry('missing')).toBeUndefined();
  });
});

describe('excerpts from the report', () => {
  it('falls back to a report passage when no entry is confident', () => {
    const outcome = kb.search('kênh xúc tiến đầu tư chưa đa dạng');
    expect(outcome.hits).toEqual([]);
    expect(outcome.excerpt?.passage.section).toBe('I.a');
    expect(outcome.excerpt?.passage.text).toBe('Các kênh xúc tiến đầu tư chưa được đa dạng.');
  });

  it('never returns an excerpt together with hits', () => {
    const outcome = kb.search('PCCC');
    expect(outcome.hits.length).toBeGreaterThan(0);
    expect(outcome.excerpt).toBeNull();
  });
});

describe('confidence weighs the lead over the runner-up', () => {
  it('an entry that stands alone keeps its evidence; a tie is discounted', () => {
    const [alone] = withLead([
      { index: 0, confidence: 0.8 },
      { index: 1, confidence: 0.1 },
    ]);
    const [tied, other] = withLead([
      { index: 0, confidence: 0.8 },
      { index: 1, confidence: 0.8 },
    ]);
    expect(alone?.confidence).toBeGreaterThan(tied?.confidence ?? 1);
    expect(tied?.confidence).toBeCloseTo(other?.confidence ?? 0);
    expect(tied?.confidence).toBeLessThan(0.8);
  });
});

describe('long messages', () => {
  it('answers the question at the end of a message that first greets and tells a story', () => {
    const message =
      'Dạ em chào anh chị ạ, em ở Bắc Ninh, em mới đi làm được hai tháng ở một xưởng may, ' +
      'tháng trước em còn học nghề. Em muốn hỏi lương công nhân KCN bình quân là bao nhiêu ạ?';
    expect(topId(message)).toBe('worker-income');
  });

  it('does not doubt the answer much because the story names other topics the base knows', () => {
    const question = 'Em muốn hỏi lương công nhân bình quân là bao nhiêu?';
    const story =
      'Dạ em chào ban, công ty em có công đoàn cơ sở, năm nay có diễn tập phòng cháy chữa cháy. ';
    const confidence = (query: string) => kb.search(query).hits[0]?.confidence ?? 0;
    expect(topId(story + question)).toBe('worker-income');
    expect(confidence(story + question)).toBeGreaterThanOrEqual(0.9 * confidence(question));
  });

  it('declines a question about a year after the report instead of showing the 2018 figure', () => {
    expect(topId('lương bình quân của công nhân năm 2025')).toBeUndefined();
    expect(topId('lương bình quân của công nhân năm 2017')).toBe('worker-income');
  });
});
