import Fuse from 'fuse.js';
import { isVietnameseSyllable } from './language.ts';
import { telexCandidates } from './normalize.ts';

export interface Correction {
  token: string;
  /** 1 for a known word; lower the further the correction had to reach. */
  certainty: number;
}

/** Below this length a fuzzy match is more likely a different word than a typo ("ca" vs "cu"). */
const MIN_FUZZY_LENGTH = 4;
/** Fuse score (0 = perfect) above which a suggestion is discarded. */
const MAX_FUZZY_SCORE = 0.34;
const TELEX_CERTAINTY = 0.95;

/**
 * Maps query tokens onto the index vocabulary: exact hits pass through, Telex leftovers are
 * decoded, other unknown words are corrected with fuse.js. Fuse only ever sees one short token
 * against words of a similar length (one Fuse instance per length), which keeps it fast and
 * stops it preferring long words that merely contain the token.
 */
export class SpellingCorrector {
  private readonly vocabulary: ReadonlySet<string>;
  private readonly fuseByLength = new Map<number, Fuse<string>>();

  constructor(vocabulary: Iterable<string>) {
    const words = new Set<string>();
    const byLength = new Map<number, string[]>();
    for (const word of vocabulary) {
      if (words.has(word)) continue;
      words.add(word);
      if (word.length < MIN_FUZZY_LENGTH - 1 || /\d/.test(word)) continue;
      const list = byLength.get(word.length) ?? [];
      list.push(word);
      byLength.set(word.length, list);
    }
    this.vocabulary = words;
    for (const [length, list] of byLength) {
      this.fuseByLength.set(
        length,
        new Fuse(list, { includeScore: true, threshold: MAX_FUZZY_SCORE, ignoreLocation: true }),
      );
    }
  }

  has(token: string): boolean {
    return this.vocabulary.has(token);
  }

  /**
   * Best known spelling of `token`, or null when nothing close enough exists. A word typed with
   * accents that forms a valid Vietnamese syllable is taken as meant ("bóng" is not a typo of
   * "công"), so it is never fuzzy-corrected.
   */
  correct(token: string, marks = ''): Correction | null {
    if (this.vocabulary.has(token) || /^\d/.test(token)) return { token, certainty: 1 };
    if (marks !== '' && isVietnameseSyllable(token)) return null;
    for (const candidate of telexCandidates(token)) {
      if (this.vocabulary.has(candidate)) return { token: candidate, certainty: TELEX_CERTAINTY };
    }
    if (token.length < MIN_FUZZY_LENGTH) return null;
    const decoded = telexCandidates(token)[0];
    const direct = this.fuzzy(token);
    const viaTelex = decoded && decoded.length >= MIN_FUZZY_LENGTH ? this.fuzzy(decoded) : null;
    if (!viaTelex) return direct;
    return !direct || viaTelex.certainty > direct.certainty ? viaTelex : direct;
  }

  private fuzzy(token: string): Correction | null {
    let best: { word: string; cost: number } | null = null;
    for (const length of [token.length, token.length - 1, token.length + 1]) {
      const results = this.fuseByLength.get(length)?.search(token, { limit: 3 }) ?? [];
      for (const result of results) {
        const cost = (result.score ?? 1) + 0.04 * Math.abs(length - token.length);
        if (!best || cost < best.cost) best = { word: result.item, cost };
      }
    }
    if (!best || best.cost > MAX_FUZZY_SCORE) return null;
    return { token: best.word, certainty: Math.max(0.3, 1 - best.cost * 1.5) };
  }
}
