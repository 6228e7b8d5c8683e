/**
 * Real word lists, so spelling correction never "corrects" a word that exists and language
 * detection can tell an unaccented Vietnamese syllable from an English word. Read once from
 * the Hunspell dictionaries `dictionary-vi` (≈6,600 syllables) and `dictionary-en` (≈49,000
 * stems); only the stems are used (affix flags dropped). Query tokens arrive already stemmed
 * by the tokenizer, and {@link isEnglishWord} also tries the stem, so the list is not stemmed.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { foldVietnamese, stemToken } from './normalize.ts';

interface WordLists {
  /** Folded Vietnamese syllables ("truong" for trường and trưởng). */
  vietnameseFolded: Set<string>;
  /** Lower-case English words and their stems. */
  english: Set<string>;
}

let cached: WordLists | undefined;

/** The package's `index.dic`, read synchronously on first use (its module would read it at import). */
function dictionaryStems(name: 'dictionary-vi' | 'dictionary-en'): string[] {
  const entry = createRequire(import.meta.url).resolve(name);
  const lines = readFileSync(join(dirname(entry), 'index.dic'), 'utf8').split('\n');
  return lines.slice(1).map((line) => (line.split('/')[0] ?? '').trim().toLowerCase());
}

function wordLists(): WordLists {
  if (cached) return cached;
  const vietnameseFolded = new Set<string>();
  for (const word of dictionaryStems('dictionary-vi')) {
    if (/^[\p{L}]+$/u.test(word)) vietnameseFolded.add(foldVietnamese(word));
  }
  const english = new Set<string>();
  for (const word of dictionaryStems('dictionary-en')) {
    if (/^[a-z]+$/.test(word)) english.add(word);
  }
  cached = { vietnameseFolded, english };
  return cached;
}

/** Reads both lists now (≈50 ms) so the first question does not pay for it. */
export function preloadWordLists(): void {
  wordLists();
}

/** True for a folded token that is a real Vietnamese syllable ("thai", "nguoi"), not a typo. */
export function isVietnameseWord(folded: string): boolean {
  return wordLists().vietnameseFolded.has(folded);
}

/** True for a lower-case token (already stemmed or not) that is a real English word. */
export function isEnglishWord(token: string): boolean {
  const lists = wordLists();
  return lists.english.has(token) || lists.english.has(stemToken(token));
}

/** Either list: such a token is a word someone meant, never a misspelling to rewrite. */
export function isRealWord(folded: string): boolean {
  return isVietnameseWord(folded) || isEnglishWord(folded);
}
