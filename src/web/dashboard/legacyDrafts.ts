import { createHash } from 'node:crypto';
import { join } from 'node:path';
import { z } from 'zod';
import type { DeskEnv } from '../../bot/features/desk/env.ts';
import { type FileLayer, nodeFileLayer } from '../../store/fileLayer.ts';

/** The file earlier versions kept the dashboard's drafts in, beside the desk's own. */
export const LEGACY_DRAFTS_FILE = 'kb-drafts.json';

const legacySchema = z.object({
  drafts: z.array(
    z.object({
      id: z.string(),
      topic: z.string().regex(/^[a-z0-9-]+$/),
      replaces: z.string().nullable(),
      entry: z.record(z.string(), z.unknown()),
      author: z.number().int(),
      createdAt: z.string(),
    }),
  ),
});

/** A corrupt drafts file stops the start with its name; it is never overwritten or removed. */
export class LegacyDraftsError extends Error {}

/**
 * Moves the drafts an earlier version kept in DATA_DIR/kb-drafts.json into the desk's drafts
 * (the one flow both surfaces review), then removes the file. Each draft keeps a stable id, so
 * a start interrupted half-way imports nothing twice. Returns how many were moved.
 */
export async function importLegacyDrafts(
  desk: DeskEnv,
  dataDir: string,
  layer: FileLayer = nodeFileLayer,
): Promise<number> {
  const file = join(dataDir, LEGACY_DRAFTS_FILE);
  const text = await layer.readText(file);
  if (text === null) return 0;
  let parsed: z.infer<typeof legacySchema>;
  try {
    parsed = legacySchema.parse(JSON.parse(text));
  } catch (error) {
    const reason = error instanceof Error ? error.message.slice(0, 200) : String(error);
    throw new LegacyDraftsError(`${file} is not a valid drafts file (${reason}); fix or remove it`);
  }
  for (const old of parsed.drafts) {
    const id = createHash('sha256').update(`legacy:${old.id}`).digest('hex').slice(0, 8);
    if (desk.deskStore.draft(id)) continue;
    await desk.deskStore.saveDraft({
      id,
      officerId: old.author,
      questions: [],
      state: 'pending',
      createdAt: old.createdAt,
      file: old.topic,
      replaces: old.replaces,
      entry: old.entry,
    });
  }
  await layer.removeTree(file);
  return parsed.drafts.length;
}
