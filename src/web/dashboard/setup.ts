import { stringify } from 'yaml';
import type { z } from 'zod';
import type { LiveKnowledge } from '../../knowledge/live.ts';
import { type Contact, contactsFileSchema, formatPath } from '../../knowledge/loader.ts';
import { releaseProblems } from '../../knowledge/releaseCheck.ts';
import { type ParkDirectory, parksFileSchema } from '../../parks/index.ts';
import { type FileLayer, nodeFileLayer } from '../../store/fileLayer.ts';
import type { SetupResponse } from './schemas.ts';

export interface SetupDeps {
  knowledge: LiveKnowledge;
  parks: ParkDirectory;
  contactsFile: string;
  parksFile: string;
  /** The store's file layer: atomic, fsynced, private writes, and its full-disk fault hook. */
  layer?: FileLayer;
}

export type SaveResult = { ok: true } | { ok: false; field: string; message: string };

/** The operator's comment block at the top of a data file, kept when the dashboard rewrites it. */
async function leadingComments(layer: FileLayer, file: string): Promise<string> {
  const text = (await layer.readText(file)) ?? '';
  const lines: string[] = [];
  for (const line of text.split('\n')) {
    if (line.startsWith('#') || line.trim() === '') lines.push(line);
    else break;
  }
  return lines.length > 0 ? `${lines.join('\n').trimEnd()}\n` : '';
}

/** Rewrites an operator file through the store's file layer: a crash leaves the old file or the new. */
async function rewrite(deps: SetupDeps, file: string, body: unknown): Promise<void> {
  const layer = deps.layer ?? nodeFileLayer;
  const header = await leadingComments(layer, file);
  await layer.writeAtomic(file, `${header}${stringify(body, { lineWidth: 0 })}`);
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
  await rewrite(deps, deps.contactsFile, body);
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
  await rewrite(deps, deps.parksFile, { parks: parsed.data.parks });
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
