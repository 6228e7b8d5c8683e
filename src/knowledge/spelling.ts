import { isVietnameseSyllable } from './language.ts';
import { telexCandidates } from './normalize.ts';
import { isEnglishWord, isRealWord } from './wordlists.ts';

export interface Correction {
  token: string;
  /** 1 for a known word; lower the further the correction had to reach. */
  certainty: number;
}

const TELEX_CERTAINTY = 0.95;
/** Key pairs only Telex typing produces ("coong", "dduwowng"); such a string is decoded even if listed. */
const TELEX_DOUBLES = /aa|ee|oo|dd|[aou]w/;
/** Below this length one edit turns most strings into another real word ("ca" → "cu"). */
const MIN_TYPO_LENGTH = 4;
/** No word is this long; a longer string is noise, and its slips would cost ~26 × length² bytes. */
const MAX_TYPO_LENGTH = 24;

const KEYBOARD_ROWS = ['qwertyuiop', 'asdfghjkl', 'zxcvbnm'];

/** Letters next to each key on a QWERTY phone or laptop keyboard. */
const NEIGHBOURS: ReadonlyMap<string, string> = (() => {
  const map = new Map<string, string>();
  KEYBOARD_ROWS.forEach((row, rowIndex) => {
    for (let column = 0; column < row.length; column += 1) {
      const around = [row[column - 1], row[column + 1]];
      for (const other of [KEYBOARD_ROWS[rowIndex - 1], KEYBOARD_ROWS[rowIndex + 1]]) {
        around.push(other?.[column], other?.[column - 1], other?.[column + 1]);
      }
      map.set(row.charAt(column), around.filter((key): key is string => Boolean(key)).join(''));
    }
  });
  return map;
})();

interface Candidate {
  word: string;
  certainty: number;
}

/**
 * Strings one keyboard slip away from `token`, each with how likely that slip is: a doubled
 * key, two swapped keys, one dropped or extra key, or a neighbouring key hit instead.
 */
export function keyboardTypoCandidates(token: string): Candidate[] {
  const out: Candidate[] = [];
  for (let i = 0; i < token.length; i += 1) {
    const without = token.slice(0, i) + token.slice(i + 1);
    out.push({ word: without, certainty: token[i] === token[i - 1] ? 0.9 : 0.75 });
    if (i + 1 < token.length) {
      const swapped =
        token.slice(0, i) + token.charAt(i + 1) + token.charAt(i) + token.slice(i + 2);
      out.push({ word: swapped, certainty: 0.85 });
    }
    for (const key of NEIGHBOURS.get(token.charAt(i)) ?? '') {
      out.push({ word: token.slice(0, i) + key + token.slice(i + 1), certainty: 0.7 });
    }
  }
  for (let i = 0; i <= token.length; i += 1) {
    for (const key of 'abcdefghijklmnopqrstuvwxyz') {
      out.push({ word: token.slice(0, i) + key + token.slice(i), certainty: 0.7 });
    }
  }
  return out;
}

/**
 * Maps query tokens onto the index vocabulary, and only rewrites strings that are not words:
 * a token found in the Vietnamese syllable list or the English dictionary is left alone even
 * when the index does not know it ("email" is not "female", "smell" is not "small"). Otherwise
 * Telex leftovers are decoded, then one keyboard slip is undone.
 */
export class SpellingCorrector {
  private readonly vocabulary: ReadonlySet<string>;

  constructor(vocabulary: Iterable<string>) {
    this.vocabulary = new Set(vocabulary);
  }

  has(token: string): boolean {
    return this.vocabulary.has(token);
  }

  /**
   * Best known spelling of `token`, or null when it is a real word the index lacks or nothing
   * one slip away is known. A word typed with accents that forms a valid Vietnamese syllable is
   * taken as meant ("bóng" is not a typo of "công").
   */
  correct(token: string, marks = ''): Correction | null {
    if (this.vocabulary.has(token) || /^\d/.test(token)) return { token, certainty: 1 };
    if (marks !== '' && isVietnameseSyllable(token)) return null;
    const telexTyped = TELEX_DOUBLES.test(token) && !isEnglishWord(token);
    if (isRealWord(token) && !telexTyped) return null;
    const decoded = telexCandidates(token);
    for (const candidate of decoded) {
      if (this.vocabulary.has(candidate)) return { token: candidate, certainty: TELEX_CERTAINTY };
    }
    if (isRealWord(token)) return null;
    const typo = this.undoSlip(token, 1);
    if (typo) return typo;
    const base = decoded[0];
    return base && base.length >= MIN_TYPO_LENGTH ? this.undoSlip(base, TELEX_CERTAINTY) : null;
  }

  private undoSlip(token: string, factor: number): Correction | null {
    if (token.length < MIN_TYPO_LENGTH || token.length > MAX_TYPO_LENGTH) return null;
    let best: Candidate | null = null;
    for (const candidate of keyboardTypoCandidates(token)) {
      if (candidate.word.length < 2 || !this.vocabulary.has(candidate.word)) continue;
      if (!best || candidate.certainty > best.certainty) best = candidate;
    }
    return best ? { token: best.word, certainty: best.certainty * factor } : null;
  }
}
