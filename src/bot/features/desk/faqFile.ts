import type { ValidationProblem } from '../../../knowledge/index.ts';
import type { LiveKnowledge } from '../../../knowledge/live.ts';
import type { FileLayer } from '../../../store/fileLayer.ts';
import { OFFICER_ANSWERS_FILE, publishTarget } from './entryFile.ts';

export { OFFICER_ANSWERS_FILE } from './entryFile.ts';

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

/**
 * Adds an approved officer answer to the officers' file and reloads the knowledge base, so it
 * goes live without a restart. It is checked in a scratch copy first (the same check as every
 * edit from the dashboard); an entry that fails is never written.
 */
export async function publishEntry(
  knowledge: LiveKnowledge,
  entry: OfficerEntry,
  layer?: FileLayer,
): Promise<{ ok: true } | { ok: false; problems: ValidationProblem[] }> {
  const result = await publishTarget(
    knowledge,
    { file: OFFICER_ANSWERS_FILE, replaces: entry.id, entry: { ...entry } },
    layer,
  );
  if (result.ok) return { ok: true };
  const file = `${OFFICER_ANSWERS_FILE}.yaml`;
  return { ok: false, problems: [{ file, field: result.field, message: result.message }] };
}
