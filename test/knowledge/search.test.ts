import { beforeAll, describe, expect, it } from 'vitest';
import { type KnowledgeBase, loadKnowledgeBase } from '../../src/knowledge/index.ts';
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
    // Two topics in one query: each entry covers half of it, so a low cut-off shows both.
    const query = 'công đoàn và thu nhập của công nhân';
    const outcome = kb.search(query, { limit: 1, threshold: 0.2 });
    expect(outcome.hits).toHaveLength(1);
    const all = kb.search(query, { threshold: 0.2 }).hits;
    expect(all.length).toBeGreaterThan(1);
    expect(all.length).toBeGreaterThan(0);
    for (const [index, hit] of all.entries()) {
      expect(hit.confidence).toBeGreaterThan(0);
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
