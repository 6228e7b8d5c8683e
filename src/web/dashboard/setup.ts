import { open, readFile, rename } from 'node:fs/promises';
import { stringify } from 'yaml';
import type { z } from 'zod';
import type { LiveKnowledge } from '../../knowledge/live.ts';
import { type Contact, contactsFileSchema, formatPath } from '../../knowledge/loader.ts';
import { releaseProblems } from '../../knowledge/releaseCheck.ts';
import { type ParkDirectory, parksFileSchema } from '../../parks/index.ts';
import type { SetupResponse } from './schemas.ts';

export interface SetupDeps {
  knowledge: LiveKnowledge;
  parks: ParkDirectory;
  contactsFile: string;
  parksFile: string;
}

export type SaveResult = { ok: true } | { ok: false; field: string; message: string };

/** The operator's comment block at the top of a data file, kept when the dashboard rewrites it. */
async function leadingComments(file: string): Promise<string> {
  const text = await readFile(file, 'utf8').catch(() => '');
  const lines: string[] = [];
  for (const line of text.split('\n')) {
    if (line.startsWith('#') || line.trim() === '') lines.push(line);
    else break;
  }
  return lines.length > 0 ? `${lines.join('\n').trimEnd()}\n` : '';
}

/** Writes beside the file, syncs, then renames: a crash leaves the old file or the new, never half. */
async function writeDurably(file: string, text: string): Promise<void> {
  const temporary = `${file}.${process.pid}.tmp`;
  const handle = await open(temporary, 'w', 0o644);
  try {
    await handle.writeFile(text, 'utf8');
    await handle.sync();
  } finally {
    await handle.close();
  }
  await rename(temporary, file);
}

/** The first problem, its path as `kb validate` prints it (`contacts[0].name.vi`). */
function firstProblem(error: z.ZodError): SaveResult {
  const issue = error.issues[0];
  return {
    ok: false,
    field: formatPath(issue?.path ?? []),
    message: issue?.message ?? 'invalid',
  };
}

/** What Setup shows: contacts, parks, and what `kb validate --release` still reports missing. */
export async function readSetup(deps: SetupDeps): Promise<SetupResponse> {
  return {
    contacts: [...deps.knowledge.current.contacts],
    parks: deps.parks.list(),
    missing: (
      await releaseProblems(deps.knowledge.current.contacts, deps.parksFile, deps.contactsFile)
    ).map((problem) => ({ field: problem.field, message: problem.message })),
  };
}

/**
 * Validates the contacts with the loader's own schema, writes the operator file, and reloads the
 * knowledge base so /contact shows them at once. A reload that fails (another file broken) is
 * reported as the problem; the answer never claims a save that is not live.
 */
export async function saveContacts(deps: SetupDeps, contacts: unknown): Promise<SaveResult> {
  const parsed = contactsFileSchema.safeParse({ contacts });
  if (!parsed.success) return firstProblem(parsed.error);
  const body: { contacts: Contact[] } = parsed.data;
  const header = await leadingComments(deps.contactsFile);
  await writeDurably(deps.contactsFile, `${header}${stringify(body, { lineWidth: 0 })}`);
  const reloaded = await deps.knowledge.reload();
  if (!reloaded.ok) {
    const problem = reloaded.problems[0];
    return { ok: false, field: problem?.field ?? '', message: problem?.message ?? 'reload failed' };
  }
  return { ok: true };
}

/** Validates and writes the parks list, then reloads it so the park question lists it at once. */
export async function saveParks(deps: SetupDeps, parks: unknown): Promise<SaveResult> {
  const parsed = parksFileSchema.safeParse({ parks });
  if (!parsed.success) return firstProblem(parsed.error);
  const header = await leadingComments(deps.parksFile);
  await writeDurably(
    deps.parksFile,
    `${header}${stringify({ parks: parsed.data.parks }, { lineWidth: 0 })}`,
  );
  try {
    deps.parks.reload();
  } catch (error) {
    return {
      ok: false,
      field: 'parks',
      message: error instanceof Error ? error.message : 'reload failed',
    };
  }
  return { ok: true };
}
