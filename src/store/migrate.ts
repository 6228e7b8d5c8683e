import { join } from 'node:path';
import type { z } from 'zod';
import { createBackup } from './backup.ts';
import { parseEnvelope, type WriteHealth } from './envelope.ts';
import type { FileLayer } from './fileLayer.ts';
import { openRecords } from './journaled.ts';
import type { ShardedSpec } from './sharded.ts';

/** One collection that used to be a single `<name>.json` and is now sharded. */
export interface LegacyCollection {
  /** The old file, relative to the data folder, e.g. `users.json`. */
  file: string;
  /** Reads the old file's data (already checked against `schema`) into stored records. */
  migrate(dataDir: string, layer: FileLayer, health: WriteHealth): Promise<Migration>;
}

interface Migration {
  /** Writes the records into the new layout; resolves once durable. */
  write(): Promise<number>;
}

/** Describes a legacy file whose data is a map of records, converted one by one. */
export function legacyCollection<L, V>(
  file: string,
  schema: z.ZodType<Record<string, L>>,
  spec: ShardedSpec<V>,
  convert: (key: string, record: L) => [string, V][],
): LegacyCollection {
  return {
    file,
    async migrate(dataDir, layer, health) {
      const path = join(dataDir, file);
      const raw = (await layer.readText(path)) ?? '';
      const data = parseEnvelope(path, raw, 1, schema);
      return {
        async write() {
          await layer.removeTree(join(dataDir, spec.name));
          const records = await openRecords(dataDir, spec, layer, health);
          const entries = Object.entries(data).flatMap(([key, record]) => convert(key, record));
          await Promise.all(entries.map(([key, value]) => records.put(key, value)));
          await records.close();
          return entries.length;
        },
      };
    },
  };
}

export interface MigrationReport {
  /** The backup of the data folder taken before anything was changed. */
  backup: string;
  files: string[];
}

/**
 * Moves a data folder from the one-file-per-collection layout to the sharded one. Every old file
 * is checked first (a corrupt one stops start-up by name, untouched), then the whole folder is
 * backed up, then each collection is written in the new layout, and only then are the old files
 * removed. An old file still present means its migration did not finish, so it is redone from
 * that file: a crash at any point loses nothing.
 */
export async function migrateLegacyLayout(
  dataDir: string,
  backupDir: string,
  legacy: LegacyCollection[],
  layer: FileLayer,
  health: WriteHealth,
  now: () => Date,
): Promise<MigrationReport | null> {
  const present: LegacyCollection[] = [];
  for (const collection of legacy) {
    if ((await layer.list(dataDir))?.includes(collection.file)) present.push(collection);
  }
  if (present.length === 0) return null;
  const migrations: Migration[] = [];
  for (const collection of present) {
    migrations.push(await collection.migrate(dataDir, layer, health));
  }
  const backup = await createBackup(dataDir, backupDir, now(), { prefix: 'kcn-premigration-' });
  for (const migration of migrations) await migration.write();
  for (const file of new Set(present.map((collection) => collection.file))) {
    await layer.removeTree(join(dataDir, file));
  }
  return { backup, files: [...new Set(present.map((collection) => collection.file))] };
}
