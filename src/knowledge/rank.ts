/**
 * Scores documents of an {@link InvertedIndex} for analysed query terms and turns the score into
 * a confidence. Accumulators are typed arrays reused between queries: at 10,000 entries a common
 * term touches every document, and Map-based accumulation measured ~4× slower.
 */
import { QUESTION_PREFIX } from './analyze.ts';
import type { InvertedIndex } from './inverted-index.ts';

export interface QueryTerm {
  term: string;
  /** 1 for a typed word; lower when spelling correction produced it. */
  certainty: number;
}

export interface RankedDocument {
  index: number;
  confidence: number;
}

export const RANK_SETTINGS = {
  /** A term found only in the answer text counts this much towards coverage. */
  answerOnlyCredit: 0.6,
  bigramWeight: 0.5,
  /** Documents (by BM25 score) that get a confidence computed. */
  candidatePool: 20,
} as const;

interface Scratch {
  scores: Float64Array;
  covered: Float64Array;
  touched: Int32Array;
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

/**
 * BM25F score plus idf-weighted coverage of the query's topic terms for every matching
 * document. Confidence = coverage × √(score / best score): full coverage by the best-scoring
 * entry gives 1; an entry that covers the query but ranks lower is discounted.
 */
export function rank(
  index: InvertedIndex,
  terms: readonly QueryTerm[],
  bigrams: readonly string[],
): RankedDocument[] {
  if (terms.length === 0 || index.documentCount === 0) return [];
  const scratch = scratchFor(index);
  let touchedCount = 0;
  let totalWeight = 0;
  for (const { term, certainty } of terms) {
    const idf = index.idf(term);
    const countsForCoverage = !term.startsWith(QUESTION_PREFIX);
    if (countsForCoverage) totalWeight += idf;
    const postings = index.postings(term);
    if (!postings) continue;
    const coverageWeight = countsForCoverage ? idf * certainty : 0;
    for (let position = 0; position < postings.documents.length; position += 1) {
      const document = postings.documents[position] ?? 0;
      if (scratch.scores[document] === 0) {
        scratch.touched[touchedCount] = document;
        touchedCount += 1;
      }
      const credit = postings.strong[position] ? 1 : RANK_SETTINGS.answerOnlyCredit;
      scratch.scores[document] =
        (scratch.scores[document] ?? 0) + idf * certainty * (postings.scores[position] ?? 0);
      scratch.covered[document] = (scratch.covered[document] ?? 0) + coverageWeight * credit;
    }
  }
  for (const bigram of bigrams) {
    const postings = index.postings(bigram);
    if (!postings) continue;
    const idf = index.idf(bigram) * RANK_SETTINGS.bigramWeight;
    for (let position = 0; position < postings.documents.length; position += 1) {
      const document = postings.documents[position] ?? 0;
      if (scratch.scores[document] === 0) continue;
      scratch.scores[document] =
        (scratch.scores[document] ?? 0) + idf * (postings.scores[position] ?? 0);
    }
  }
  const pool = topCandidates(scratch, touchedCount, RANK_SETTINGS.candidatePool);
  const bestScore = scratch.scores[pool[0] ?? 0] ?? 0;
  const ranked =
    bestScore > 0 && totalWeight > 0
      ? pool.map((document) => {
          const coverage = Math.min(1, (scratch.covered[document] ?? 0) / totalWeight);
          const relative = (scratch.scores[document] ?? 0) / bestScore;
          return { index: document, confidence: coverage * Math.sqrt(relative) };
        })
      : [];
  for (let position = 0; position < touchedCount; position += 1) {
    const document = scratch.touched[position] ?? 0;
    scratch.scores[document] = 0;
    scratch.covered[document] = 0;
  }
  return ranked.sort((a, b) => b.confidence - a.confidence);
}
