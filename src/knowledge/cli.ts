/**
 * `npm run kb -- <command>`: search, list and validate the knowledge base from a terminal,
 * without Telegram. See USAGE below.
 */
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { errorMessage } from '../errors.ts';
import {
  type Entry,
  type KnowledgeBase,
  KnowledgeValidationError,
  type Lang,
  loadKnowledgeBase,
  replyActions,
  type SearchOutcome,
} from './index.ts';
import { releaseProblems } from './releaseCheck.ts';

const USAGE = `Usage: npm run kb -- <command> [options]

Commands:
  search "<query>" [--lang vi|en] [--limit N] [--json]
                     Answer one query (human-readable, or one JSON object with --json).
  search             With no query: read one query per line from stdin and print one JSON
                     object per line: {"query", "intent", "lang", "actions",
                     "results": [{id, title, answer, confidence, source}]}.
                     intent: smalltalk | grievance | question | offtopic; actions: the buttons the
                     bot would show a user with no role yet (e.g. ["complaint"]).
  list [--json]      Every entry (a JSON array with --json).
  validate [--release]
                     Check every topic file, the contacts file and the report quotes. With
                     --release, also fail while no contact detail is filled in or the park list
                     is shorter than the report's 16 parks (a deployment must not start unfinished).

Data options (defaults are the repository's data folders):
  --knowledge-dir DIR   --source FILE   --contacts FILE   --parks FILE`;

const ROOT = fileURLToPath(new URL('../../', import.meta.url));

class UsageError extends Error {}

interface CliOptions {
  command: string;
  query: string | undefined;
  lang: Lang | undefined;
  limit: number | undefined;
  json: boolean;
  release: boolean;
  parksFile: string;
  paths: { knowledgeDir: string; sourceFile: string; contactsFile: string };
}

function parseOptions(argv: string[]): CliOptions {
  let parsed: ReturnType<typeof parseCliArgs>;
  try {
    parsed = parseCliArgs(argv);
  } catch (error) {
    throw new UsageError(errorMessage(error));
  }
  const { values, positionals } = parsed;
  const [command, query, ...extra] = positionals;
  if (!command || !['search', 'list', 'validate'].includes(command)) {
    throw new UsageError(command ? `unknown command "${command}"` : 'missing command');
  }
  if (extra.length > 0 || (command !== 'search' && query !== undefined)) {
    throw new UsageError('too many arguments (quote the query)');
  }
  if (values.lang !== undefined && values.lang !== 'vi' && values.lang !== 'en') {
    throw new UsageError('--lang must be vi or en');
  }
  const limit = values.limit === undefined ? undefined : Number(values.limit);
  if (limit !== undefined && (!Number.isInteger(limit) || limit < 1)) {
    throw new UsageError('--limit must be a positive whole number');
  }
  return {
    command,
    query,
    lang: values.lang,
    limit,
    json: values.json ?? false,
    release: values.release ?? false,
    parksFile: values.parks ?? `${ROOT}data/parks/parks.yaml`,
    paths: {
      knowledgeDir: values['knowledge-dir'] ?? `${ROOT}data/knowledge`,
      sourceFile: values.source ?? `${ROOT}data/source/bao-cao-20-nam-kcn-bac-ninh-2018.txt`,
      contactsFile: values.contacts ?? `${ROOT}data/contacts/contacts.yaml`,
    },
  };
}

function parseCliArgs(argv: string[]) {
  return parseArgs({
    args: argv,
    allowPositionals: true,
    strict: true,
    options: {
      lang: { type: 'string' },
      limit: { type: 'string' },
      json: { type: 'boolean' },
      release: { type: 'boolean' },
      parks: { type: 'string' },
      'knowledge-dir': { type: 'string' },
      source: { type: 'string' },
      contacts: { type: 'string' },
    },
  });
}

function resultsFor(outcome: SearchOutcome, lang: Lang) {
  return outcome.hits.map(({ entry, confidence }) => ({
    id: entry.id,
    title: entry.title[lang],
    answer: entry.answer[lang],
    confidence: Math.round(confidence * 1000) / 1000,
    source:
      'quote' in entry.source
        ? { section: entry.source.section, quote: entry.source.quote }
        : { section: `officer answer, ${entry.source.officer}, ${entry.source.date}`, quote: [] },
  }));
}

/** What the bot would do with the message: intent, answer language and its buttons. */
function understanding(outcome: SearchOutcome) {
  const entry = outcome.hits[0]?.entry ?? null;
  return {
    intent: outcome.intent,
    lang: outcome.lang,
    actions: replyActions({ intent: outcome.intent, entry }, null),
  };
}

function printHuman(query: string, outcome: SearchOutcome, lang: Lang): void {
  const results = resultsFor(outcome, lang);
  const { intent, actions } = understanding(outcome);
  console.log(
    `Query: ${query}  (language: ${lang}, intent: ${intent}, actions: ${actions.join(', ') || 'none'})`,
  );
  if (results.length === 0 && !outcome.excerpt) {
    console.log('No confident answer.');
    return;
  }
  for (const [index, result] of results.entries()) {
    console.log(`\n${index + 1}. ${result.title} [${result.id}] confidence ${result.confidence}`);
    console.log(`   ${result.answer}`);
    console.log(`   Source: ${result.source.section}`);
    for (const quote of result.source.quote) console.log(`     “${quote}”`);
  }
  if (outcome.excerpt) {
    const { passage, confidence } = outcome.excerpt;
    console.log(
      `\nNo curated answer; closest passage of the report (confidence ${confidence.toFixed(3)}):`,
    );
    console.log(
      `   ${passage.sectionTitle} — paragraph ${passage.paragraph}, sentence ${passage.sentence}`,
    );
    console.log(`   “${passage.text}”`);
  }
}

async function searchStdin(kb: KnowledgeBase, options: CliOptions): Promise<void> {
  const lines = createInterface({ input: process.stdin, crlfDelay: Number.POSITIVE_INFINITY });
  for await (const line of lines) {
    const query = line.trim();
    if (!query) continue;
    const outcome = kb.search(query, { limit: options.limit });
    const lang = options.lang ?? outcome.lang;
    const answer = { query, ...understanding(outcome), lang, results: resultsFor(outcome, lang) };
    process.stdout.write(`${JSON.stringify(answer)}\n`);
  }
}

function listEntries(entries: readonly Entry[], json: boolean): void {
  if (json) {
    console.log(JSON.stringify(entries, null, 2));
    return;
  }
  for (const entry of entries) console.log(`${entry.id}\t${entry.title.vi} / ${entry.title.en}`);
}

async function run(argv: string[]): Promise<number> {
  const options = parseOptions(argv);
  const kb = await loadKnowledgeBase(options.paths);
  if (options.command === 'validate') {
    if (options.release) {
      const problems = await releaseProblems(
        kb.contacts,
        options.parksFile,
        options.paths.contactsFile,
      );
      if (problems.length > 0) throw new KnowledgeValidationError(problems);
    }
    console.log(
      `OK: ${kb.entries.length} entries in ${kb.topics.length} topics, ` +
        `${kb.contacts.length} contacts, ${kb.passages.length} report passages.`,
    );
  } else if (options.command === 'list') {
    listEntries(kb.entries, options.json);
  } else if (options.query === undefined) {
    await searchStdin(kb, options);
  } else {
    const outcome = kb.search(options.query, { limit: options.limit });
    const lang = options.lang ?? outcome.lang;
    if (options.json) {
      const excerpt = outcome.excerpt
        ? { ...outcome.excerpt.passage, confidence: outcome.excerpt.confidence }
        : null;
      const results = resultsFor(outcome, lang);
      const line = { query: options.query, ...understanding(outcome), lang, results, excerpt };
      console.log(JSON.stringify(line));
    } else printHuman(options.query, outcome, lang);
  }
  return 0;
}

process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code !== 'EPIPE') throw error;
  process.exit(0);
});

try {
  process.exitCode = await run(process.argv.slice(2));
} catch (error) {
  if (error instanceof UsageError) {
    console.error(`Error: ${error.message}\n\n${USAGE}`);
    process.exitCode = 2;
  } else if (error instanceof KnowledgeValidationError) {
    for (const problem of error.problems) {
      console.error(
        `${problem.file}${problem.field ? ` ${problem.field}` : ''}: ${problem.message}`,
      );
    }
    console.error(`${error.problems.length} problem(s) found.`);
    process.exitCode = 1;
  } else {
    throw error;
  }
}
