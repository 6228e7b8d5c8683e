import { existsSync } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { parse } from 'yaml';
import { type ZodError, z } from 'zod';
import { errorMessage } from '../errors.ts';
import { normalizeWhitespace } from './normalize.ts';
import { type ParsedReport, parseReport } from './passages.ts';
import { type Entry, type TopicFile, topicFileSchema } from './schema.ts';

export interface ValidationProblem {
  file: string;
  /** Path inside the file, e.g. `entries[3].answer.en`; empty when the whole file is at fault. */
  field: string;
  message: string;
}

/** Every problem found while loading, so an editor can fix them all in one pass. */
export class KnowledgeValidationError extends Error {
  readonly problems: ValidationProblem[];

  constructor(problems: ValidationProblem[]) {
    const lines = problems.map((p) => `${p.file}${p.field ? ` ${p.field}` : ''}: ${p.message}`);
    super(`Knowledge base has ${problems.length} problem(s):\n${lines.join('\n')}`);
    this.name = 'KnowledgeValidationError';
    this.problems = problems;
  }
}

const nullableText = z.string().trim().min(1).nullable();
const bilingual = z.object({ vi: z.string().trim().min(1), en: z.string().trim().min(1) });

/** `data/contacts/contacts.yaml`: null means the report does not state that detail. */
export const contactsFileSchema = z.object({
  contacts: z.array(
    z.object({
      id: z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'use lower-case words joined by "-"'),
      name: bilingual,
      description: bilingual,
      phone: nullableText,
      email: nullableText,
      address: nullableText,
      /** Opening hours as the office states them; an operator fills it (null until then). */
      hours: nullableText.default(null),
      website: nullableText,
    }),
  ),
});
export type Contact = z.infer<typeof contactsFileSchema>['contacts'][number];

export interface LoadedTopic {
  topic: string;
  title: { vi: string; en: string };
  entryIds: string[];
}

export interface LoadedKnowledge {
  entries: Entry[];
  topics: LoadedTopic[];
  contacts: Contact[];
  report: ParsedReport;
  /** English titles of the report's sections (`sections.yaml` next to the report). */
  sections: SectionTitle[];
}

const sectionsFileSchema = z.object({
  sections: z.array(z.object({ vi: z.string().trim().min(1), en: z.string().trim().min(1) })),
});
export type SectionTitle = z.infer<typeof sectionsFileSchema>['sections'][number];

/**
 * An entry's section in English: each "; "-separated part is translated by the longest
 * Vietnamese title it starts with (the rest, e.g. a task number, is kept); null when a part
 * has no translation.
 */
export function translateSection(section: string, titles: readonly SectionTitle[]): string | null {
  const parts = section.split('; ').map((part) => {
    const match = titles
      .filter((title) => part.startsWith(title.vi))
      .sort((a, b) => b.vi.length - a.vi.length)[0];
    if (!match) return null;
    const rest = part
      .slice(match.vi.length)
      .replace(/^[.…]+/u, '')
      .trim();
    return rest && /^[\d, ]+$/.test(rest) ? `${match.en} ${rest}` : match.en;
  });
  return parts.every((part) => part !== null) ? parts.join('; ') : null;
}

/** Renders a zod path the way editors read YAML: `entries[3].answer.en`. */
export function formatPath(path: readonly PropertyKey[]): string {
  return path
    .map((key, index) => {
      if (typeof key === 'number') return `[${key}]`;
      return index === 0 ? String(key) : `.${String(key)}`;
    })
    .join('');
}

function zodProblems(file: string, error: ZodError): ValidationProblem[] {
  return error.issues.map((issue) => ({
    file,
    field: formatPath(issue.path),
    message: issue.message,
  }));
}

async function readYaml(path: string, problems: ValidationProblem[]): Promise<unknown> {
  const file = basename(path);
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    problems.push({ file, field: '', message: `cannot read file: ${errorMessage(error)}` });
    return undefined;
  }
  try {
    return parse(text);
  } catch (error) {
    problems.push({ file, field: '', message: `invalid YAML: ${errorMessage(error)}` });
    return undefined;
  }
}

/** Cross-file rules: unique ids, `related` ids exist, quotes occur verbatim in the report. */
function crossCheck(
  files: { file: string; data: TopicFile }[],
  reportBody: string,
  problems: ValidationProblem[],
): void {
  const firstFileById = new Map<string, string>();
  for (const { file, data } of files) {
    for (const [index, entry] of data.entries.entries()) {
      const earlier = firstFileById.get(entry.id);
      if (earlier) {
        problems.push({
          file,
          field: `entries[${index}].id`,
          message: `duplicate id "${entry.id}" (first defined in ${earlier})`,
        });
      } else firstFileById.set(entry.id, file);
    }
  }
  const normalisedReport = normalizeWhitespace(reportBody);
  for (const { file, data } of files) {
    for (const [index, entry] of data.entries.entries()) {
      for (const [relatedIndex, relatedId] of entry.related.entries()) {
        if (!firstFileById.has(relatedId)) {
          problems.push({
            file,
            field: `entries[${index}].related[${relatedIndex}]`,
            message: `unknown entry id "${relatedId}"`,
          });
        }
      }
      const quotes = 'quote' in entry.source ? entry.source.quote : [];
      for (const [quoteIndex, quote] of quotes.entries()) {
        if (!normalisedReport.includes(normalizeWhitespace(quote))) {
          problems.push({
            file,
            field: `entries[${index}].source.quote[${quoteIndex}]`,
            message: 'quote does not occur verbatim in the report',
          });
        }
      }
    }
  }
}

/**
 * Reads and validates everything the knowledge base is built from. Collects all problems before
 * throwing one {@link KnowledgeValidationError}, so `kb validate` lists every mistake at once.
 */
export async function loadKnowledge(paths: {
  knowledgeDir: string;
  sourceFile: string;
  contactsFile: string;
}): Promise<LoadedKnowledge> {
  const problems: ValidationProblem[] = [];
  let reportText = '';
  try {
    reportText = await readFile(paths.sourceFile, 'utf8');
  } catch (error) {
    const file = basename(paths.sourceFile);
    problems.push({ file, field: '', message: `cannot read report: ${errorMessage(error)}` });
  }
  const report = parseReport(reportText);
  let names: string[] = [];
  try {
    names = (await readdir(paths.knowledgeDir)).filter((name) => /\.ya?ml$/.test(name)).sort();
  } catch (error) {
    const file = paths.knowledgeDir;
    problems.push({
      file,
      field: '',
      message: `cannot list directory: ${errorMessage(error)}`,
    });
  }
  if (names.length === 0 && problems.length === 0) {
    problems.push({ file: paths.knowledgeDir, field: '', message: 'no *.yaml topic files found' });
  }
  const files: { file: string; data: TopicFile }[] = [];
  for (const name of names) {
    const raw = await readYaml(join(paths.knowledgeDir, name), problems);
    if (raw === undefined) continue;
    const parsed = topicFileSchema.safeParse(raw);
    if (parsed.success) files.push({ file: name, data: parsed.data });
    else problems.push(...zodProblems(name, parsed.error));
  }
  crossCheck(files, report.body, problems);
  const topicNames = new Set(files.map(({ data }) => data.topic));
  for (const { file, data } of files) {
    for (const [index, entry] of data.entries.entries()) {
      if (entry.topic !== undefined && !topicNames.has(entry.topic)) {
        problems.push({
          file,
          field: `entries[${index}].topic`,
          message: `unknown topic "${entry.topic}"`,
        });
      }
    }
  }
  const sectionsFile = join(dirname(paths.sourceFile), 'sections.yaml');
  let sections: SectionTitle[] = [];
  if (existsSync(sectionsFile)) {
    const raw = await readYaml(sectionsFile, problems);
    const parsed = sectionsFileSchema.safeParse(raw ?? {});
    if (parsed.success) sections = parsed.data.sections;
    else if (raw !== undefined) problems.push(...zodProblems('sections.yaml', parsed.error));
    for (const { file, data } of files) {
      for (const [index, entry] of data.entries.entries()) {
        // Officer-written entries cite the officer, not a report section.
        if (!('section' in entry.source) || sections.length === 0) continue;
        if (translateSection(entry.source.section, sections) === null) {
          problems.push({
            file,
            field: `entries[${index}].source.section`,
            message: 'no English title in sections.yaml for this section',
          });
        }
      }
    }
  }
  const contactsRaw = await readYaml(paths.contactsFile, problems);
  const contactsParsed = contactsFileSchema.safeParse(contactsRaw ?? {});
  if (contactsRaw !== undefined && !contactsParsed.success) {
    problems.push(...zodProblems(basename(paths.contactsFile), contactsParsed.error));
  }
  if (problems.length > 0) throw new KnowledgeValidationError(problems);
  const entries = files.flatMap(({ data }) =>
    data.entries.map((entry) => ({ ...entry, topic: entry.topic ?? data.topic })),
  );
  const topics = files
    .map(({ data }) => ({
      topic: data.topic,
      title: data.title,
      entryIds: entries.filter((entry) => entry.topic === data.topic).map((entry) => entry.id),
    }))
    .filter((topic) => topic.entryIds.length > 0);
  const contacts = contactsParsed.success ? contactsParsed.data.contacts : [];
  return { entries, topics, contacts, report, sections };
}
