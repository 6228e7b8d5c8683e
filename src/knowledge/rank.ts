/**
 * Scores documents of an {@link InvertedIndex} for analysed query terms and turns the score into
 * a confidence. Accumulators are typed arrays reused between queries: at 10,000 entries a common
 * term touches every document, and Map-based accumulation measured ~4× slower.
 */
import { CONCEPT_PREFIX, QUESTION_PREFIX } from './analyze.ts';
import type { InvertedIndex, Postings } from './inverted-index.ts';

/**
 * One word of the query. `term` is what it is looked up as (accent-exact when typed with
 * accents); `fallback` is its folded form, which still matches other accents but counts little.
 */
export interface QueryTerm {
  term: string;
  /** 1 for a typed word; lower when spelling correction produced it. */
  certainty: number;
  /** 1 for a word of the clause that asks; less for a word of the message's context (focus.ts). */
  share: number;
  fallback?: string;
}

export interface RankedDocument {
  index: number;
  confidence: number;
}

export const RANK_SETTINGS = {
  /** A term found only in the answer text counts this much towards coverage. */
  answerOnlyCredit: 0.5,
  bigramWeight: 0.5,
  /** Documents (by BM25 score) that get a confidence computed. */
  candidatePool: 20,
  /** A folded match of a word typed with other accents ("trường" for "trưởng") counts this much. */
  otherAccentCredit: 0.4,
  /**
   * The next three are shares of the index's largest idf (a word no entry has), so they mean the
   * same on a 4-entry fixture and on 10,000 entries.
   * Missing evidence charged for a content word the index does not know at all (politeness and
   * context phrases are dropped before this): under half a rare word, but a message made only
   * of unknown words with one incidental match stays below the threshold.
   */
  unknownWeight: 0.3,
  /** Idf-weighted coverage an entry needs for full confidence; one common word has far less. */
  minimumEvidence: 0.35,
  /**
   * Query weight beyond which further words count only `longTail` each: a long message that
   * greets, introduces the writer and then asks is not judged by its introduction.
   */
  longCap: 1.3,
  longTail: 0.35,
  /** Evidence left when an entry matches one plain word of the query and nothing else. */
  singleWordEvidence: 0.7,
  /** A matched question type ("bao nhiêu" / "how many") adds this share of its idf to evidence. */
  questionEvidence: 1,
  /** How much a matched question type adds to the ranking score, against a topic word's 1. */
  questionScore: 1,
};

interface Scratch {
  scores: Float64Array;
  covered: Float64Array;
  touched: Int32Array;
  /** Query-term group that last credited the document, so a fallback never adds to its primary. */
  stamp: Int32Array;
  /** Query words (a concept counts two) that matched the document. */
  matched: Int32Array;
  /** Coverage plus matched question-type terms ("how many" asked, "how many" answered). */
  evidence: Float64Array;
}

const scratchByIndex = new WeakMap<InvertedIndex, Scratch>();

function scratchFor(index: InvertedIndex): Scratch {
  let scratch = scratchByIndex.get(index);
  if (!scratch) {
    const size = index.documentCount;
    scratch = {
      scores: new Float64Array(size),
      covered: new Float64Array(size),
      touched: new Int32Array(size),
      stamp: new Int32Array(size),
      matched: new Int32Array(size),
      evidence: new Float64Array(size),
    };
    scratchByIndex.set(index, scratch);
  }
  return scratch;
}

/** Keeps the `size` best (document, score) pairs, best first, without sorting everything. */
function topCandidates(scratch: Scratch, touchedCount: number, size: number): number[] {
  const best: number[] = [];
  for (let position = 0; position < touchedCount; position += 1) {
    const document = scratch.touched[position] ?? 0;
    const score = scratch.scores[document] ?? 0;
    if (best.length === size && score <= (scratch.scores[best[size - 1] ?? 0] ?? 0)) continue;
    let insertAt = best.length;
    while (insertAt > 0 && (scratch.scores[best[insertAt - 1] ?? 0] ?? 0) < score) insertAt -= 1;
    best.splice(insertAt, 0, document);
    if (best.length > size) best.pop();
  }
  return best;
}

interface Accumulator {
  scratch: Scratch;
  touchedCount: number;
}

/** How one query term's postings are credited. */
interface Credit {
  group: number;
  /** Added to the BM25 score per unit of saturated frequency. */
  score: number;
  coverage: number;
  evidence: number;
  /** Query words this match is worth (a concept or figure counts two). */
  matchValue: number;
  /** An exact figure is as telling in an answer as in a question. */
  figure: boolean;
  /** A fallback never adds to a document its primary already credited. */
  skipStamped: boolean;
}

function accumulate(acc: Accumulator, postings: Postings, credit: Credit): void {
  const { scratch } = acc;
  for (let position = 0; position < postings.documents.length; position += 1) {
    const document = postings.documents[position] ?? 0;
    if (credit.skipStamped && scratch.stamp[document] === credit.group) continue;
    // First touch: no group has credited it yet (a score can stay 0 when a weight is 0).
    if (scratch.stamp[document] === 0) {
      scratch.touched[acc.touchedCount] = document;
      acc.touchedCount += 1;
    }
    if (scratch.stamp[document] !== credit.group) {
      scratch.matched[document] = (scratch.matched[document] ?? 0) + credit.matchValue;
    }
    scratch.stamp[document] = credit.group;
    const field = postings.strong[position] || credit.figure ? 1 : RANK_SETTINGS.answerOnlyCredit;
    const frequency = postings.scores[position] ?? 0;
    scratch.scores[document] = (scratch.scores[document] ?? 0) + credit.score * frequency;
    scratch.covered[document] = (scratch.covered[document] ?? 0) + credit.coverage * field;
    scratch.evidence[document] = (scratch.evidence[document] ?? 0) + credit.evidence * field;
  }
}

/**
 * BM25F score plus idf-weighted coverage of the query's topic terms for every matching
 * document. Confidence = coverage × √(score / best score) × evidence: full coverage by the
 * best-scoring entry gives 1; an entry that covers the query but ranks lower is discounted;
 * coverage resting on little evidence (one common word) is discounted too.
 */
export function rank(
  index: InvertedIndex,
  terms: readonly QueryTerm[],
  bigrams: readonly string[],
): RankedDocument[] {
  if (terms.length === 0 || index.documentCount === 0) return [];
  const acc: Accumulator = { scratch: scratchFor(index), touchedCount: 0 };
  const maxIdf = index.idf('');
  const unknownWeight = RANK_SETTINGS.unknownWeight * maxIdf;
  const { scratch } = acc;
  let totalWeight = 0;
  terms.forEach(({ term, certainty, share, fallback }, position) => {
    const group = position + 1;
    const countsForCoverage = !term.startsWith(QUESTION_PREFIX);
    const primary = index.postings(term);
    const secondary = fallback ? index.postings(fallback) : undefined;
    if (!primary && !secondary) {
      // A word the index does not know, in the story around the question, is not missing evidence.
      if (countsForCoverage && share === 1) totalWeight += unknownWeight;
      return;
    }
    // Typed "trăm" where the entries only have "trạm": a word they do not know, with a weak
    // folded match, so it is charged no more than an unknown word.
    const idf = primary ? index.idf(term) : Math.min(index.idf(fallback ?? term), unknownWeight);
    // A word of the story around the question counts `share` when an entry has it but only
    // share² when it has not: "công ty em có công đoàn" before a wage question is context,
    // and the wage entry should not look half wrong for lacking "công đoàn".
    if (countsForCoverage) totalWeight += idf * share * share;
    const weight = idf * certainty * share;
    const figure = /\d{3,}|\d\.\d/.test(term);
    // A concept ("thai sản") or an exact figure ("6397.68") is enough evidence on its own.
    const specific = term.startsWith(CONCEPT_PREFIX) || figure;
    const credit: Credit = {
      group,
      score: weight * (countsForCoverage ? 1 : RANK_SETTINGS.questionScore),
      coverage: countsForCoverage ? weight : 0,
      evidence: weight * (countsForCoverage ? 1 : RANK_SETTINGS.questionEvidence),
      matchValue: !countsForCoverage ? 0 : specific ? 2 : 1,
      figure,
      skipStamped: false,
    };
    if (primary) accumulate(acc, primary, credit);
    if (secondary) {
      const other = RANK_SETTINGS.otherAccentCredit;
      accumulate(acc, secondary, {
        ...credit,
        score: credit.score * other,
        coverage: credit.coverage * other,
        evidence: credit.evidence * other,
        // "bão" meeting "báo" is not a second word of evidence beside a real match.
        matchValue: 0,
        skipStamped: true,
      });
    }
  });
  for (const bigram of bigrams) {
    const postings = index.postings(bigram);
    if (!postings) continue;
    const idf = index.idf(bigram) * RANK_SETTINGS.bigramWeight;
    for (let position = 0; position < postings.documents.length; position += 1) {
      const document = postings.documents[position] ?? 0;
      if (scratch.stamp[document] === 0) continue;
      scratch.scores[document] =
        (scratch.scores[document] ?? 0) + idf * (postings.scores[position] ?? 0);
    }
  }
  const pool = topCandidates(scratch, acc.touchedCount, RANK_SETTINGS.candidatePool);
  const bestScore = scratch.scores[pool[0] ?? 0] ?? 0;
  const longCap = RANK_SETTINGS.longCap * maxIdf;
  const { longTail } = RANK_SETTINGS;
  const queryWeight =
    totalWeight <= longCap ? totalWeight : longCap + longTail * (totalWeight - longCap);
  const ranked =
    bestScore > 0 && totalWeight > 0
      ? pool.map((document) => {
          const covered = scratch.covered[document] ?? 0;
          const coverage = Math.min(1, covered / queryWeight);
          const relative = (scratch.scores[document] ?? 0) / bestScore;
          const single =
            (scratch.matched[document] ?? 0) < 2 ? RANK_SETTINGS.singleWordEvidence : 1;
          const support = scratch.evidence[document] ?? 0;
          const evidence = Math.min(1, support / (RANK_SETTINGS.minimumEvidence * maxIdf)) * single;
          return { index: document, confidence: coverage * Math.sqrt(relative) * evidence };
        })
      : [];
  for (let position = 0; position < acc.touchedCount; position += 1) {
    const document = scratch.touched[position] ?? 0;
    scratch.scores[document] = 0;
    scratch.covered[document] = 0;
    scratch.stamp[document] = 0;
    scratch.matched[document] = 0;
    scratch.evidence[document] = 0;
  }
  return ranked.sort((a, b) => b.confidence - a.confidence);
}
