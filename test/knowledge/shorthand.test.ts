import { describe, expect, it } from 'vitest';
import { expandShorthand } from '../../src/knowledge/shorthand.ts';

describe('expandShorthand', () => {
  it.each([
    ['ko dc nghi phep thi sao', 'không được nghi phep thi sao'],
    ['cong doan la j', 'cong doan la gì'],
    ['cty no luong', 'công ty no luong'],
    ['bhxh', 'bảo hiểm xã hội'],
    ['lm ntn', 'làm như thế nào'],
    ['hok bít', 'không biết'],
    ['sdt ban ql', 'số điện thoại ban quản lý'],
  ])('%s → %s', (input, expected) => {
    expect(expandShorthand(input)).toBe(expected);
  });

  it('reads "bn" from its neighbours: a count, a person, or the province', () => {
    expect(expandShorthand('co bn kcn')).toBe('co bao nhiêu kcn');
    expect(expandShorthand('cam on bn')).toBe('cam on bạn');
    expect(expandShorthand('kcn bn')).toBe('kcn Bắc Ninh');
  });

  it('reads "cn" as industry after "khu", Sunday after "ngày", otherwise workers', () => {
    expect(expandShorthand('khu cn')).toBe('khu công nghiệp');
    expect(expandShorthand('lam ngay cn')).toBe('lam ngay chủ nhật');
    expect(expandShorthand('luong cn')).toBe('luong công nhân');
  });

  it('reads "bh" as insurance next to paying, otherwise "when"; "xl" as processing next to waste', () => {
    expect(expandShorthand('cty ko dong bh cho e')).toContain('bảo hiểm');
    expect(expandShorthand('bh thi co ket qua')).toContain('bao giờ');
    expect(expandShorthand('nuoc thai kcn xl ntn')).toContain('xử lý');
    expect(expandShorthand('xl ad')).toContain('xin lỗi');
  });

  it('leaves English alone, where "a", "c" and "v" are words, not teencode', () => {
    const english = 'I have a question about a permit for vitamin c';
    expect(expandShorthand(english)).toBe(english);
    expect(expandShorthand('e hoi a')).toBe('em hoi ạ');
  });

  it('keeps punctuation and the words it does not know', () => {
    expect(expandShorthand('Xin chào, cty ở đâu?')).toBe('Xin chào, công ty ở đâu?');
  });
});
