/**
 * Query → ranked entries (and a report excerpt when no entry fits).
 *
 * Why not one Fuse search per query: Fuse cuts patterns at 32 characters, ignores word order and
 * scans every text. Measured on this 2-core machine, one `new Fuse(entries, {keys: [titles,
 * questions, answers]})` search took 0.5–8 s per query at 10,000 entries. Instead:
 *   1. fold and tokenise the query; correct each unknown token against the vocabulary (Telex
 *      decoding first, then fuse.js over words of similar length only);
 *   2. rewrite synonyms/abbreviations to concept terms (both languages), question words to
 *      question-type terms, drop stop words;
 *   3. rank with BM25F over an inverted index (title ×3, questions ×2, answer ×1, both
 *      languages) plus word-order bigrams (see rank.ts);
 *   4. confidence = idf-weighted share of the query's topic terms the entry covers (answer-only
 *      matches count 60 %, corrected tokens by their certainty) × √(score / best score).
 * Measured with `npm run bench:kb`: p50 0.03 ms / p99 1.2 ms on the shipped 86 entries,
 * p50 0.4 ms / p99 2.8 ms on a generated 10,000-entry base (Map accumulators: p99 42 ms).
 */
import {
  type AnalysedToken,
  analyzeText,
  bigramsOf,
  synonymVocabulary,
  weightedTerms,
} from './analyze.ts';
import { type IndexedField, InvertedIndex } from './inverted-index.ts';
import { detectLanguage } from './language.ts';
import { tokenize, tokenizeMarked } from './normalize.ts';
import type { Passage } from './passages.ts';
import { type QueryTerm, type RankedDocument, rank } from './rank.ts';
import type { Entry, Lang } from './schema.ts';
import { SpellingCorrector } from './spelling.ts';

export interface EngineResult {
  lang: Lang;
  hits: RankedDocument[];
  excerpt: RankedDocument | null;
}

/** Confidence below which an entry (or a report excerpt) is not offered at all. */
export const SEARCH_SETTINGS = { entryThreshold: 0.32, excerptThreshold: 0.6 } as const;
export type { RankedDocument };

interface AnalysedQuery {
  lang: Lang;
  terms: QueryTerm[];
  bigrams: string[];
}

function strongField(text: readonly string[], lang: Lang, weight: number): IndexedField {
  const terms = text.flatMap((line) => {
    const lineTerms = analyzeText(line, lang);
    return [...lineTerms, ...bigramsOf(lineTerms)];
  });
  return { terms, weight, strong: true, lengthNormalisation: 0.4 };
}

function weakField(text: string, lang: Lang, weight: number): IndexedField {
  const terms = analyzeText(text, lang);
  return {
    terms: [...terms, ...bigramsOf(terms)],
    weight,
    strong: false,
    lengthNormalisation: 0.75,
  };
}

function entryFields(entry: Entry): IndexedField[] {
  return [
    strongField([entry.title.vi], 'vi', 3),
    strongField([entry.title.en], 'en', 3),
    strongField(entry.questions.vi, 'vi', 2),
    strongField(entry.questions.en, 'en', 2),
    weakField(entry.answer.vi, 'vi', 1),
    weakField(entry.answer.en, 'en', 1),
  ];
}

function passageFields(passage: Passage): IndexedField[] {
  return [weakField(passage.text, 'vi', 1)];
}

/** Search engine over a fixed set of entries and passages; build once, query many times. */
export class SearchEngine {
  private readonly entryIndex: InvertedIndex;
  private readonly passageIndex: InvertedIndex;
  private readonly corrector: SpellingCorrector;

  constructor(entries: readonly Entry[], passages: readonly Passage[]) {
    this.entryIndex = new InvertedIndex(entries.map(entryFields));
    this.passageIndex = new InvertedIndex(passages.map(passageFields));
    const vocabulary = new Set<string>(synonymVocabulary());
    for (const entry of entries) {
      const texts = [entry.title.vi, entry.title.en, entry.answer.vi, entry.answer.en];
      for (const text of [...texts, ...entry.questions.vi, ...entry.questions.en]) {
        for (const token of tokenize(text)) vocabulary.add(token);
      }
    }
    for (const passage of passages) {
      for (const token of tokenize(passage.text)) vocabulary.add(token);
    }
    this.corrector = new SpellingCorrector(vocabulary);
  }

  /** Ranks entries; falls back to one report passage when no entry is confident. */
  search(query: string, limit: number): EngineResult {
    const analysed = this.analyse(query);
    const hits = rank(this.entryIndex, analysed.terms, analysed.bigrams)
      .filter((hit) => hit.confidence >= SEARCH_SETTINGS.entryThreshold)
      .slice(0, limit);
    let excerpt: RankedDocument | null = null;
    if (hits.length === 0) {
      const best = rank(this.passageIndex, analysed.terms, analysed.bigrams)[0];
      if (best && best.confidence >= SEARCH_SETTINGS.excerptThreshold) excerpt = best;
    }
    return { lang: analysed.lang, hits, excerpt };
  }

  private analyse(query: string): AnalysedQuery {
    const lang = detectLanguage(query);
    const tokens = tokenizeMarked(query).map((token): AnalysedToken => {
      const correction = this.corrector.correct(token.text, token.marks);
      if (!correction || correction.token === token.text) return token;
      return { text: correction.token, marks: '', certainty: correction.certainty };
    });
    const terms = weightedTerms(tokens, lang);
    const unique = new Map<string, QueryTerm>();
    for (const { term, certainty } of terms) {
      const previous = unique.get(term);
      if (!previous || previous.certainty < certainty) unique.set(term, { term, certainty });
    }
    const bigrams = bigramsOf(terms.map((weighted) => weighted.term));
    return { lang, terms: [...unique.values()], bigrams };
  }
}
