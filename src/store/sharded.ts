import { join } from 'node:path';
import type { z } from 'zod';
import { StoreCorruptError, type WriteHealth } from './envelope.ts';
import type { FileLayer } from './fileLayer.ts';
import { type CommitListener, type RecordChange, RecordFile } from './recordFile.ts';

/** FNV-1a over the key's UTF-16 code units: stable across runs and versions, cheap. */
export function shardOf(key: string, count: number): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < key.length; i += 1) {
    hash ^= key.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return (hash >>> 0) % count;
}

/** Journal files a journaled collection keeps beside its shards (see journaled.ts). */
export const JOURNAL_FILE = /^journal-\d{6}\.jsonl$/;

/** The name of journal number `n` (JOURNAL_FILE's form, so they sort in order). */
export const journalName = (n: number): string => `journal-${String(n).padStart(6, '0')}.jsonl`;

export const shardFileName = (name: string, index: number): string =>
  `${name}-${String(index).padStart(4, '0')}.json`;

/** The files a sharded collection consists of, relative to the data folder (for restore checks). */
export function shardFiles(name: string, count: number): string[] {
  return Array.from({ length: count }, (_, index) => join(name, shardFileName(name, index)));
}

export interface ShardedSpec<V> {
  /** Folder and file prefix under the data folder, e.g. `users`. */
  name: string;
  version: number;
  recordSchema: z.ZodType<V>;
  /** Number of files; a change rewrites one of them, about `size / shards` records. */
  shards: number;
  /**
   * How long a write waits to gather more changes (default: the end of the tick). For records
   * nobody waits on, like outbox marks, a few milliseconds turn hundreds of writes into dozens.
   */
  lingerMs?: number;
  /** Append changes to a journal instead of rewriting the shard (see journaled.ts). */
  journal?: boolean;
}

/**
 * A keyed collection spread over `shards` files by a hash of the key (`<name>/<name>-0007.json`),
 * so one change rewrites one file of about size/shards records, never the whole collection.
 * The folder is created whole (every shard, empty) or not at all; once it exists, a missing
 * shard is refused by name like a corrupt one, so a lost file is never mistaken for no data.
 */
export class ShardedRecords<V> {
  private constructor(
    readonly spec: ShardedSpec<V>,
    private readonly files: RecordFile<V>[],
  ) {}

  static async open<V>(
    dataDir: string,
    spec: ShardedSpec<V>,
    layer: FileLayer,
    health: WriteHealth,
  ): Promise<ShardedRecords<V>> {
    const dir = join(dataDir, spec.name);
    await ShardedRecords.checkFolder(dataDir, spec, layer);
    // A few reads at a time: the disk stays busy while files are parsed, and only a few raw
    // texts are held at once.
    const files: RecordFile<V>[] = new Array(spec.shards);
    let next = 0;
    const reader = async () => {
      while (next < spec.shards) {
        const index = next;
        next += 1;
        const file = join(dir, shardFileName(spec.name, index));
        const opened = await RecordFile.open(
          file,
          spec.version,
          spec.recordSchema,
          layer,
          health,
          false,
        );
        opened.lingerMs = spec.lingerMs ?? 0;
        files[index] = opened;
      }
    };
    await Promise.all(Array.from({ length: 6 }, reader));
    return new ShardedRecords(spec, files);
  }

  /**
   * Creates the collection's folder whole (every shard, empty) when it does not exist, and
   * refuses a file in it that is not one of its shards or journals.
   */
  static async checkFolder<V>(
    dataDir: string,
    spec: ShardedSpec<V>,
    layer: FileLayer,
  ): Promise<void> {
    const dir = join(dataDir, spec.name);
    let names = await layer.list(dir);
    if (names === null) {
      await createFolder(dataDir, spec, layer);
      names = (await layer.list(dir)) ?? [];
    }
    await layer.ensureDir(dir);
    const expected = new Set(shardFiles(spec.name, spec.shards).map((path) => join(dataDir, path)));
    for (const name of names) {
      if (name.startsWith('.') || JOURNAL_FILE.test(name)) continue;
      if (!expected.has(join(dir, name))) {
        throw new StoreCorruptError(
          join(dir, name),
          `not one of the ${spec.shards} files of "${spec.name}" this program reads`,
        );
      }
    }
  }

  private fileOf(key: string): RecordFile<V> {
    return this.files[shardOf(key, this.files.length)] as RecordFile<V>;
  }

  get(key: string): V | undefined {
    return this.fileOf(key).get(key);
  }

  has(key: string): boolean {
    return this.fileOf(key).has(key);
  }

  get size(): number {
    return this.files.reduce((sum, file) => sum + file.size, 0);
  }

  *values(): IterableIterator<V> {
    for (const file of this.files) yield* file.values();
  }

  *entries(): IterableIterator<[string, V]> {
    for (const file of this.files) yield* file.entries();
  }

  /** Changes one record from a private copy of it; resolves once durable (see RecordFile). */
  change(key: string, change: RecordChange<V>): Promise<void> {
    return this.fileOf(key).change(key, change);
  }

  put(key: string, value: V): Promise<void> {
    return this.fileOf(key).put(key, value);
  }

  remove(key: string): Promise<void> {
    return this.fileOf(key).remove(key);
  }

  onCommit(listener: CommitListener<V>): void {
    for (const file of this.files) file.onCommit(listener);
  }

  /** Which shard file holds `key`. */
  shardIndexOf(key: string): number {
    return shardOf(key, this.files.length);
  }

  /** Checks a record with the schema used on load (throws StoreValidationError). */
  check(key: string, value: V): V {
    return this.fileOf(key).check(key, value);
  }

  /** Makes a change durable elsewhere (a journal) visible; see RecordFile.applyCommitted. */
  applyCommitted(key: string, value: V | undefined): void {
    this.fileOf(key).applyCommitted(key, value);
  }

  /**
   * Rewrites the given shards from memory, two at a time; resolves once all are durable. A
   * compaction touches most shards: all at once would hold every shard's text in memory together
   * (about the whole collection again), which is what an idle bot's memory would keep after.
   */
  async rewrite(indexes: Iterable<number>): Promise<void> {
    const pending = [...indexes];
    const failures: unknown[] = [];
    const worker = async () => {
      for (let index = pending.shift(); index !== undefined; index = pending.shift()) {
        await (this.files[index] as RecordFile<V>).rewrite().catch((error: unknown) => {
          failures.push(error);
        });
      }
    };
    await Promise.all([worker(), worker()]);
    if (failures.length > 0) throw failures[0];
  }

  async flush(): Promise<void> {
    await Promise.all(this.files.map((file) => file.flush()));
  }

  close(): Promise<void> {
    return this.flush();
  }

  /** Writes and bytes so far over all shards (benchmarks). */
  stats(): { writes: number; bytes: number } {
    let writes = 0;
    let bytes = 0;
    for (const file of this.files) {
      writes += file.writes;
      bytes += file.bytesWritten;
    }
    return { writes, bytes };
  }
}

/** Creates every shard of a new collection in a staging folder, then renames it into place. */
async function createFolder<V>(
  dataDir: string,
  spec: ShardedSpec<V>,
  layer: FileLayer,
): Promise<void> {
  const staging = join(dataDir, `.${spec.name}.creating`);
  await layer.removeTree(staging);
  await layer.ensureDir(staging);
  const empty = RecordFile.emptyText(spec.version);
  await Promise.all(
    Array.from({ length: spec.shards }, (_, index) =>
      layer.writeFresh(join(staging, shardFileName(spec.name, index)), empty),
    ),
  );
  // One durable write of a marker file syncs the staging folder's entries before the rename.
  await layer.writeAtomic(join(staging, '.created'), new Date().toISOString());
  await layer.rename(staging, join(dataDir, spec.name));
}
