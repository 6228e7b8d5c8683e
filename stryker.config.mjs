// Mutation testing of what must never be wrong: the officer guards and the ticket state
// machine. `npm run mutate` (minutes, not part of `npm test`); the score is in the README.
import { existsSync, readFileSync } from 'node:fs';

const GUARD_FILES = [
  'src/bot/middleware.ts',
  'src/bot/features/help.ts',
  'src/bot/features/knowledge/officer.ts',
  'src/bot/features/notices/deps.ts',
  'src/bot/features/notices/broadcast.ts',
  'src/bot/features/notices/schedules.ts',
  'src/bot/features/tickets/officerActions.ts',
  'src/bot/features/tickets/officer.ts',
  'src/bot/features/tickets/figures.ts',
];

/** Every line that decides whether the sender is an officer, found again on each run. */
function guardLines(file) {
  if (!existsSync(file)) return [];
  const lines = readFileSync(file, 'utf8').split('\n');
  const ranges = [];
  lines.forEach((line, index) => {
    if (/isOfficer|requireOfficer\(ctx\)|officersOnly\(|officerOnly\(/.test(line)) {
      ranges.push(`${file}:${index + 1}-${index + 1}`);
    }
  });
  return ranges;
}

/** The lines of a declaration, from the line that names it to the brace that closes it. */
function functionLines(file, declaration) {
  const lines = existsSync(file) ? readFileSync(file, 'utf8').split('\n') : [];
  const start = lines.findIndex((line) => line.includes(declaration));
  if (start < 0) {
    // Moved or renamed: say so rather than mutate less in silence.
    console.warn(`stryker.config.mjs: "${declaration}" not found in ${file}; not mutated`);
    return [];
  }
  let depth = 0;
  for (let index = start; index < lines.length; index += 1) {
    for (const char of lines[index]) {
      if (char === '{') depth += 1;
      if (char === '}') depth -= 1;
    }
    if (depth === 0 && lines[index].includes('}')) return [`${file}:${start + 1}-${index + 1}`];
  }
  throw new Error(`${file}: "${declaration}" never closes`);
}

export default {
  testRunner: 'vitest',
  vitest: { configFile: 'vitest.mutate.config.ts' },
  checkers: [],
  coverageAnalysis: 'perTest',
  concurrency: 2,
  timeoutMS: 20_000,
  reporters: ['clear-text', 'progress', 'json'],
  jsonReporter: { fileName: 'reports/mutation/mutation.json' },
  thresholds: { high: 100, low: 90, break: null },
  // The lifecycle table is static data; its mutants run against every selected test.
  ignoreStatic: false,
  mutate: [
    ...GUARD_FILES.flatMap(guardLines),
    ...functionLines(
      'src/bot/features/tickets/officerActions.ts',
      'export async function requireOfficer',
    ),
    ...functionLines('src/bot/features/notices/deps.ts', 'export async function requireOfficer'),
    ...functionLines('src/bot/features/knowledge/officer.ts', 'const officersOnly'),
    // The shared officer-only sub-composer, once the dialogues work (#10) lands.
    ...(existsSync('src/bot/officerGuard.ts')
      ? functionLines('src/bot/officerGuard.ts', 'export function officerOnly')
      : []),
    ...functionLines('src/store/tickets/schema.ts', 'export const TRANSITIONS'),
    ...functionLines('src/store/tickets/repository.ts', 'const check = '),
    ...functionLines('src/store/tickets/repository.ts', 'async transition('),
  ],
};
