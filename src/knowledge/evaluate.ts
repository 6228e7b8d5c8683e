/**
 * Scores a knowledge base against a labelled query set (test/knowledge/eval-set.json). Shared by
 * the eval test and `npm run bench:kb` so both report the same numbers.
 */
import { z } from 'zod';
import type { KnowledgeBase } from './index.ts';

export const QUERY_KINDS = [
  'accented',
  'unaccented',
  'typo',
  'english',
  'paraphrase',
  'out_of_scope',
] as const;
export type QueryKind = (typeof QUERY_KINDS)[number];

export const evalSetSchema = z.array(
  z.object({
    query: z.string().min(1),
    kind: z.enum(QUERY_KINDS),
    expected: z.string().min(1).nullable(),
  }),
);
export type EvalCase = z.infer<typeof evalSetSchema>[number];

export interface EvalFailure {
  query: string;
  kind: QueryKind;
  expected: string | null;
  /** Top hit id, `excerpt:<passage id>` for a report excerpt, or null for no answer. */
  got: string | null;
  confidence: number;
}

export interface EvalReport {
  byKind: Record<QueryKind, { total: number; correct: number }>;
  /** Share of in-scope queries whose top hit is the expected entry. */
  inScopeAccuracy: number;
  /** Share of out-of-scope queries that got neither a hit nor an excerpt. */
  outOfScopeRejection: number;
  failures: EvalFailure[];
}

/** Runs every case; an out-of-scope query only counts as rejected when nothing is offered. */
export function evaluate(kb: KnowledgeBase, cases: readonly EvalCase[]): EvalReport {
  const byKind = Object.fromEntries(
    QUERY_KINDS.map((kind) => [kind, { total: 0, correct: 0 }]),
  ) as EvalReport['byKind'];
  const failures: EvalFailure[] = [];
  for (const testCase of cases) {
    const outcome = kb.search(testCase.query);
    const top = outcome.hits[0];
    const got = top
      ? top.entry.id
      : outcome.excerpt
        ? `excerpt:${outcome.excerpt.passage.id}`
        : null;
    const correct = got === testCase.expected;
    const tally = byKind[testCase.kind];
    tally.total += 1;
    if (correct) tally.correct += 1;
    else {
      const confidence = top?.confidence ?? outcome.excerpt?.confidence ?? 0;
      failures.push({ ...testCase, got, confidence });
    }
  }
  const ratio = (correct: number, total: number): number => (total === 0 ? 1 : correct / total);
  const inScope = QUERY_KINDS.filter((kind) => kind !== 'out_of_scope').map((kind) => byKind[kind]);
  const inScopeCorrect = inScope.reduce((sum, tally) => sum + tally.correct, 0);
  const inScopeTotal = inScope.reduce((sum, tally) => sum + tally.total, 0);
  return {
    byKind,
    inScopeAccuracy: ratio(inScopeCorrect, inScopeTotal),
    outOfScopeRejection: ratio(byKind.out_of_scope.correct, byKind.out_of_scope.total),
    failures,
  };
}

/** A fixed-width table of accuracy per kind, for test failures and the bench. */
export function formatKindTable(report: EvalReport): string {
  const rows = QUERY_KINDS.map((kind) => {
    const { total, correct } = report.byKind[kind];
    const share = total === 0 ? '   n/a' : `${((100 * correct) / total).toFixed(1).padStart(5)}%`;
    return `${kind.padEnd(13)} ${String(correct).padStart(4)}/${String(total).padEnd(4)} ${share}`;
  });
  return ['kind           right/total  accuracy', ...rows].join('\n');
}
