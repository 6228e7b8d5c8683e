import { readFile, rename, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { parse, stringify } from 'yaml';
import type { ValidationProblem } from '../../../knowledge/index.ts';
import type { LiveKnowledge } from '../../../knowledge/live.ts';

/** The officers' approved answers: a topic file of its own, in the format of the others. */
export const OFFICER_ANSWERS_FILE = 'officer-answers.yaml';

export interface OfficerEntry {
  id: string;
  topic: string;
  audience: 'all';
  title: { vi: string; en: string };
  questions: { vi: string[]; en: string[] };
  answer: { vi: string; en: string };
  source: { kind: 'officer'; officer: string; date: string; needsTranslation?: boolean };
  related: string[];
}

interface OfficerFile {
  topic: string;
  title: { vi: string; en: string };
  entries: OfficerEntry[];
}

const emptyFile = (): OfficerFile => ({
  topic: 'officer-answers',
  title: { vi: 'Câu trả lời của cán bộ', en: 'Officers’ answers' },
  entries: [],
});

/**
 * Adds an approved entry to the officers' file and reloads the knowledge base, so it goes live
 * without a restart. The file is replaced atomically; if the new base fails validation, the
 * previous file is put back and the problems returned (nothing half-written stays live).
 */
export async function publishEntry(
  knowledge: LiveKnowledge,
  entry: OfficerEntry,
): Promise<{ ok: true } | { ok: false; problems: ValidationProblem[] }> {
  const path = join(knowledge.knowledgeDir, OFFICER_ANSWERS_FILE);
  const previous = await readFile(path, 'utf8').catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOENT') return null;
    throw error;
  });
  const file = (previous === null ? emptyFile() : (parse(previous) as OfficerFile)) ?? emptyFile();
  file.entries = [...(file.entries ?? []).filter((other) => other.id !== entry.id), entry];
  const temporary = `${path}.tmp`;
  await writeFile(temporary, stringify(file), { mode: 0o644 });
  await rename(temporary, path);
  const result = await knowledge.reload();
  if (result.ok) return { ok: true };
  if (previous === null) {
    await rm(path, { force: true });
  } else {
    await writeFile(temporary, previous);
    await rename(temporary, path);
  }
  await knowledge.reload();
  return { ok: false, problems: result.problems };
}
