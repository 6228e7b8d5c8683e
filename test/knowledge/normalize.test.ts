import { describe, expect, it } from 'vitest';
import { analyzeText, indexTerms } from '../../src/knowledge/analyze.ts';
import { detectLanguage } from '../../src/knowledge/language.ts';
import {
  canonicalNumber,
  foldVietnamese,
  stemToken,
  telexCandidates,
  tokenize,
} from '../../src/knowledge/normalize.ts';
import { SpellingCorrector } from '../../src/knowledge/spelling.ts';

describe('foldVietnamese', () => {
  it('strips tones and vowel marks and lower-cases', () => {
    expect(foldVietnamese('Lương Công Nhân Ở KHU CÔNG NGHIỆP')).toBe(
      'luong cong nhan o khu cong nghiep',
    );
  });

  it('maps đ and Đ to d', () => {
    expect(foldVietnamese('Đầu tư đường')).toBe('dau tu duong');
  });

  it('folds decomposed (NFD) input the same as composed input', () => {
    expect(foldVietnamese('Thủ tục'.normalize('NFD'))).toBe(foldVietnamese('Thủ tục'));
  });
});

describe('numbers', () => {
  it('maps Vietnamese and English separators to the same token', () => {
    expect(canonicalNumber('6.397,68')).toBe('6397.68');
    expect(canonicalNumber('6,397.68')).toBe('6397.68');
    expect(tokenize('6.397,68ha')).toEqual(tokenize('6,397.68 ha'));
  });

  it('reads a lone separator before three digits as thousands, otherwise as decimals', () => {
    expect(canonicalNumber('1.278')).toBe('1278');
    expect(canonicalNumber('1,278')).toBe('1278');
    expect(canonicalNumber('17,43')).toBe('17.43');
    expect(canonicalNumber('5.7')).toBe('5.7');
    expect(canonicalNumber('113.991')).toBe('113991');
  });

  it('splits dates into day, month and year', () => {
    expect(tokenize('Ngày 25/8/1998')).toEqual(['ngay', '25', '8', '1998']);
  });
});

describe('tokenize', () => {
  it('reduces English plurals but leaves folded Vietnamese alone', () => {
    expect(stemToken('workers')).toBe('worker');
    expect(stemToken('facilities')).toBe('facility');
    expect(stemToken('address')).toBe('address');
    expect(tokenize('Các công nhân')).toEqual(['cac', 'cong', 'nhan']);
  });

  it("drops the English possessive 's", () => {
    expect(tokenize("People's Committee")).toEqual(['people', 'committee']);
  });
});

describe('telex', () => {
  it('decodes doubled letters, w-marks and tone keys', () => {
    expect(telexCandidates('dduwowngf')).toContain('duong');
    expect(telexCandidates('luowngf')).toContain('luong');
    expect(telexCandidates('nhaan')).toContain('nhan');
  });

  it('lets the spelling corrector map Telex words onto known words', () => {
    const corrector = new SpellingCorrector(['duong', 'luong', 'cong', 'nhan']);
    expect(corrector.correct('dduwowngf')?.token).toBe('duong');
    expect(corrector.correct('luowng')?.token).toBe('luong');
    expect(corrector.correct('luong')).toEqual({ token: 'luong', certainty: 1 });
  });

  it('undoes one keyboard slip but leaves a short unknown string alone', () => {
    const corrector = new SpellingCorrector(['nghiep', 'luong', 'congdoan', 'moitruong']);
    expect(corrector.correct('nghiepp')?.token).toBe('nghiep');
    expect(corrector.correct('moitruogn')?.token).toBe('moitruong');
    expect(corrector.correct('xyz')).toBeNull();
  });
});

describe('synonyms and stop words', () => {
  it('gives abbreviations, full Vietnamese and English the same concept term', () => {
    const park = analyzeText('KCN', 'vi');
    expect(analyzeText('khu công nghiệp', 'vi')).toEqual(park);
    expect(analyzeText('industrial parks', 'en')).toEqual(park);
    expect(analyzeText('PCCC', 'vi')).toEqual(analyzeText('fire safety', 'en'));
    expect(analyzeText('ĐTM', 'vi')).toEqual(analyzeText('environmental impact assessment', 'en'));
    expect(analyzeText('FDI', 'vi')).toEqual(analyzeText('đầu tư trực tiếp nước ngoài', 'vi'));
    expect(analyzeText('lương', 'vi')).toEqual(analyzeText('wages', 'en'));
  });

  it('drops filler and function words but keeps merged content syllables', () => {
    expect(analyzeText('cho hỏi', 'vi')).toEqual([]);
    expect(analyzeText('là gì', 'vi')).toEqual(['?definition']);
    expect(analyzeText('cá cả ca', 'vi')).toEqual(['ca', 'ca', 'ca']);
    expect(analyzeText('the of it', 'en')).toEqual([]);
  });

  it('keeps the kind of question as a language-neutral term', () => {
    expect(analyzeText('bao nhiêu', 'vi')).toEqual(['?count']);
    expect(analyzeText('how many', 'en')).toEqual(['?count']);
    expect(analyzeText('khi nào', 'vi')).toEqual(analyzeText('when', 'en'));
  });

  it('respects accents: "lượng" and "đạt" are not "lương" (salary) and "đất" (land)', () => {
    expect(analyzeText('số lượng', 'vi')).not.toContain('#salary');
    expect(analyzeText('đạt', 'vi')).toEqual(['dat']);
    expect(analyzeText('đất', 'vi')).toEqual(['#land']);
    // Unaccented, one syllable cannot decide (đất, đạt, đặt): it stays a plain word that matches
    // every reading, and a phrase decides ("thue dat" is a lease).
    expect(analyzeText('dat', 'vi')).toEqual(['dat']);
    expect(analyzeText('thue dat', 'vi')).toEqual(['#lease']);
    expect(analyzeText('tinh yeu', 'vi')).not.toContain('#province');
    expect(indexTerms('đất', 'vi')).toEqual(expect.arrayContaining(['#land', 'dat']));
    expect(analyzeText('chào bạn', 'vi')).toEqual([]);
    expect(analyzeText('ban', 'vi')).toEqual(['ban']);
  });
});

describe('detectLanguage', () => {
  it.each([
    ['Lương công nhân bao nhiêu?', 'vi'],
    ['luong cong nhan kcn bao nhieu', 'vi'],
    ['ban quan ly o dau', 'vi'],
    ['dduwowngf ddeen KCN', 'vi'],
    ['What is the average salary of workers?', 'en'],
    ['how to contact the board', 'en'],
    ['fire safety rules', 'en'],
  ])('%s → %s', (query, lang) => {
    expect(detectLanguage(query)).toBe(lang);
  });
});
