import { randomUUID } from 'node:crypto';
import { cp, mkdtemp, open, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseDocument } from 'yaml';
import { z } from 'zod';
import { KnowledgeValidationError } from '../../knowledge/index.ts';
import type { KnowledgePaths, LiveKnowledge } from '../../knowledge/live.ts';
import { formatPath, loadKnowledge } from '../../knowledge/loader.ts';
import { entrySchema } from '../../knowledge/schema.ts';

/** An entry as it sits in its topic file (the file names the topic). */
export const fileEntrySchema = entrySchema.omit({ topic: true });

const draftSchema = z.object({
  id: z.string(),
  topic: z.string(),
  /** The entry id this draft replaces; null for a new entry. */
  replaces: z.string().nullable(),
  entry: z.unknown(),
  author: z.number().int(),
  createdAt: z.string(),
});
export type Draft = z.infer<typeof draftSchema>;
const draftsFileSchema = z.object({ drafts: z.array(draftSchema) });

export interface KnowledgeEditDeps {
  knowledge: LiveKnowledge;
  paths: KnowledgePaths;
  /** Where drafts wait for a second officer (DATA_DIR/kb-drafts.json). */
  draftsFile: string;
  now: () => Date;
}

export type EditResult =
  | { ok: true; draft?: Draft }
  | { ok: false; field: string; message: string; reason: 'invalid' | 'same_officer' | 'not_found' };

async function writeDurably(file: string, text: string, mode: number): Promise<void> {
  const temporary = `${file}.${process.pid}.tmp`;
  const handle = await open(temporary, 'w', mode);
  try {
    await handle.writeFile(text, 'utf8');
    await handle.sync();
  } finally {
    await handle.close();
  }
  await rename(temporary, file);
}

/** Reads the drafts; a corrupt file stops with a clear error and is never overwritten. */
export async function readDrafts(file: string): Promise<Draft[]> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch {
    return [];
  }
  return draftsFileSchema.parse(JSON.parse(text)).drafts;
}

/** The topic file's text with `entry` put in place of `replaces` (or added), comments kept. */
async function editedTopicText(
  knowledgeDir: string,
  topic: string,
  replaces: string | null,
  entry: unknown,
): Promise<{ text: string; index: number } | null> {
  const file = join(knowledgeDir, `${topic}.yaml`);
  const text = await readFile(file, 'utf8').catch(() => null);
  if (text === null) return null;
  const document = parseDocument(text);
  const entries = document.get('entries', true);
  const items = entries && typeof entries === 'object' && 'items' in entries ? entries.items : [];
  const ids = (Array.isArray(items) ? items : []).map((item) =>
    item && typeof item === 'object' && 'get' in item && typeof item.get === 'function'
      ? String(item.get('id'))
      : '',
  );
  const found = replaces === null ? -1 : ids.indexOf(replaces);
  const index = found >= 0 ? found : ids.length;
  document.setIn(['entries', index], document.createNode(entry));
  return { text: document.toString({ lineWidth: 0 }), index };
}

/**
 * Runs the validation `kb validate` runs (schema, verbatim quotes, related ids, unique ids) on the
 * whole base with this one entry changed, in a scratch copy; the first problem is named by its
 * field inside the entry (`answer.en`, `source.quote[0]`).
 */
export async function validateEdit(
  paths: KnowledgePaths,
  topic: string,
  replaces: string | null,
  entry: unknown,
): Promise<EditResult> {
  const shape = fileEntrySchema.safeParse(entry);
  if (!shape.success) {
    const issue = shape.error.issues[0];
    return {
      ok: false,
      reason: 'invalid',
      field: formatPath(issue?.path ?? []),
      message: issue?.message ?? 'invalid',
    };
  }
  const scratch = await mkdtemp(join(tmpdir(), 'kcn-kb-check-'));
  try {
    await cp(paths.knowledgeDir, scratch, { recursive: true });
    const edited = await editedTopicText(scratch, topic, replaces, shape.data);
    if (!edited)
      return { ok: false, reason: 'invalid', field: 'topic', message: `no topic "${topic}"` };
    await writeFile(join(scratch, `${topic}.yaml`), edited.text);
    await loadKnowledge({ ...paths, knowledgeDir: scratch });
    return { ok: true };
  } catch (error) {
    if (!(error instanceof KnowledgeValidationError)) throw error;
    const prefix = /^entries\[\d+\]\.?/;
    const mine =
      error.problems.find((problem) => problem.file === `${topic}.yaml`) ?? error.problems[0];
    return {
      ok: false,
      reason: 'invalid',
      field: (mine?.field ?? '').replace(prefix, '') || 'id',
      message: mine?.message ?? 'invalid',
    };
  } finally {
    await rm(scratch, { recursive: true, force: true });
  }
}

/** Saves a valid edit as a draft; it goes live only when a second officer approves it. */
export async function proposeEdit(
  deps: KnowledgeEditDeps,
  author: number,
  topic: string,
  replaces: string | null,
  entry: unknown,
): Promise<EditResult> {
  const checked = await validateEdit(deps.paths, topic, replaces, entry);
  if (!checked.ok) return checked;
  const drafts = await readDrafts(deps.draftsFile);
  const draft: Draft = {
    id: randomUUID(),
    topic,
    replaces,
    entry,
    author,
    createdAt: deps.now().toISOString(),
  };
  await writeDurably(deps.draftsFile, JSON.stringify({ drafts: [...drafts, draft] }), 0o600);
  return { ok: true, draft };
}

/**
 * A second officer approves: validated again against the files as they are now, written to the
 * topic file, and the live base reloaded. The author cannot approve their own draft.
 */
export async function approveDraft(
  deps: KnowledgeEditDeps,
  approver: number,
  draftId: string,
): Promise<EditResult> {
  const drafts = await readDrafts(deps.draftsFile);
  const draft = drafts.find((candidate) => candidate.id === draftId);
  if (!draft) return { ok: false, reason: 'not_found', field: '', message: 'no such draft' };
  if (draft.author === approver)
    return {
      ok: false,
      reason: 'same_officer',
      field: '',
      message: 'a second officer must approve',
    };
  const checked = await validateEdit(deps.paths, draft.topic, draft.replaces, draft.entry);
  if (!checked.ok) return checked;
  const edited = await editedTopicText(
    deps.paths.knowledgeDir,
    draft.topic,
    draft.replaces,
    draft.entry,
  );
  if (!edited)
    return { ok: false, reason: 'invalid', field: 'topic', message: 'topic file is gone' };
  await writeDurably(join(deps.paths.knowledgeDir, `${draft.topic}.yaml`), edited.text, 0o644);
  await writeDurably(
    deps.draftsFile,
    JSON.stringify({ drafts: drafts.filter((candidate) => candidate.id !== draftId) }),
    0o600,
  );
  const reloaded = await deps.knowledge.reload();
  if (!reloaded.ok) {
    const problem = reloaded.problems[0];
    return {
      ok: false,
      reason: 'invalid',
      field: problem?.field ?? '',
      message: problem?.message ?? 'reload failed',
    };
  }
  return { ok: true };
}
