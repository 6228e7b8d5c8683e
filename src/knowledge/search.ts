/**
 * Query → ranked entries (and a report excerpt when no entry fits).
 *
 * Why not one Fuse search per query: Fuse cuts patterns at 32 characters, ignores word order and
 * scans every text. Measured on this 2-core machine, one `new Fuse(entries, {keys: [titles,
 * questions, answers]})` search took 0.5–8 s per query at 10,000 entries. Instead:
 *   1. expand chat shorthand ("ko dc" → "không được", shorthand.ts), detect the language
 *      (language.ts), cut the message into clauses and find the ones that ask (focus.ts): a
 *      long message's greeting and story count 0.35, the question fully; fold and tokenise
 *      keeping each word's accents; correct only strings that are not real words (wordlists.ts):
 *      Telex leftovers, then one keyboard slip (spelling.ts);
 *   2. rewrite sense phrases and synonyms to concept terms (senses.ts, synonyms.ts), question
 *      words to question-type terms, drop stop words, politeness and context phrases; a single
 *      unaccented syllable that is several words ("tinh", "thue") stays a plain word;
 *   3. rank with BM25F over an inverted index (title ×3, questions ×2, answer ×1 without its
 *      disclaimer sentences, both languages) plus word-order bigrams; a word typed with accents
 *      is looked up accent-exact, its folded form counting little (rank.ts);
 *   4. evidence = idf-weighted share of the query's topic terms the entry covers × √(score /
 *      best score) × (one common word is not enough); unknown words of the asking clause cost a
 *      little, those of the story nothing, and a known story word an entry lacks costs only
 *      share² (rank.ts); confidence then weighs the entry's lead over the
 *      runner-up (withLead), so a near-tie between two entries is not shown as fact;
 *   5. a question for a year after the report, or for a fee, penalty or rate the report never
 *      gives, is answered only by an entry that says so, or declined.
 * Latency and build time: `npm run bench:kb` (p99 ≤ 5 ms shipped, ≤ 20 ms at 10,000 entries).
 */
import {
  type AnalysedToken,
  accentedTerm,
  bigramsOf,
  CONCEPT_PREFIX,
  indexTerms,
  phraseInnerWords,
  QUESTION_PREFIX,
  synonymVocabulary,
  weightedTerms,
  withoutDisclaimers,
} from './analyze.ts';
import { asksAboutYearAfter, clausesOf } from './focus.ts';
import { type IndexedField, InvertedIndex } from './inverted-index.ts';
import { detectLanguage } from './language.ts';
import { tokenize, tokenizeMarked } from './normalize.ts';
import type { Passage } from './passages.ts';
import { type QueryTerm, type RankedDocument, rank } from './rank.ts';
import type { Entry, Lang } from './schema.ts';
import { expandShorthand } from './shorthand.ts';
import { SpellingCorrector } from './spelling.ts';
import { preloadWordLists } from './wordlists.ts';

export interface EngineResult {
  lang: Lang;
  hits: RankedDocument[];
  excerpt: RankedDocument | null;
  /** Topic terms of the query the entries know (concepts or indexed words); 0 = off-topic. */
  knownTerms: number;
  /** Confidence of the best entry before the cut-off: how near the query came to any entry. */
  bestConfidence: number;
  /** The best candidates before the cut-off, best first (for a lower cut-off without a re-run). */
  ranked: RankedDocument[];
  /** The message after shorthand expansion, as matched. */
  expanded: string;
}

/**
 * Concepts of a question that wants a detail the report never gives: fees and prices, penalties,
 * rates and rule details. ("Bao lâu" is not one: "thành lập bao lâu rồi" is answered by a date.)
 */
const DETAIL_ASKS: ReadonlySet<string> = new Set(
  ['price', 'penalty', 'ruleDetail'].map((name) => `${CONCEPT_PREFIX}${name}`),
);

/** The report's last year (it is dated 28/08/2018): it cannot answer for a later year. */
export const REPORT_YEAR = 2018;

/** Confidence below which an entry (or a report excerpt) is not offered at all. */
export const SEARCH_SETTINGS: {
  entryThreshold: number;
  excerptThreshold: number;
  offTopicBelow: number;
  grievanceStricter: number;
  contextShare: number;
  leadWeight: number;
} = {
  entryThreshold: 0.52,
  excerptThreshold: 0.6,
  /** A declined question whose best entry scored under this is off-topic, not unanswered. */
  offTopicBelow: 0.45,
  /**
   * A grievance's entry needs this much more than the cut-off: the empathy and the complaint
   * button are already the answer, so a wrong entry beside them costs more than a missing one
   * (tuned on dev: 0.1).
   */
  grievanceStricter: 0.1,
  /**
   * How much a word of a long message's context counts (greeting, who the writer is, the story)
   * against a word of the clause that asks (focus.ts): it still ranks, but its absence from an
   * entry is not missing evidence.
   */
  contextShare: 0.35,
  /** Weight of an entry's lead over the runner-up in its confidence (see withLead). */
  leadWeight: 0.5,
};
export type { RankedDocument };

interface AnalysedQuery {
  lang: Lang;
  terms: QueryTerm[];
  bigrams: string[];
  expanded: string;
  /** The question names a year after the report's. */
  afterReport: boolean;
  /** The question asks for a fee, duration, penalty or rule detail (see DETAIL_ASKS). */
  asksDetail: boolean;
}

function strongField(text: readonly string[], lang: Lang, weight: number): IndexedField {
  const terms = text.flatMap((line) => indexTerms(line, lang));
  return { terms, weight, strong: true, lengthNormalisation: 0.4 };
}

function weakField(text: string, lang: Lang, weight: number): IndexedField {
  return { terms: indexTerms(text, lang), weight, strong: false, lengthNormalisation: 0.75 };
}

function entryFields(entry: Entry): IndexedField[] {
  return [
    strongField([entry.title.vi], 'vi', 3),
    strongField([entry.title.en], 'en', 3),
    strongField(entry.questions.vi, 'vi', 2),
    strongField(entry.questions.en, 'en', 2),
    weakField(withoutDisclaimers(entry.answer.vi), 'vi', 1),
    weakField(withoutDisclaimers(entry.answer.en), 'en', 1),
  ];
}

/** Words inside an entry's concept phrases, for idf only (see InvertedIndex). */
function entryMentions(entry: Entry): string[] {
  const texts: [string, Lang][] = [
    [entry.title.vi, 'vi'],
    [entry.title.en, 'en'],
    ...entry.questions.vi.map((text): [string, Lang] => [text, 'vi']),
    ...entry.questions.en.map((text): [string, Lang] => [text, 'en']),
    [entry.answer.vi, 'vi'],
    [entry.answer.en, 'en'],
  ];
  return texts.flatMap(([text, lang]) => phraseInnerWords(text, lang));
}

function passageFields(passage: Passage): IndexedField[] {
  return [weakField(passage.text, 'vi', 1)];
}

/**
 * Confidence that also weighs how far an entry stands from the others: two entries that cover the
 * query equally well are a guess between them, and a guess shown as fact is the worst answer.
 * (evidence + lead × (evidence − best other)) / (1 + lead); the order is unchanged.
 */
export function withLead(ranked: readonly RankedDocument[]): RankedDocument[] {
  const lead = SEARCH_SETTINGS.leadWeight;
  const first = ranked[0]?.confidence ?? 0;
  const second = ranked[1]?.confidence ?? 0;
  return ranked.map((hit, position) => {
    const other = position === 0 ? second : first;
    const confidence = Math.max(0, (hit.confidence + lead * (hit.confidence - other)) / (1 + lead));
    return { index: hit.index, confidence };
  });
}

/** Search engine over a fixed set of entries and passages; build once, query many times. */
export class SearchEngine {
  private readonly entryIndex: InvertedIndex;
  private readonly passageIndex: InvertedIndex;
  private readonly corrector: SpellingCorrector;
  /** Per entry: its answer says what the report does not state (and gives the next step). */
  private readonly saysWhatIsMissing: boolean[];

  constructor(entries: readonly Entry[], passages: readonly Passage[]) {
    this.entryIndex = new InvertedIndex(entries.map(entryFields), entries.map(entryMentions));
    this.saysWhatIsMissing = entries.map((entry) =>
      [entry.answer.vi, entry.answer.en].some((answer) => withoutDisclaimers(answer) !== answer),
    );
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
    preloadWordLists();
  }

  /** Ranks entries; falls back to one report passage when no entry is confident. */
  search(query: string, limit: number, threshold = SEARCH_SETTINGS.entryThreshold): EngineResult {
    const analysed = this.analyse(query);
    const evidence = rank(this.entryIndex, analysed.terms, analysed.bigrams);
    const bestConfidence = evidence[0]?.confidence ?? 0;
    const ranked = withLead(evidence);
    // "Năm 2024 thu hút bao nhiêu vốn?": the 2018 figure would be shown as the answer to 2024.
    // "Lệ phí…", "mức phạt", "lương tối thiểu": a fee, penalty or rate the report never gives;
    // only an entry that says so (and gives the next step) is an honest answer.
    const top = ranked[0];
    const wrongKind =
      analysed.afterReport ||
      (analysed.asksDetail && top !== undefined && !this.saysWhatIsMissing[top.index]);
    const hits = wrongKind
      ? []
      : ranked.filter((hit) => hit.confidence >= threshold).slice(0, limit);
    let excerpt: RankedDocument | null = null;
    if (hits.length === 0 && !wrongKind) {
      const best = rank(this.passageIndex, analysed.terms, analysed.bigrams)[0];
      if (best && best.confidence >= SEARCH_SETTINGS.excerptThreshold) excerpt = best;
    }
    const knownTerms = analysed.terms.filter(
      (term) =>
        term.term.startsWith(CONCEPT_PREFIX) ||
        this.entryIndex.postings(term.term) !== undefined ||
        (term.fallback !== undefined && this.entryIndex.postings(term.fallback) !== undefined),
    ).length;
    const { lang, expanded } = analysed;
    return { lang, hits, excerpt, knownTerms, bestConfidence, expanded, ranked };
  }

  /**
   * Shorthand → language → tokens (corrected only when not a real word) → concept and question
   * terms. A word typed with accents is looked up accent-exact, with its folded form as a weak
   * fallback; an unaccented word matches every reading.
   */
  private analyse(query: string): AnalysedQuery {
    const expanded = expandShorthand(query);
    const lang = detectLanguage(expanded);
    const unique = new Map<string, QueryTerm>();
    const bigrams: string[] = [];
    const clauses = clausesOf(expanded);
    for (const clause of clauses) {
      const share = clause.focus ? 1 : SEARCH_SETTINGS.contextShare;
      const tokens = tokenizeMarked(clause.text).map((token): AnalysedToken => {
        const correction = this.corrector.correct(token.text, token.marks);
        if (!correction || correction.token === token.text) return token;
        return { text: correction.token, marks: '', certainty: correction.certainty };
      });
      const terms = weightedTerms(tokens, lang);
      for (const weighted of terms) {
        const accented = accentedTerm(weighted);
        const { certainty } = weighted;
        const term: QueryTerm = accented
          ? { term: accented, certainty, share, fallback: weighted.term }
          : { term: weighted.term, certainty, share };
        const previous = unique.get(term.term);
        if (!previous || previous.certainty * previous.share < certainty * share) {
          unique.set(term.term, term);
        }
      }
      bigrams.push(...bigramsOf(terms.map((weighted) => weighted.term)));
    }
    const terms = [...unique.values()];
    // "Em muốn hỏi bây giờ em phải làm gì?": the asking clause names no topic, so the story is
    // the question.
    const focusNamesTopic = terms.some(
      (term) => term.share === 1 && !term.term.startsWith(QUESTION_PREFIX),
    );
    if (!focusNamesTopic) for (const term of terms) term.share = 1;
    const afterReport = asksAboutYearAfter(clauses, REPORT_YEAR);
    const asksDetail = terms.some((term) => term.share === 1 && DETAIL_ASKS.has(term.term));
    return { lang, terms, bigrams, expanded, afterReport, asksDetail };
  }
}
