/**
 * A BM25F-style inverted index over already analysed terms. Each document has weighted fields;
 * per (term, document) the saturated, length-normalised frequency is computed once at build time,
 * so a query only sums `idf × precomputed` over the postings of its few terms.
 */

export interface IndexedField {
  terms: readonly string[];
  /** How much a match in this field counts (question phrasings outweigh answer prose). */
  weight: number;
  /** A match here means the document is *about* the term (title, questions), not just mentions it. */
  strong: boolean;
  /** BM25 length normalisation strength for this field. */
  lengthNormalisation: number;
}

export interface Postings {
  documents: Int32Array;
  /** Saturated term frequency tf / (k1 + tf), already field-weighted. */
  scores: Float32Array;
  /** 1 when the term occurs in a strong field of that document. */
  strong: Uint8Array;
}

const K1 = 1.2;

interface PostingBuilder {
  documents: number[];
  frequencies: number[];
  strong: number[];
}

export class InvertedIndex {
  readonly documentCount: number;
  private readonly postingsByTerm = new Map<string, Postings>();
  /** Documents that contain a term only inside a phrase indexed as something else. */
  private readonly mentionsByTerm = new Map<string, number>();

  /**
   * `mentions[d]`: words document d contains but does not index (they are part of a phrase it
   * indexes as a concept). They never match; they only make the word's idf honest: "xu ly" is in
   * every wastewater entry as part of "xử lý nước thải", so an unaccented "xu ly" is not rare.
   */
  constructor(
    documents: readonly (readonly IndexedField[])[],
    mentions: readonly (readonly string[])[] = [],
  ) {
    this.documentCount = documents.length;
    const fieldCount = Math.max(0, ...documents.map((fields) => fields.length));
    const averageLengths = Array.from({ length: fieldCount }, (_, fieldIndex) => {
      const total = documents.reduce(
        (sum, fields) => sum + (fields[fieldIndex]?.terms.length ?? 0),
        0,
      );
      return Math.max(1, total / Math.max(1, documents.length));
    });
    const builders = new Map<string, PostingBuilder>();
    for (const [documentIndex, fields] of documents.entries()) {
      const frequencies = new Map<string, { frequency: number; strong: boolean }>();
      for (const [fieldIndex, field] of fields.entries()) {
        const averageLength = averageLengths[fieldIndex] ?? 1;
        const b = field.lengthNormalisation;
        const norm = 1 - b + (b * field.terms.length) / averageLength;
        const increment = field.weight / norm;
        for (const term of field.terms) {
          const current = frequencies.get(term) ?? { frequency: 0, strong: false };
          current.frequency += increment;
          current.strong ||= field.strong;
          frequencies.set(term, current);
        }
      }
      for (const word of new Set(mentions[documentIndex] ?? [])) {
        if (!frequencies.has(word)) {
          this.mentionsByTerm.set(word, (this.mentionsByTerm.get(word) ?? 0) + 1);
        }
      }
      for (const [term, { frequency, strong }] of frequencies) {
        let builder = builders.get(term);
        if (!builder) {
          builder = { documents: [], frequencies: [], strong: [] };
          builders.set(term, builder);
        }
        builder.documents.push(documentIndex);
        builder.frequencies.push(frequency / (K1 + frequency));
        builder.strong.push(strong ? 1 : 0);
      }
    }
    for (const [term, builder] of builders) {
      this.postingsByTerm.set(term, {
        documents: Int32Array.from(builder.documents),
        scores: Float32Array.from(builder.frequencies),
        strong: Uint8Array.from(builder.strong),
      });
    }
  }

  postings(term: string): Postings | undefined {
    return this.postingsByTerm.get(term);
  }

  /** BM25 inverse document frequency; a term absent from the index gets the highest value. */
  idf(term: string): number {
    const documentFrequency =
      (this.postingsByTerm.get(term)?.documents.length ?? 0) + (this.mentionsByTerm.get(term) ?? 0);
    const n = this.documentCount;
    return Math.log(1 + (n - documentFrequency + 0.5) / (documentFrequency + 0.5));
  }

  terms(): IterableIterator<string> {
    return this.postingsByTerm.keys();
  }
}
