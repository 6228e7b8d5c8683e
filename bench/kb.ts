/**
 * `npm run bench:kb`: accuracy on the labelled eval set, search latency, index build time and
 * heap used by the index — for the shipped base and for a generated 10,000-entry base.
 */
import { existsSync, readFileSync } from 'node:fs';
import { availableParallelism, loadavg } from 'node:os';
import { fileURLToPath } from 'node:url';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import {
  type EvalCase,
  type EvalReport,
  evalSetSchema,
  evaluate,
  formatKindTable,
  SPLITS,
  type Tally,
} from '../src/knowledge/evaluate.ts';
import { buildKnowledgeBase, type Entry, type KnowledgeBase } from '../src/knowledge/index.ts';
import { type LoadedKnowledge, loadKnowledge } from '../src/knowledge/loader.ts';
import { SEARCH_SETTINGS } from '../src/knowledge/search.ts';

const root = (path: string): string => fileURLToPath(new URL(`../${path}`, import.meta.url));
const PATHS = {
  knowledgeDir: root('data/knowledge'),
  sourceFile: root('data/source/bao-cao-20-nam-kcn-bac-ninh-2018.txt'),
  contactsFile: root('data/contacts/contacts.yaml'),
};
const EVAL_SET = root('test/knowledge/eval-set.json');
const GENERATED_SIZE = 10_000;
const TARGET_P99_MS = { shipped: 5, generated: 20 };
const TARGET_BUILD_MS = 1000;
/** Why the shipped cut-off is above the calibrated one (printed when it is). */
const SHIPPED_ABOVE_CALIBRATED =
  'below 0.52 a list nobody keeps ("danh sách doanh nghiệp Hàn Quốc trong KCN Quế Võ", a bot test) ' +
  'is answered with the park count; the dev gain between them is 2 queries';

setFlagsFromString('--expose-gc');
const collectGarbage = runInNewContext('gc') as () => void;

/** JS heap plus typed-array backing stores (the postings live there). */
function memoryUsedAfterGc(): number {
  collectGarbage();
  collectGarbage();
  const usage = process.memoryUsage();
  return usage.heapUsed + usage.arrayBuffers;
}

/** Deterministic PRNG (mulberry32) so every run generates the same base. */
function randomGenerator(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * Realistic filler entries: titles, questions and answers are word windows cut from the report
 * (Vietnamese) and from the curated English answers, so term statistics resemble real data.
 */
function generateEntries(loaded: LoadedKnowledge, count: number): Entry[] {
  const random = randomGenerator(20180828);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)] as T;
  const viSentences = loaded.report.passages.map((passage) => passage.text.split(/\s+/));
  const enSentences = loaded.entries.map((entry) => entry.answer.en.split(/\s+/));
  const window = (sentences: readonly string[][], min: number, max: number): string => {
    const words = pick(sentences);
    const length = Math.min(words.length, min + Math.floor(random() * (max - min + 1)));
    const start = Math.floor(random() * Math.max(1, words.length - length + 1));
    return words.slice(start, start + length).join(' ');
  };
  const entries: Entry[] = [...loaded.entries];
  for (let index = entries.length; index < count; index += 1) {
    const template = pick(loaded.entries);
    entries.push({
      ...template,
      id: `generated-${index}`,
      title: { vi: window(viSentences, 4, 8), en: window(enSentences, 3, 7) },
      questions: {
        vi: [`${window(viSentences, 3, 7)} là gì?`, `${window(viSentences, 3, 7)} bao nhiêu?`],
        en: [`What about ${window(enSentences, 3, 6)}?`, `${window(enSentences, 3, 6)}?`],
      },
      answer: { vi: pick(viSentences).join(' '), en: window(enSentences, 15, 40) },
      related: [],
    });
  }
  return entries;
}

interface BuildResult {
  kb: KnowledgeBase;
  buildMs: number;
  /** CPU time of the build: on a machine shared with other work, wall time mostly measures them. */
  buildCpuMs: number;
  heapBytes: number;
}

function timedBuild(loaded: LoadedKnowledge, entries: Entry[]): BuildResult {
  const input = {
    entries,
    topics: loaded.topics,
    passages: loaded.report.passages,
    contacts: loaded.contacts,
  };
  const before = memoryUsedAfterGc();
  const started = performance.now();
  const cpuBefore = process.cpuUsage();
  const kb = buildKnowledgeBase(input);
  const cpu = process.cpuUsage(cpuBefore);
  const buildMs = performance.now() - started;
  const buildCpuMs = (cpu.user + cpu.system) / 1000;
  const heapBytes = memoryUsedAfterGc() - before;
  return { kb, buildMs, buildCpuMs, heapBytes };
}

function percentile(sorted: readonly number[], share: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor(share * sorted.length))] ?? Number.NaN;
}

/**
 * Wall and CPU time per search. On the shared machine the wall p99 mostly measures waiting for a
 * core (other engineers' test runs); the CPU p99 is what the search itself costs.
 */
function measureLatency(kb: KnowledgeBase, queries: readonly string[], passes: number) {
  for (let pass = 0; pass < 3; pass += 1) for (const query of queries) kb.search(query);
  const wall: number[] = [];
  const cpu: number[] = [];
  for (let pass = 0; pass < passes; pass += 1) {
    for (const query of queries) {
      const cpuBefore = process.cpuUsage();
      const started = performance.now();
      kb.search(query);
      wall.push(performance.now() - started);
      const used = process.cpuUsage(cpuBefore);
      cpu.push((used.user + used.system) / 1000);
    }
  }
  wall.sort((a, b) => a - b);
  cpu.sort((a, b) => a - b);
  return {
    p50: percentile(wall, 0.5),
    p99: percentile(wall, 0.99),
    cpuP99: percentile(cpu, 0.99),
    count: wall.length,
  };
}

function report(
  label: string,
  build: BuildResult,
  queries: string[],
  passes: number,
  target: number,
) {
  const latency = measureLatency(build.kb, queries, passes);
  const met = latency.p99 <= target ? 'MET' : 'NOT MET';
  const cpuMet = latency.cpuP99 <= target ? 'MET' : 'NOT MET';
  console.log(`\n== ${label}: ${build.kb.entries.length} entries ==`);
  const verdict =
    build.kb.entries.length <= GENERATED_SIZE / 10
      ? ` (target < ${TARGET_BUILD_MS} ms: ${build.buildMs < TARGET_BUILD_MS ? 'MET' : 'NOT MET'})`
      : '';
  console.log(
    `index build time: ${build.buildMs.toFixed(1)} ms wall, ${build.buildCpuMs.toFixed(1)} ms CPU${verdict}; ` +
      `load average ${loadavg()[0]?.toFixed(2)} on ${availableParallelism()} cores`,
  );
  console.log(
    `memory used by the index (heap + typed arrays): ${(build.heapBytes / 1024 / 1024).toFixed(1)} MiB`,
  );
  console.log(
    `search latency over ${latency.count} searches: p50 ${latency.p50.toFixed(3)} ms, ` +
      `p99 ${latency.p99.toFixed(3)} ms (target p99 ≤ ${target} ms: ${met}); ` +
      `CPU time p99 ${latency.cpuP99.toFixed(3)} ms (${cpuMet})`,
  );
}

const pct = (part: number, whole: number): number => (whole === 0 ? 1 : part / whole);
const fmt = (value: number): string => `${(100 * value).toFixed(1)}%`;

/** The targets, checked on one split. */
function targets(report: EvalReport, split: 'dev' | 'test'): void {
  const totals = report.bySplit[split];
  const rows: [string, number, number][] = [
    ['in-scope top-1', pct(totals.inScope.top1, totals.inScope.total), 0.92],
    [
      'unanswerable + off-topic declined or honestly redirected',
      pct(totals.declinable.declinedOrRedirected, totals.declinable.total),
      0.92,
    ],
    ['shown answers right (all kinds)', pct(totals.all.shownRight, totals.all.shown), 0.95],
    [
      'grievances offered a complaint',
      pct(totals.grievance.complaint, totals.grievance.total),
      0.95,
    ],
    ['small talk handled', pct(totals.smallTalk.smallTalk, totals.smallTalk.total), 1],
  ];
  for (const [label, value, target] of rows) {
    const met = value >= target ? 'MET' : 'NOT MET';
    console.log(`${label}: ${fmt(value)} (target ≥ ${fmt(target)}: ${met})`);
  }
}

function accuracy(label: string, kb: KnowledgeBase, cases: readonly EvalCase[]): EvalReport {
  const result = evaluate(kb, cases);
  for (const split of SPLITS) {
    const n = cases.filter((c) => c.split === split).length;
    console.log(`\n== ${label}: ${split} split (${n} queries) ==`);
    console.log(formatKindTable(result, split));
    targets(result, split);
  }
  return result;
}

/**
 * Chooses the cut-off on dev only: the lowest threshold at which answers shown on dev are right
 * at least 95 % of the time (lower thresholds answer more; higher ones decline more).
 */
function calibrate(kb: KnowledgeBase, cases: readonly EvalCase[]): void {
  const dev = cases.filter((c) => c.split === 'dev');
  console.log('\n== confidence threshold, calibrated on dev only ==');
  console.log('threshold  dev shown-right  dev in-scope top-1  dev declinable declined');
  let chosen: number | null = null;
  for (let step = 40; step <= 80; step += 2) {
    const threshold = step / 100;
    const totals = evaluate(kb, dev, threshold).bySplit.dev;
    const precision = pct(totals.all.shownRight, totals.all.shown);
    const line = (t: Tally) => fmt(pct(t.top1, t.total));
    console.log(
      `${threshold.toFixed(2).padStart(9)}  ${fmt(precision).padStart(15)}  ${line(totals.inScope).padStart(18)}  ` +
        `${fmt(pct(totals.declinable.declinedOrRedirected, totals.declinable.total)).padStart(24)}`,
    );
    if (chosen === null && precision >= 0.95) chosen = threshold;
  }
  const shipped = SEARCH_SETTINGS.entryThreshold;
  const atShipped = evaluate(kb, dev, shipped).bySplit.dev.all;
  const shippedPrecision = pct(atShipped.shownRight, atShipped.shown);
  // Shipping above the calibrated cut-off is allowed (it only declines more), never below it.
  const agrees =
    chosen !== null && shipped >= chosen - 1e-9 && shippedPrecision >= 0.95 ? 'MET' : 'NOT MET';
  console.log(
    `calibrated threshold: ${chosen ?? 'none'} = the lowest cut-off at which answers shown on dev ` +
      'are right ≥ 95% (a lower one shows more wrong answers, a higher one declines questions ' +
      `it answers right); shipped threshold ${shipped}, dev shown right ${fmt(shippedPrecision)} ` +
      `(not below the calibrated one, shown answers right ≥ 95%: ${agrees})`,
  );
  if (chosen !== null && shipped > chosen + 1e-9) {
    console.log(`  shipped above the calibrated cut-off: ${SHIPPED_ABOVE_CALIBRATED}`);
  }
}

async function main(): Promise<void> {
  const loaded = await loadKnowledge(PATHS);
  const cases = existsSync(EVAL_SET)
    ? evalSetSchema.parse(JSON.parse(readFileSync(EVAL_SET, 'utf8'))).cases
    : [];
  const queries =
    cases.length > 0 ? cases.map((c) => c.query) : loaded.entries.flatMap((e) => e.questions.vi);
  const shipped = timedBuild(loaded, loaded.entries);
  if (cases.length > 0) {
    accuracy('shipped base', shipped.kb, cases);
    calibrate(shipped.kb, cases);
  } else
    console.log('No test/knowledge/eval-set.json: accuracy skipped, timing uses entry questions.');
  report('shipped base', shipped, queries, 50, TARGET_P99_MS.shipped);
  const generated = timedBuild(loaded, generateEntries(loaded, GENERATED_SIZE));
  report('generated base', generated, queries, 5, TARGET_P99_MS.generated);
  if (cases.length > 0) {
    const inside = evaluate(generated.kb, cases).bySplit.test.inScope;
    console.log(
      `\nshipped entries inside the generated 10,000-entry base: test in-scope top-1 ${fmt(pct(inside.top1, inside.total))}`,
    );
  }
}

await main();
