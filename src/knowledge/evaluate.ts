/**
 * Scores a knowledge base against the labelled query set (test/knowledge/eval-set.json), per
 * split and kind. Shared by the eval test and `npm run bench:kb` so both report the same numbers.
 */
import { z } from 'zod';
import type { KnowledgeBase, SearchOutcome } from './index.ts';
import { replyActions } from './reply-plan.ts';

export const QUERY_KINDS = [
  'paraphrase',
  'unaccented',
  'teencode',
  'typo',
  'english',
  'mixed',
  'long',
  'grievance',
  'unanswerable',
  'offtopic',
  'smalltalk',
] as const;
export type QueryKind = (typeof QUERY_KINDS)[number];
/** Kinds whose query has an entry that answers it: they count for in-scope top-1. */
export const IN_SCOPE_KINDS: readonly QueryKind[] = [
  'paraphrase',
  'unaccented',
  'teencode',
  'typo',
  'english',
  'mixed',
  'long',
];
export const SPLITS = ['dev', 'test'] as const;
export type Split = (typeof SPLITS)[number];

const caseSchema = z.object({
  split: z.enum(SPLITS),
  kind: z.enum(QUERY_KINDS),
  query: z.string().min(1),
  expected: z.string().min(1).nullable(),
  accept: z.array(z.string()).optional(),
});
export const evalSetSchema = z.object({
  header: z.record(z.string(), z.string()),
  cases: z.array(caseSchema),
});
export type EvalCase = z.infer<typeof caseSchema>;

/** What happened to one query. */
export interface CaseResult {
  testCase: EvalCase;
  /** Ids of the entries shown, best first (empty when declined). */
  shown: string[];
  confidence: number;
  intent: SearchOutcome['intent'];
  complaintOffered: boolean;
  /** Nothing shown: no entry and no report excerpt. */
  declined: boolean;
  /** Something shown and it is the expected entry or an accepted honest redirect. */
  shownRight: boolean;
}

export interface Tally {
  total: number;
  top1: number;
  top3: number;
  declined: number;
  shown: number;
  shownRight: number;
  complaint: number;
  smallTalk: number;
  /** Declined, or shown only an accepted honest redirect (unanswerable and off-topic). */
  declinedOrRedirected: number;
}

const emptyTally = (): Tally => ({
  total: 0,
  top1: 0,
  top3: 0,
  declined: 0,
  shown: 0,
  shownRight: 0,
  complaint: 0,
  smallTalk: 0,
  declinedOrRedirected: 0,
});

/** Runs one case; `threshold` overrides the shipped confidence cut-off (for calibration). */
export function runCase(kb: KnowledgeBase, testCase: EvalCase, threshold?: number): CaseResult {
  const outcome = kb.search(testCase.query, { limit: 3, threshold });
  const shown = outcome.hits.map((hit) => hit.entry.id);
  if (shown.length === 0 && outcome.excerpt) shown.push(`excerpt:${outcome.excerpt.passage.id}`);
  const top = shown[0];
  const acceptable = new Set([
    ...(testCase.accept ?? []),
    ...(testCase.expected ? [testCase.expected] : []),
  ]);
  const actions = replyActions(
    { intent: outcome.intent, entry: outcome.hits[0]?.entry ?? null },
    null,
  );
  return {
    testCase,
    shown,
    confidence: outcome.hits[0]?.confidence ?? outcome.excerpt?.confidence ?? 0,
    intent: outcome.intent,
    complaintOffered:
      actions.includes('complaint') || outcome.hits[0]?.entry.action === 'complaint',
    declined: top === undefined,
    shownRight: top !== undefined && acceptable.has(top),
  };
}

/** Adds one result to a tally. */
export function addTo(tally: Tally, result: CaseResult): void {
  const { testCase } = result;
  tally.total += 1;
  if (testCase.expected && result.shown[0] === testCase.expected) tally.top1 += 1;
  if (testCase.expected && result.shown.includes(testCase.expected)) tally.top3 += 1;
  if (result.declined) tally.declined += 1;
  else tally.shown += 1;
  if (result.shownRight) tally.shownRight += 1;
  if (result.complaintOffered) tally.complaint += 1;
  if (result.intent === 'smalltalk') tally.smallTalk += 1;
  if (result.declined || result.shownRight) tally.declinedOrRedirected += 1;
}

export interface EvalReport {
  results: CaseResult[];
  byKind: Record<Split, Record<QueryKind, Tally>>;
  bySplit: Record<
    Split,
    { inScope: Tally; declinable: Tally; all: Tally; grievance: Tally; smallTalk: Tally }
  >;
}

/** Evaluates every case of the set (both splits). */
export function evaluate(
  kb: KnowledgeBase,
  cases: readonly EvalCase[],
  threshold?: number,
): EvalReport {
  const byKind = Object.fromEntries(
    SPLITS.map((split) => [split, Object.fromEntries(QUERY_KINDS.map((k) => [k, emptyTally()]))]),
  ) as EvalReport['byKind'];
  const bySplit = Object.fromEntries(
    SPLITS.map((split) => [
      split,
      {
        inScope: emptyTally(),
        declinable: emptyTally(),
        all: emptyTally(),
        grievance: emptyTally(),
        smallTalk: emptyTally(),
      },
    ]),
  ) as EvalReport['bySplit'];
  const results = cases.map((testCase) => runCase(kb, testCase, threshold));
  for (const result of results) {
    const { split, kind } = result.testCase;
    addTo(byKind[split][kind], result);
    const totals = bySplit[split];
    addTo(totals.all, result);
    if (IN_SCOPE_KINDS.includes(kind)) addTo(totals.inScope, result);
    if (kind === 'unanswerable' || kind === 'offtopic') addTo(totals.declinable, result);
    if (kind === 'grievance') addTo(totals.grievance, result);
    if (kind === 'smalltalk') addTo(totals.smallTalk, result);
  }
  return { results, byKind, bySplit };
}

const share = (part: number, whole: number): string =>
  whole === 0 ? '   n/a' : `${((100 * part) / whole).toFixed(1).padStart(5)}%`;

/** One fixed-width table per split: kind, n, top-1, top-3, declined, shown right, complaint. */
export function formatKindTable(report: EvalReport, split: Split): string {
  const header = `${'kind'.padEnd(13)}    n   top-1   top-3  declined  shown-right(n)  complaint`;
  const rows = QUERY_KINDS.map((kind) => {
    const t = report.byKind[split][kind];
    if (t.total === 0) return null;
    const expectsEntry = IN_SCOPE_KINDS.includes(kind) || kind === 'grievance';
    return [
      kind.padEnd(13),
      String(t.total).padStart(4),
      expectsEntry ? share(t.top1, t.total) : '     -',
      expectsEntry ? share(t.top3, t.total) : '     -',
      share(t.declined, t.total).padStart(9),
      `${share(t.shownRight, t.shown)} (${t.shown})`.padStart(15),
      share(t.complaint, t.total).padStart(10),
    ].join(' ');
  }).filter((row): row is string => row !== null);
  return [header, ...rows].join('\n');
}
