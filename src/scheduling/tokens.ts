/**
 * Tokenizer for reminder input. Vietnamese users type with or without diacritics, so every token
 * carries a folded form; yet folding conflates real words ("tôi" = I, "tối" = evening), so a token
 * typed WITH diacritics must match a keyword's accented spelling exactly, and only an all-ASCII
 * token is compared by its folded form.
 */

/** One whitespace-separated piece of the input, remembered with its offset to cut the text. */
export interface Token {
  /** Offset of the token in the (NFC-normalized) input. */
  start: number;
  /** Lower-cased token without trailing punctuation such as `,` or `.`. */
  key: string;
  /** `key` without diacritics, `đ` → `d`. */
  folded: string;
  /** True when the user typed no diacritics at all, so the folded form is all we know. */
  ascii: boolean;
}

/** Removes Vietnamese diacritics: NFD, drop combining marks, đ → d. */
export function fold(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D')
    .toLowerCase();
}

const TRAILING_PUNCTUATION = /[,;:.!?…]+$/u;

/** Splits input (already NFC-normalized) into tokens with their offsets. */
export function tokenize(input: string): Token[] {
  const tokens: Token[] = [];
  for (const match of input.matchAll(/\S+/gu)) {
    const key = match[0].toLowerCase().replace(TRAILING_PUNCTUATION, '');
    const folded = fold(key);
    tokens.push({ start: match.index, key, folded, ascii: folded === key });
  }
  return tokens;
}

/** A keyword in its accented spellings; the folded forms are derived once. */
export interface Keyword {
  exact: ReadonlySet<string>;
  folded: ReadonlySet<string>;
}

/** Builds a keyword from its accented spellings (e.g. both `hằng` and `hàng`). */
export function keyword(...spellings: string[]): Keyword {
  return { exact: new Set(spellings), folded: new Set(spellings.map(fold)) };
}

/** Whether a token is the keyword, honouring the exact-if-accented rule above. */
export function isKeyword(token: Token | undefined, word: Keyword): boolean {
  if (token === undefined) return false;
  return token.ascii ? word.folded.has(token.folded) : word.exact.has(token.key);
}

/** Tokens that only separate the time from the text, e.g. `8h - họp`. */
export function isSeparator(token: Token): boolean {
  return /^[-–—:|>]+$/u.test(token.key) || token.key === '';
}
