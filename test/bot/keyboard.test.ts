import { describe, expect, it } from 'vitest';
import { pageOf, pagerRow } from '../../src/bot/keyboard.ts';

describe('paging', () => {
  const items = Array.from({ length: 23 }, (_, i) => i);
  const labels = { previous: '◀️', next: '▶️' };

  it('clamps the requested page to the ones that exist', () => {
    expect(pageOf(items, 0, 10)).toEqual({ items: items.slice(0, 10), page: 0, pages: 3 });
    expect(pageOf(items, 2, 10).items).toEqual([20, 21, 22]);
    expect(pageOf(items, 99, 10).page).toBe(2);
    expect(pageOf(items, -5, 10).page).toBe(0);
    expect(pageOf([], 3, 10)).toEqual({ items: [], page: 0, pages: 1 });
  });

  it('offers only the buttons that lead to another page', () => {
    const data = (row: { callback_data: string }[]) => row.map((button) => button.callback_data);
    expect(data(pagerRow({ page: 0, pages: 3 }, labels, (p) => `x:${p}`))).toEqual(['x:1']);
    expect(data(pagerRow({ page: 1, pages: 3 }, labels, (p) => `x:${p}`))).toEqual(['x:0', 'x:2']);
    expect(data(pagerRow({ page: 2, pages: 3 }, labels, (p) => `x:${p}`))).toEqual(['x:1']);
    expect(pagerRow({ page: 0, pages: 1 }, labels, (p) => `x:${p}`)).toEqual([]);
  });
});
