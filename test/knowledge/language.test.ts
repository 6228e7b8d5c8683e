import { describe, expect, it } from 'vitest';
import { detectLanguage } from '../../src/knowledge/language.ts';
import { expandShorthand } from '../../src/knowledge/shorthand.ts';
import { isEnglishWord, isRealWord, isVietnameseWord } from '../../src/knowledge/wordlists.ts';

describe('word lists', () => {
  it('know Vietnamese syllables (folded) and English words, and neither knows a typo', () => {
    expect(isVietnameseWord('nguoi')).toBe(true);
    expect(isVietnameseWord('thai')).toBe(true);
    expect(isEnglishWord('email')).toBe(true);
    expect(isEnglishWord('passports')).toBe(true);
    expect(isRealWord('nihn')).toBe(false);
    expect(isRealWord('quna')).toBe(false);
  });
});

describe('detectLanguage after shorthand expansion', () => {
  it.each([
    ['co bn kcn', 'vi'],
    ['ko dc nghi phep thi sao', 'vi'],
    ['cty no luong 2 thang r', 'vi'],
    ['so du an fdi trong kcn bac ninh', 'vi'],
    ['alo', 'vi'],
    ['Where is the board office in Bắc Ninh?', 'en'],
    ['How do I get a work permit for my engineers?', 'en'],
    ['My employer has not paid my wages', 'en'],
  ])('%s → %s', (query, lang) => {
    expect(detectLanguage(expandShorthand(query))).toBe(lang);
  });
});
