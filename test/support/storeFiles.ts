import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { JOURNAL_FILE, type ShardedSpec, shardFileName, shardOf } from '../../src/store/sharded.ts';

/** The file holding `key` of a sharded collection, as the bot lays it out on disk. */
export function shardFileOf<V>(dataDir: string, spec: ShardedSpec<V>, key: string): string {
  return join(dataDir, spec.name, shardFileName(spec.name, shardOf(key, spec.shards)));
}

/** Changes in the collection's journals not yet folded into its shards, oldest first. */
async function journalEntries<V>(
  dataDir: string,
  spec: ShardedSpec<V>,
): Promise<[string, V | null][]> {
  const dir = join(dataDir, spec.name);
  const names = (await readdir(dir)).filter((name) => JOURNAL_FILE.test(name)).sort();
  const entries: [string, V | null][] = [];
  for (const name of names) {
    const lines = (await readFile(join(dir, name), 'utf8')).split('\n');
    lines.pop();
    for (const line of lines) entries.push(...(JSON.parse(line) as [string, V | null][]));
  }
  return entries;
}

/** Every record of a collection as a restart would load it: shards, then journals. */
export async function readStoredRecords<V>(
  dataDir: string,
  spec: ShardedSpec<V>,
): Promise<Map<string, V>> {
  const all = new Map<string, V>();
  for (let index = 0; index < spec.shards; index += 1) {
    const raw = await readFile(join(dataDir, spec.name, shardFileName(spec.name, index)), 'utf8');
    for (const [key, value] of Object.entries(
      (JSON.parse(raw) as { data: Record<string, V> }).data,
    )) {
      all.set(key, value);
    }
  }
  for (const [key, value] of await journalEntries(dataDir, spec)) {
    if (value === null) all.delete(key);
    else all.set(key, value);
  }
  return all;
}

/** Reads one record straight from the data folder (what a restart would load). */
export async function readStoredRecord<V>(
  dataDir: string,
  spec: ShardedSpec<V>,
  key: string,
): Promise<V | undefined> {
  return (await readStoredRecords(dataDir, spec)).get(key);
}
