import { cp, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseDocument, stringify } from 'yaml';
import { KnowledgeValidationError } from '../../../knowledge/index.ts';
import type { LiveKnowledge } from '../../../knowledge/live.ts';
import { formatPath, loadKnowledge } from '../../../knowledge/loader.ts';
import { topicFileSchema } from '../../../knowledge/schema.ts';
import { type FileLayer, nodeFileLayer } from '../../../store/fileLayer.ts';

/** An entry as it sits in a topic file (the file names the topic unless the entry does). */
export const fileEntrySchema = topicFileSchema.shape.entries.element;

/** The officers' approved answers: a topic file of its own, in the format of the others. */
export const OFFICER_ANSWERS_FILE = 'officer-answers';

/** Where an entry goes: its topic file (without `.yaml`), and the entry id it replaces. */
export interface EntryTarget {
  file: string;
  replaces: string | null;
  entry: Record<string, unknown>;
}

export type EntryCheck = { ok: true } | { ok: false; field: string; message: string };

const officerAnswersFile = () =>
  stringify({
    topic: OFFICER_ANSWERS_FILE,
    title: { vi: 'Câu trả lời của cán bộ', en: 'Officers’ answers' },
    entries: [],
  });

/** The topic file's text with the entry put in place of `replaces` (or added), comments kept. */
async function editedText(layer: FileLayer, dir: string, target: EntryTarget) {
  const path = join(dir, `${target.file}.yaml`);
  const text =
    (await layer.readText(path).catch(() => null)) ??
    (target.file === OFFICER_ANSWERS_FILE ? officerAnswersFile() : null);
  if (text === null) return null;
  const document = parseDocument(text);
  const entries = document.get('entries', true);
  const items = entries && typeof entries === 'object' && 'items' in entries ? entries.items : [];
  const ids = (Array.isArray(items) ? items : []).map((item) =>
    item && typeof item === 'object' && 'get' in item && typeof item.get === 'function'
      ? String(item.get('id'))
      : '',
  );
  const found = target.replaces === null ? -1 : ids.indexOf(target.replaces);
  document.setIn(['entries', found >= 0 ? found : ids.length], document.createNode(target.entry));
  return { path, text: document.toString({ lineWidth: 0 }) };
}

/**
 * Runs the validation `kb validate` runs (schema, verbatim quotes, related ids, unique ids) on the
 * whole base with this one entry changed, in a scratch copy; the first problem is named by its
 * field inside the entry (`answer.en`, `source.quote[0]`).
 */
export async function checkEntry(
  knowledge: LiveKnowledge,
  target: EntryTarget,
): Promise<EntryCheck> {
  const shape = fileEntrySchema.safeParse(target.entry);
  if (!shape.success) {
    const issue = shape.error.issues[0];
    return {
      ok: false,
      field: formatPath(issue?.path ?? []),
      message: issue?.message ?? 'invalid',
    };
  }
  const paths = knowledge.files;
  const scratch = await mkdtemp(join(tmpdir(), 'kcn-kb-check-'));
  try {
    await cp(paths.knowledgeDir, scratch, { recursive: true });
    const edited = await editedText(nodeFileLayer, scratch, { ...target, entry: shape.data });
    if (!edited) return { ok: false, field: 'topic', message: `no topic "${target.file}"` };
    await writeFile(edited.path, edited.text);
    await loadKnowledge({ ...paths, knowledgeDir: scratch });
    return { ok: true };
  } catch (error) {
    if (!(error instanceof KnowledgeValidationError)) throw error;
    const mine =
      error.problems.find((problem) => problem.file === `${target.file}.yaml`) ?? error.problems[0];
    const field = (mine?.field ?? '').replace(/^entries\[\d+\]\.?/, '') || 'id';
    return { ok: false, field, message: mine?.message ?? 'invalid' };
  } finally {
    await rm(scratch, { recursive: true, force: true });
  }
}

/**
 * Checks the entry against the files as they are now, writes its topic file through the store's
 * file layer (atomic and durable), and reloads the live base: it is answered from at once.
 */
export async function publishTarget(
  knowledge: LiveKnowledge,
  target: EntryTarget,
  layer: FileLayer = nodeFileLayer,
): Promise<EntryCheck> {
  const checked = await checkEntry(knowledge, target);
  if (!checked.ok) return checked;
  const edited = await editedText(layer, knowledge.knowledgeDir, target);
  if (!edited) return { ok: false, field: 'topic', message: `no topic "${target.file}"` };
  await layer.writeAtomic(edited.path, edited.text);
  const reloaded = await knowledge.reload();
  if (reloaded.ok) return { ok: true };
  const problem = reloaded.problems[0];
  return { ok: false, field: problem?.field ?? '', message: problem?.message ?? 'reload failed' };
}
