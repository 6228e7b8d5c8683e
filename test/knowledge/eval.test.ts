import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  type EvalReport,
  evalSetSchema,
  evaluate,
  formatKindTable,
} from '../../src/knowledge/evaluate.ts';
import { loadKnowledgeBase } from '../../src/knowledge/index.ts';
import { SHIPPED } from './helpers.ts';

const EVAL_SET = fileURLToPath(new URL('./eval-set.json', import.meta.url));

let report: EvalReport;

function explain(): string {
  const failures = report.failures
    .map(
      (f) =>
        `  [${f.kind}] ${f.query} → expected ${f.expected}, got ${f.got} (${f.confidence.toFixed(2)})`,
    )
    .join('\n');
  return `\n${formatKindTable(report)}\nFailures:\n${failures}`;
}

beforeAll(async () => {
  const kb = await loadKnowledgeBase(SHIPPED);
  const cases = evalSetSchema.parse(JSON.parse(await readFile(EVAL_SET, 'utf8')));
  report = evaluate(kb, cases);
});

describe('shipped knowledge base on the labelled eval set', () => {
  it('answers at least 90 % of in-scope queries with the expected entry first', () => {
    expect(report.inScopeAccuracy, explain()).toBeGreaterThanOrEqual(0.9);
  });

  it('gives no answer to at least 85 % of out-of-scope queries', () => {
    expect(report.outOfScopeRejection, explain()).toBeGreaterThanOrEqual(0.85);
  });
});
