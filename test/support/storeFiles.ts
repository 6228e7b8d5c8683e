import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { type ShardedSpec, shardFileName, shardOf } from '../../src/store/sharded.ts';

/** The file holding `key` of a sharded collection, as the bot lays it out on disk. */
export function shardFileOf<V>(dataDir: string, spec: ShardedSpec<V>, key: string): string {
  return join(dataDir, spec.name, shardFileName(spec.name, shardOf(key, spec.shards)));
}

/** Reads one record straight from the data folder (what a restart would load). */
export async function readStoredRecord<V>(
  dataDir: string,
  spec: ShardedSpec<V>,
  key: string,
): Promise<V | undefined> {
  const raw = await readFile(shardFileOf(dataDir, spec, key), 'utf8');
  return (JSON.parse(raw) as { data: Record<string, V> }).data[key];
}

/** Every record of a sharded collection, read straight from its files. */
export async function readStoredRecords<V>(dataDir: string, spec: ShardedSpec<V>): Promise<V[]> {
  const all: V[] = [];
  for (let index = 0; index < spec.shards; index += 1) {
    const raw = await readFile(join(dataDir, spec.name, shardFileName(spec.name, index)), 'utf8');
    all.push(...Object.values((JSON.parse(raw) as { data: Record<string, V> }).data));
  }
  return all;
}
