// Mutation testing of what must never be wrong: the officer guards and the ticket state
// machine. `npm run mutate` (minutes, not part of `npm test`); the score is in the README.
import { existsSync, readFileSync } from 'node:fs';

/** Files with lines that decide whether the sender (or a named user) is an officer. */
const GUARD_FILES = [
  'src/bot/middleware.ts',
  'src/bot/context.ts',
  'src/bot/features/help.ts',
  'src/bot/features/start.ts',
  'src/bot/features/knowledge/officer.ts',
  'src/bot/features/notices/deps.ts',
  'src/bot/features/notices/broadcast.ts',
  'src/bot/features/notices/schedules.ts',
  'src/bot/features/notices/subscriptions.ts',
  'src/bot/features/tickets/officerActions.ts',
  'src/bot/features/tickets/officer.ts',
  'src/bot/features/tickets/officerReply.ts',
  'src/bot/features/tickets/figures.ts',
  'src/bot/features/tickets/thread.ts',
  'src/bot/features/desk/composer.ts',
  'src/bot/features/desk/assign.ts',
  'src/web/dashboard/initData.ts',
  // Officer dialogue steps (`audience: 'officer'`) and the dispatcher's check, from #10 on.
  'src/bot/dialogueStep.ts',
  'src/bot/features/dialogue.ts',
  'src/bot/features/desk/faq.ts',
  'src/bot/features/notices/steps.ts',
];

/** A line that checks for an officer: the flag, the checks and guards, or the id list itself. */
const GUARD_LINE =
  /isOfficer|requireOfficer\(ctx\)|officersOnly\(|officerOnly[(:]|refuseNonOfficer\(|officerIds|OFFICER_IDS\.includes|^\s*audience: 'officer',\s*$/;

/** Every line that decides whether the sender is an officer, found again on each run. */
function guardLines(file) {
  if (!existsSync(file)) return [];
  const lines = readFileSync(file, 'utf8').split('\n');
  const ranges = [];
  lines.forEach((line, index) => {
    if (GUARD_LINE.test(line)) ranges.push(`${file}:${index + 1}-${index + 1}`);
  });
  return ranges;
}

/** The lines that contain one of `markers`, each of which must be found. */
function linesWith(file, markers) {
  const lines = existsSync(file) ? readFileSync(file, 'utf8').split('\n') : [];
  return markers.flatMap((marker) => {
    const index = lines.findIndex((line) => line.includes(marker));
    if (index < 0) {
      console.warn(`stryker.config.mjs: "${marker}" not found in ${file}; not mutated`);
      return [];
    }
    return [`${file}:${index + 1}-${index + 1}`];
  });
}

/**
 * The lines of a block, from the line that contains `marker` to the `close` that balances the
 * first `open` on or after it: a declaration's braces, or a call's parentheses.
 */
function blockLines(file, marker, open = '{', close = '}') {
  const lines = existsSync(file) ? readFileSync(file, 'utf8').split('\n') : [];
  const start = lines.findIndex((line) => line.includes(marker));
  if (start < 0) {
    // Moved or renamed: say so rather than mutate less in silence.
    console.warn(`stryker.config.mjs: "${marker}" not found in ${file}; not mutated`);
    return [];
  }
  let depth = 0;
  let opened = false;
  for (let index = start; index < lines.length; index += 1) {
    const from = index === start ? lines[index].indexOf(marker) : 0;
    for (const char of lines[index].slice(from)) {
      if (char === open) {
        depth += 1;
        opened = true;
      }
      if (char === close) depth -= 1;
      if (opened && depth === 0) return [`${file}:${start + 1}-${index + 1}`];
    }
  }
  throw new Error(`${file}: "${marker}" never closes`);
}

/**
 * `MUTATE=guards` or `MUTATE=machine` mutates one half only (a shorter run on a shared
 * machine); unset, both.
 */
const MUTATE_SCOPE = process.env.MUTATE ?? 'all';
const SUFFIX = MUTATE_SCOPE === 'all' ? '' : `-${MUTATE_SCOPE}`;

export default {
  testRunner: 'vitest',
  vitest: { configFile: 'vitest.mutate.config.ts' },
  checkers: [],
  coverageAnalysis: 'perTest',
  // Low on purpose: the machine is shared. `npx stryker run --concurrency 4` alone is faster.
  concurrency: 2,
  // Generous, so a test slowed by other work on the machine is not counted as a kill.
  timeoutMS: 30_000,
  timeoutFactor: 3,
  // `npm run mutate -- --incremental` reruns only mutants whose code or tests changed.
  // One file per scope, so a run of one half does not forget the other's results.
  incrementalFile: `reports/stryker-incremental${SUFFIX}.json`,
  // event-recorder: one file per tested mutant in reports/mutation/events, readable mid-run.
  reporters: ['clear-text', 'progress', 'json', 'event-recorder'],
  eventReporter: { baseDir: 'reports/mutation/events' },
  jsonReporter: { fileName: `reports/mutation/mutation${SUFFIX}.json` },
  thresholds: { high: 100, low: 90, break: null },
  // The lifecycle table is static data; its mutants run against every selected test.
  ignoreStatic: false,
  mutate:
    MUTATE_SCOPE === 'machine'
      ? stateMachineLines()
      : [...guardRanges(), ...(MUTATE_SCOPE === 'guards' ? [] : stateMachineLines())],
};

/** Every mutated range of the officer guards. */
function guardRanges() {
  return [
    ...GUARD_FILES.flatMap(guardLines),
    ...blockLines('src/bot/officerGuard.ts', 'export function officerOnly'),
    // What each feature puts behind the one guard: its officer commands and button patterns.
    ...blockLines('src/bot/features/tickets/index.ts', 'officerOnly(', '(', ')'),
    ...blockLines('src/bot/features/notices/index.ts', 'officerOnly(', '(', ')'),
    ...blockLines('src/bot/features/desk/index.ts', 'surface:'),
    // /help's officer section, and which commands and menu items an officer (only) is shown.
    ...blockLines('src/bot/features/help.ts', 'if (ctx.isOfficer) {'),
    ...blockLines('src/bot/context.ts', 'export function visibleTo', '{', '}'),
    // The dashboard API refuses a request whose initData is not an officer's.
    ...linesWith('src/web/dashboard/http.ts', [
      'officerIds: deps.config.OFFICER_IDS',
      'if (!check.ok) {',
      "check.reason === 'expired'",
      'status: 401',
    ]),
    // A knowledge-base answer needs a second officer: its author can neither approve nor reject
    // it (the bot's buttons and the dashboard share this one decision).
    ...linesWith('src/bot/features/desk/drafts.ts', ['if (draft.officerId === officerId)']),
  ];
}

/** The lifecycle table and the one place a status change is checked against it. */
function stateMachineLines() {
  return [
    ...blockLines('src/store/tickets/schema.ts', 'export const TRANSITIONS'),
    ...blockLines('src/store/tickets/changes.ts', 'export function setStatus'),
  ];
}
