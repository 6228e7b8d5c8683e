/**
 * Text normalisation shared by indexing and querying. Everything that is compared is first
 * folded (no diacritics, đ→d, lower case) so that "Lương", "luong" and "LƯƠNG" meet, numbers are
 * rewritten to one canonical form, and English plurals are reduced to their singular.
 */

const COMBINING_MARKS = /\p{M}+/gu;

/**
 * Folds Vietnamese to plain ASCII-ish lower case. Users often type without accents, so the
 * index and the query must both live in this folded space.
 */
export function foldVietnamese(text: string): string {
  return text.normalize('NFD').replace(COMBINING_MARKS, '').replace(/[đĐ]/g, 'd').toLowerCase();
}

/**
 * Rewrites a number written with Vietnamese ("6.397,68") or English ("6,397.68") separators to
 * one canonical form ("6397.68"), so figures quoted either way match the report.
 * A lone separator followed by exactly three digits is a thousands separator in both locales.
 */
export function canonicalNumber(raw: string): string {
  const dots = raw.split('.').length - 1;
  const commas = raw.split(',').length - 1;
  let integerPart = raw;
  let decimalPart = '';
  if (dots > 0 && commas > 0) {
    const decimalSeparator = raw.lastIndexOf('.') > raw.lastIndexOf(',') ? '.' : ',';
    const cut = raw.lastIndexOf(decimalSeparator);
    integerPart = raw.slice(0, cut);
    decimalPart = raw.slice(cut + 1);
  } else if (dots + commas === 1) {
    const cut = Math.max(raw.indexOf('.'), raw.indexOf(','));
    const after = raw.slice(cut + 1);
    if (after.length !== 3) {
      integerPart = raw.slice(0, cut);
      decimalPart = after;
    }
  }
  const digits = integerPart.replace(/[.,]/g, '').replace(/^0+(?=\d)/, '');
  const decimals = decimalPart.replace(/0+$/, '');
  return decimals ? `${digits}.${decimals}` : digits;
}

/** "gett" → "get", "stopp" → "stop": the doubled consonant that "-ing"/"-ed" added. */
function undouble(stem: string): string {
  return /([b-df-hj-np-tv-z])\1$/.test(stem) && !/(ll|ss|ff|zz)$/.test(stem)
    ? stem.slice(0, -1)
    : stem;
}

/**
 * Light English stemming (plural "s", "-ed", "-ing") so "workers"/"worker" and
 * "employed"/"employ" meet. Safe for folded Vietnamese: its syllables never end in "s" or "d",
 * and it spells "-ing" as "-inh".
 */
export function stemToken(token: string): string {
  if (token.length < 4 || /\d/.test(token)) return token;
  if (token.endsWith('ing') && token.length > 5) return undouble(token.slice(0, -3));
  if (token.endsWith('ied') && token.length > 4) return `${token.slice(0, -3)}y`;
  if (token.endsWith('ed') && token.length > 4 && !token.endsWith('eed')) {
    return undouble(token.slice(0, -2));
  }
  if (!token.endsWith('s') || /(ss|us|is)$/.test(token)) return token;
  if (token.endsWith('ies') && token.length > 4) return `${token.slice(0, -3)}y`;
  return token.slice(0, -1);
}

/** A folded token plus the diacritics it was typed with (empty when typed without accents). */
export interface Token {
  text: string;
  /** Sorted combining marks (and "đ"): tells "lương" from "lượng" and "đất" from "đạt". */
  marks: string;
}

const RAW_TOKEN = /[\p{L}\p{M}]+|\d+(?:[.,]\d+)*/gu;
const FOLDED_PIECE = /[a-z0-9]+/g;

const SINGLE_MARK = /\p{M}/gu;

function marksOf(raw: string): string {
  const marks = raw.normalize('NFD').match(SINGLE_MARK) ?? [];
  return marks.sort().join('') + (raw.includes('đ') ? 'đ' : '');
}

/** Words repeat across entries and queries: their tokens are kept (bounded) once computed. */
const WORD_CACHE = new Map<string, readonly Token[]>();
const WORD_CACHE_LIMIT = 50_000;

/** The tokens of one lower-case word: folded, stemmed and with its accents. */
function wordTokens(raw: string): readonly Token[] {
  const cached = WORD_CACHE.get(raw);
  if (cached) return cached;
  const folded = foldVietnamese(raw);
  // Frozen: the same objects are handed to every caller.
  const tokens: readonly Token[] = /^[a-z]+$/.test(folded)
    ? [Object.freeze({ text: stemToken(folded), marks: marksOf(raw) })]
    : (folded.match(FOLDED_PIECE) ?? []).map((piece) => Object.freeze({ text: piece, marks: '' }));
  if (WORD_CACHE.size >= WORD_CACHE_LIMIT) WORD_CACHE.clear();
  WORD_CACHE.set(raw, tokens);
  return tokens;
}

/**
 * Splits text into folded, canonical tokens that remember their accents: words, canonical
 * numbers, stemmed plurals. Punctuation and "/" or "-" split tokens ("25/8/1998" → 25, 8, 1998).
 */
export function tokenizeMarked(text: string): Token[] {
  const lower = text
    .normalize('NFC')
    .toLowerCase()
    .replace(/['’]s\b/g, '');
  const tokens: Token[] = [];
  for (const match of lower.matchAll(RAW_TOKEN)) {
    const raw = match[0];
    if (/^\d/.test(raw)) {
      tokens.push({ text: canonicalNumber(raw), marks: '' });
      continue;
    }
    tokens.push(...wordTokens(raw));
  }
  return tokens;
}

/** Folded tokens only; what the spelling vocabulary and most callers need. */
export function tokenize(text: string): string[] {
  return tokenizeMarked(text).map((token) => token.text);
}

const TELEX_DOUBLES: readonly [RegExp, string][] = [
  [/dd/g, 'd'],
  [/aa/g, 'a'],
  [/ee/g, 'e'],
  [/oo/g, 'o'],
  [/aw/g, 'a'],
  [/ow/g, 'o'],
  [/uw/g, 'u'],
  [/w/g, 'u'],
];
const TONE_KEYS = /[sfrxj]/;
const VOWELS = /[aeiouy]/;

/**
 * Candidate folded spellings for a token typed in Telex without the IME turning it into
 * Vietnamese ("dduwowngf" → "duong", "luowngf" → "luong"). Returns the candidates best first;
 * the caller keeps the first one that is a known word.
 */
export function telexCandidates(token: string): string[] {
  let base = token;
  for (const [pattern, replacement] of TELEX_DOUBLES) base = base.replace(pattern, replacement);
  const candidates = new Set<string>();
  const add = (value: string): void => {
    if (value && value !== token) candidates.add(value);
  };
  add(base);
  add(base.replace(/([a-z])\1+/g, '$1'));
  const last = base.at(-1) ?? '';
  if (TONE_KEYS.test(last) && VOWELS.test(base.slice(0, -1))) add(base.slice(0, -1));
  for (let index = 1; index < base.length - 1; index += 1) {
    const char = base.charAt(index);
    if (TONE_KEYS.test(char) && VOWELS.test(base.charAt(index - 1))) {
      add(base.slice(0, index) + base.slice(index + 1));
    }
  }
  return [...candidates];
}

/** Collapses runs of whitespace and applies NFC so verbatim quotes compare reliably. */
export function normalizeWhitespace(text: string): string {
  return text.normalize('NFC').replace(/\s+/g, ' ').trim();
}
