import { foldVietnamese, type Token, tokenizeMarked } from './normalize.ts';
import type { Lang } from './schema.ts';
import {
  ACCENTED_STOP_WORDS,
  QUESTION_GROUPS,
  STOP_PHRASES,
  STOP_WORDS,
  SYNONYM_GROUPS,
} from './synonyms.ts';

/** Prefix that marks a concept term so it can never collide with a real folded word. */
export const CONCEPT_PREFIX = '#';
/** Marks a synonym that matches only when typed with its accents. */
const STRICT_MARK = '=';
/**
 * Syllables whose unaccented form is several common words: "tinh" is tỉnh (province), tính
 * (count), tình (love); "thue" is thuế (tax) and thuê (lease); "dien" is điện (power) and diện
 * (area). Typed without accents they are not read as one concept (a single syllable cannot
 * decide), but stay a plain word that matches every reading; phrases still decide ("thue dat"
 * is a lease, "nop thue" is tax).
 */
const AMBIGUOUS_UNACCENTED = new Set(
  'tinh thue phong dien dat lap nu ngoai nam thang xay xuong von lang'.split(' '),
);
/** Prefix of question-type terms ("?count"); they rank but do not count as topic coverage. */
export const QUESTION_PREFIX = '?';

interface Phrase {
  tokens: readonly Token[];
  /** Concept term that replaces the phrase, or null when the phrase is dropped. */
  concept: string | null;
  /** Only matches text typed with exactly these accents ("bạn" = you, never "ban" = board). */
  strict: boolean;
}

interface PhraseTable {
  byFirstToken: Map<string, Phrase[]>;
  stopWords: Record<Lang, Set<string>>;
  /** Every token that appears in a synonym phrase, so spelling correction can reach it. */
  phraseTokens: Set<string>;
}

let cachedTable: PhraseTable | undefined;

function phraseTable(): PhraseTable {
  if (cachedTable) return cachedTable;
  const byFirstToken = new Map<string, Phrase[]>();
  const phraseTokens = new Set<string>();
  const addPhrase = (text: string, concept: string | null, strict = false): void => {
    const tokens = tokenizeMarked(text);
    const first = tokens[0];
    if (first === undefined) return;
    for (const token of tokens) phraseTokens.add(token.text);
    const list = byFirstToken.get(first.text) ?? [];
    list.push({ tokens, concept, strict });
    byFirstToken.set(first.text, list);
  };
  for (const [name, phrases] of Object.entries(SYNONYM_GROUPS)) {
    for (const phrase of phrases) {
      // "=nóng": only as typed with these accents, never "nong" (nông) or "nòng".
      const marked = phrase.startsWith(STRICT_MARK);
      const text = marked ? phrase.slice(1) : phrase;
      const strict = marked || AMBIGUOUS_UNACCENTED.has(foldVietnamese(text));
      addPhrase(text, `${CONCEPT_PREFIX}${name}`, strict);
    }
  }
  for (const [name, phrases] of Object.entries(QUESTION_GROUPS)) {
    for (const phrase of phrases) addPhrase(phrase, `${QUESTION_PREFIX}${name}`);
  }
  for (const phrase of STOP_PHRASES) addPhrase(phrase, null);
  for (const word of ACCENTED_STOP_WORDS) addPhrase(word, null, true);
  for (const list of byFirstToken.values()) list.sort((a, b) => b.tokens.length - a.tokens.length);
  cachedTable = {
    byFirstToken,
    stopWords: { vi: new Set(STOP_WORDS.vi), en: new Set(STOP_WORDS.en) },
    phraseTokens,
  };
  return cachedTable;
}

/**
 * A phrase token matches when the folded text is equal and the accents agree — or either side
 * was typed without accents. So "lượng" never becomes "lương" (salary), yet "luong" still does.
 */
function matchesAt(tokens: readonly Token[], start: number, phrase: Phrase): boolean {
  return phrase.tokens.every((wanted, offset) => {
    const token = tokens[start + offset];
    if (!token || token.text !== wanted.text) return false;
    if (phrase.strict) return token.marks === wanted.marks;
    return wanted.marks === '' || token.marks === '' || token.marks === wanted.marks;
  });
}

/** A term plus how sure spelling correction was about the tokens it came from (1 = typed). */
export interface WeightedTerm {
  term: string;
  certainty: number;
  /** Accents the word was typed with (plain words only; '' for concepts and unaccented text). */
  marks: string;
}

/** Separates a folded word from its accents in an accented term ("truong~̛̀"). */
export const ACCENT_SEPARATOR = '~';

/** The accent-exact form of a plain word, or null when it was typed without accents. */
export function accentedTerm(weighted: WeightedTerm): string | null {
  if (weighted.marks === '' || weighted.term.startsWith(CONCEPT_PREFIX)) return null;
  return `${weighted.term}${ACCENT_SEPARATOR}${weighted.marks}`;
}

/** Token as seen by the analyser; `certainty` is below 1 when spelling correction produced it. */
export type AnalysedToken = Token & { certainty?: number };

/**
 * Turns folded tokens into terms: synonym phrases become one concept term (longest phrase
 * first), question phrasings become question terms, function words are dropped. A concept
 * inherits the lowest certainty of the tokens it was built from.
 */
export function weightedTerms(tokens: readonly AnalysedToken[], lang: Lang): WeightedTerm[] {
  const table = phraseTable();
  const stopWords = table.stopWords[lang];
  const terms: WeightedTerm[] = [];
  let index = 0;
  while (index < tokens.length) {
    const token = tokens[index];
    const text = token?.text ?? '';
    const phrase = table.byFirstToken.get(text)?.find((p) => matchesAt(tokens, index, p));
    if (phrase) {
      const used = tokens.slice(index, index + phrase.tokens.length);
      const certainty = Math.min(...used.map((t) => t.certainty ?? 1));
      if (phrase.concept !== null) terms.push({ term: phrase.concept, certainty, marks: '' });
      index += phrase.tokens.length;
      continue;
    }
    if (!stopWords.has(text)) {
      terms.push({ term: text, certainty: token?.certainty ?? 1, marks: token?.marks ?? '' });
    }
    index += 1;
  }
  return terms;
}

/** Index terms of already tokenised text (see {@link weightedTerms}). */
export function termsFromTokens(tokens: readonly Token[], lang: Lang): string[] {
  return weightedTerms(tokens, lang).map((weighted) => weighted.term);
}

/** Convenience for indexing: tokenize then {@link termsFromTokens}. */
export function analyzeText(text: string, lang: Lang): string[] {
  return termsFromTokens(tokenizeMarked(text), lang);
}

/**
 * What a text is indexed under: its folded terms, the accent-exact form of every accented word
 * (so "trưởng" can be told from "trường" when the user typed accents), and bigrams of the
 * folded terms.
 */
export function indexTerms(text: string, lang: Lang): string[] {
  const tokens = tokenizeMarked(text);
  const weighted = weightedTerms(tokens, lang);
  const folded = weighted.map((w) => w.term);
  const accented = weighted.flatMap((w) => accentedTerm(w) ?? []);
  // "tỉnh" is indexed as its concept and as plain "tinh", which an unaccented "tinh" still finds.
  const readings = tokens.flatMap((t) =>
    t.marks !== '' && AMBIGUOUS_UNACCENTED.has(t.text) ? [t.text] : [],
  );
  return [...folded, ...accented, ...readings, ...bigramsOf(folded)];
}

/**
 * The folded words inside a text's concept phrases ("xu ly" of "xử lý nước thải"), which the
 * concept consumed; the index counts them for idf only (see InvertedIndex). Only folded forms:
 * counting accent-exact forms too lowered every accented word's weight and measured worse on dev.
 */
export function phraseInnerWords(text: string, lang: Lang): string[] {
  const tokens = tokenizeMarked(text);
  const present = new Set(weightedTerms(tokens, lang).map((w) => w.term));
  const stop = phraseTable().stopWords[lang];
  const inner = tokens.filter((t) => !present.has(t.text) && !stop.has(t.text));
  return inner.map((t) => t.text);
}

/**
 * Sentences that are about the report or the way forward, not the topic: "the report does not
 * state…", "send a support request…", "see /contact", and their Vietnamese twins.
 */
const DISCLAIMER =
  /(báo cáo[^.]{0,20} (không|chưa) (nêu|mô tả|liệt kê|có|đưa)|\b(the )?(board's )?report (does not|gives no|states no|do not|has no|says nothing)|\/contact|yêu cầu hỗ trợ|support request|qua bot|through the bot)/iu;

/**
 * Drops an answer's disclaimer and next-step sentences before indexing: "the report gives no
 * phone numbers" is not evidence that the entry is about phone numbers, and "contact the board"
 * at the end of forty answers is not evidence that they are about contacting it.
 */
export function withoutDisclaimers(text: string): string {
  return text
    .split(/(?<=[.!?])\s+/u)
    .filter((sentence) => !DISCLAIMER.test(sentence))
    .join(' ');
}

/** Adjacent-term pairs; they reward entries that keep the query's word order ("công nhân"). */
export function bigramsOf(terms: readonly string[]): string[] {
  const bigrams: string[] = [];
  for (let index = 1; index < terms.length; index += 1) {
    bigrams.push(`${terms[index - 1]} ${terms[index]}`);
  }
  return bigrams;
}

/** Tokens known only from the synonym table; added to the spelling vocabulary. */
export function synonymVocabulary(): ReadonlySet<string> {
  return phraseTable().phraseTokens;
}
