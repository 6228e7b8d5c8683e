import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

/**
 * Prints the README's mutation table from the last `npm run mutate`
 * (reports/mutation/mutation.json, or the two halves a `MUTATE=guards` and a `MUTATE=machine`
 * run write), and every mutant that was not killed, so the figures in the README are read off
 * the report rather than copied by hand. Reports named as arguments are read instead.
 *
 * Only mutants on the lines stryker.config.mjs mutates today are counted: an incremental run
 * keeps old results for lines no longer mutated (a check since removed), which say nothing
 * about the code as it is. How many were left out is printed.
 */

interface Mutant {
  mutatorName: string;
  replacement?: string;
  status: string;
  location: { start: { line: number }; end: { line: number } };
}
interface Report {
  files: Record<string, { mutants: Mutant[] }>;
}

const STATE_MACHINE = [
  'src/store/tickets/schema.ts',
  'src/store/tickets/repository.ts',
  'src/store/tickets/changes.ts',
];
const WHOLE = 'reports/mutation/mutation.json';
const HALVES = ['reports/mutation/mutation-guards.json', 'reports/mutation/mutation-machine.json'];
const named = process.argv.slice(2);
const files = named.length > 0 ? named : existsSync(WHOLE) ? [WHOLE] : HALVES.filter(existsSync);
if (files.length === 0) throw new Error(`no mutation report: run npm run mutate first (${WHOLE})`);
console.log(`from ${files.join(' and ')}`);
const configUrl = pathToFileURL(resolve('stryker.config.mjs')).href;
const config = (await import(configUrl)) as { default: { mutate: string[] } };
/** Today's mutated ranges, as `file:first-last` in stryker.config.mjs. */
const ranges = config.default.mutate.map((range) => {
  const [, file = '', first = '0', last = '0'] = /^(.*):(\d+)-(\d+)$/.exec(range) ?? [];
  return { file, first: Number(first), last: Number(last) };
});
const mutatedToday = (name: string, m: Mutant) =>
  ranges.some(
    (r) =>
      name.endsWith(r.file) && r.first <= m.location.start.line && m.location.end.line <= r.last,
  );
let leftOut = 0;
const entries = files.flatMap((file) =>
  Object.entries((JSON.parse(readFileSync(file, 'utf8')) as Report).files).flatMap(
    ([name, f]): [string, { mutants: Mutant[] }][] => {
      const mutants = f.mutants.filter((m) => mutatedToday(name, m));
      leftOut += f.mutants.length - mutants.length;
      return mutants.length > 0 ? [[name, { mutants }]] : [];
    },
  ),
);
if (leftOut > 0) console.log(`${leftOut} results for lines no longer mutated left out`);

function row(label: string, chosen: [string, { mutants: Mutant[] }][]) {
  const mutants = chosen.flatMap(([, f]) => f.mutants);
  const count = (status: string) => mutants.filter((m) => m.status === status).length;
  const killed = count('Killed');
  const timedOut = count('Timeout');
  const valid = mutants.filter(
    (m) => !['Ignored', 'CompileError', 'RuntimeError'].includes(m.status),
  );
  if (valid.length === 0) {
    console.log(`| ${label} | not in this report | | | | | |`);
    return;
  }
  const score = ((killed + timedOut) / valid.length) * 100;
  const cells = [
    label,
    String(valid.length),
    String(killed),
    String(timedOut),
    String(count('Survived')),
    String(count('NoCoverage')),
    `${score.toFixed(1)} %`,
  ];
  console.log(`| ${cells.join(' | ')} |`);
}

const guards = entries.filter(([name]) => !STATE_MACHINE.some((s) => name.endsWith(s)));
const machine = entries.filter(([name]) => STATE_MACHINE.some((s) => name.endsWith(s)));
console.log('| mutated | mutants | killed | timed out | survived | no coverage | score |');
console.log('| --- | --- | --- | --- | --- | --- | --- |');
row(`officer guards (${guards.length} files)`, guards);
row('ticket state machine', machine);
row('all', entries);
console.log('');
for (const [name, f] of entries) {
  for (const m of f.mutants) {
    if (m.status === 'Killed' || m.status === 'Timeout') continue;
    const line = m.location.start.line;
    const replacement = (m.replacement ?? '').replace(/\s+/g, ' ').slice(0, 80);
    console.log(`${m.status.padEnd(10)} ${name}:${line} ${m.mutatorName} -> ${replacement}`);
  }
}
