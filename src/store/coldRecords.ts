import { join } from 'node:path';
import { StoreCorruptError, type WriteHealth } from './envelope.ts';
import type { Appender, FileLayer } from './fileLayer.ts';
import { checkRecord, RecordFile, readRecordMap, replayJournal } from './recordFile.ts';
import {
  JOURNAL_FILE,
  journalName,
  ShardedRecords,
  type ShardedSpec,
  shardFileName,
  shardOf,
} from './sharded.ts';

/** Journal size that folds the recent changes into the shard files. */
export const FOLD_BYTES = 4 * 1024 * 1024;

interface Op<V> {
  key: string;
  value: V | undefined;
  resolve: () => void;
  reject: (error: unknown) => void;
}

/**
 * Records that are written once and rarely read again (delivered reminders): kept on disk, not
 * in memory, so memory does not grow with history. Changes are appended to a journal (one
 * fsynced line per tick, like the journaled collections); only the changes since the last fold
 * are held in memory, at most {@link FOLD_BYTES} of them. When the journal passes that, its
 * changes are folded into the shard files (one rewrite per shard touched, two at a time) and
 * the journal is deleted. A read of an older record reads its one shard file from disk.
 *
 * The same checks as everywhere: a record is validated on write and when read, the folder is
 * created whole, a stray or missing shard and a damaged journal line are refused by name.
 */
export class ColdRecords<V> {
  private queue: Op<V>[] = [];
  private scheduled: Promise<void> | null = null;
  private inFlight: Promise<void> = Promise.resolve();
  private folding: Promise<void> | null = null;
  private journalBytes = 0;
  /** Scans under way (see keysWhere); a fold waits for them. */
  private scanning = 0;

  private constructor(
    readonly spec: ShardedSpec<V>,
    private readonly dir: string,
    private readonly layer: FileLayer,
    private readonly health: WriteHealth,
    /** Changes since the last fold, by key (null: removed). */
    private readonly recent: Map<string, V | null>,
    private journal: Appender,
    private journalNumber: number,
    private retired: string[],
    private readonly foldBytes: number,
  ) {}

  static async open<V>(
    dataDir: string,
    spec: ShardedSpec<V>,
    layer: FileLayer,
    health: WriteHealth,
    foldBytes = FOLD_BYTES,
  ): Promise<ColdRecords<V>> {
    // Creates the folder whole when missing and refuses stray files; the shards are not kept.
    await ShardedRecords.checkFolder(dataDir, spec, layer);
    const dir = join(dataDir, spec.name);
    const journals = ((await layer.list(dir)) ?? [])
      .filter((name) => JOURNAL_FILE.test(name))
      .sort();
    const recent = new Map<string, V | null>();
    for (const name of journals) {
      const file = join(dir, name);
      replayJournal<V>(
        file,
        (await layer.readText(file)) ?? '',
        (key, value) => checkRecord(spec.recordSchema, file, key, value),
        (key, value) => recent.set(key, value ?? null),
      );
    }
    const last = journals.at(-1);
    const number = last ? Number(last.slice(8, 14)) + 1 : 1;
    const journal = await layer.openAppend(join(dir, journalName(number)));
    const records = new ColdRecords(
      spec,
      dir,
      layer,
      health,
      recent,
      journal,
      number,
      journals.map((name) => join(dir, name)),
      foldBytes,
    );
    if (journals.length > 0) records.fold();
    return records;
  }

  /** The record, from the recent changes or else from its shard file on disk. */
  get(key: string): V | undefined {
    if (this.recent.has(key)) return this.recent.get(key) ?? undefined;
    const { file, data } = this.readShardSync(shardOf(key, this.spec.shards));
    if (!Object.hasOwn(data, key)) return undefined;
    return this.checked(file, key, data[key]);
  }

  put(key: string, value: V): Promise<void> {
    return this.enqueue(key, value);
  }

  remove(key: string): Promise<void> {
    return this.enqueue(key, undefined);
  }

  /** Keys of every record `match` accepts, reading each shard file in turn (rare: /forgetme). */
  async keysWhere(match: (value: V) => boolean): Promise<string[]> {
    // No fold may move records from `recent` into a shard this scan has already read.
    while (this.folding) await this.folding;
    this.scanning += 1;
    try {
      return await this.scan(match);
    } finally {
      this.scanning -= 1;
    }
  }

  private async scan(match: (value: V) => boolean): Promise<string[]> {
    const keys = new Set<string>();
    for (let index = 0; index < this.spec.shards; index += 1) {
      const { file, data } = this.readShardSync(index);
      for (const [key, value] of Object.entries(data)) {
        if (!this.recent.has(key) && match(this.checked(file, key, value))) keys.add(key);
      }
      await new Promise<void>((resolve) => setImmediate(resolve));
    }
    for (const [key, value] of this.recent) if (value !== null && match(value)) keys.add(key);
    return [...keys];
  }

  async flush(): Promise<void> {
    await (this.scheduled ?? this.inFlight);
    await this.folding;
  }

  async close(): Promise<void> {
    await this.flush();
    await this.journal.close();
  }

  /** One shard file, read now (its records are checked as they are used). */
  private readShardSync(index: number): { file: string; data: Record<string, unknown> } {
    const file = join(this.dir, shardFileName(this.spec.name, index));
    const raw = this.layer.readTextSync(file);
    if (raw === null) {
      throw new StoreCorruptError(file, 'this data file is missing from its collection');
    }
    return { file, data: readRecordMap(file, raw, this.spec.version) };
  }

  private checked(file: string, key: string, value: unknown): V {
    try {
      return checkRecord(this.spec.recordSchema, file, key, value as V);
    } catch (error) {
      throw new StoreCorruptError(file, (error as Error).message);
    }
  }

  private enqueue(key: string, value: V | undefined): Promise<void> {
    return new Promise<void>((resolve, reject) => {
      this.queue.push({ key, value, resolve, reject });
      if (this.scheduled) return;
      const previous = this.inFlight;
      this.scheduled = (async () => {
        await previous;
        await new Promise<void>((done) => setImmediate(done));
        this.scheduled = null;
        const batch = this.queue;
        this.queue = [];
        this.inFlight = this.commit(batch);
        await this.inFlight;
      })();
    });
  }

  /** Appends a batch as one line and only then makes it visible. Never rejects. */
  private async commit(batch: Op<V>[]): Promise<void> {
    const staged = new Map<string, V | null>();
    const accepted: Op<V>[] = [];
    const file = join(this.dir, journalName(this.journalNumber));
    for (const op of batch) {
      try {
        const value =
          op.value === undefined
            ? null
            : checkRecord(this.spec.recordSchema, file, op.key, op.value);
        staged.set(op.key, value);
        accepted.push(op);
      } catch (error) {
        op.reject(error);
      }
    }
    if (accepted.length === 0) return;
    const line = `${JSON.stringify([...staged])}\n`;
    try {
      await this.journal.append(line);
    } catch (error) {
      this.health.noteFailure(error);
      for (const op of accepted) op.reject(error);
      return;
    }
    this.journalBytes += line.length;
    this.health.noteWrite(file, this.journalBytes);
    for (const [key, value] of staged) this.recent.set(key, value);
    for (const op of accepted) op.resolve();
    if (this.journalBytes >= this.foldBytes && !this.folding && this.scanning === 0) {
      try {
        const next = await this.layer.openAppend(
          join(this.dir, journalName(this.journalNumber + 1)),
        );
        this.retired.push(file);
        await this.journal.close().catch(() => undefined);
        this.journal = next;
        this.journalNumber += 1;
        this.journalBytes = 0;
        this.fold();
      } catch (error) {
        this.health.noteFailure(error);
      }
    }
  }

  /**
   * Writes the retired journals' changes into their shard files, then deletes those journals.
   * Changes appended meanwhile stay in `recent` (and in the current journal).
   */
  private fold(): void {
    const journals = [...this.retired];
    const folded = new Map(this.recent);
    const byShard = new Map<number, [string, V | null][]>();
    for (const entry of folded) {
      const index = shardOf(entry[0], this.spec.shards);
      byShard.set(index, [...(byShard.get(index) ?? []), entry]);
    }
    this.folding = (async () => {
      try {
        const pending = [...byShard];
        const worker = async () => {
          for (let next = pending.shift(); next; next = pending.shift()) {
            const [index, entries] = next;
            const shard = await RecordFile.open(
              join(this.dir, shardFileName(this.spec.name, index)),
              this.spec.version,
              this.spec.recordSchema,
              this.layer,
              this.health,
              false,
            );
            for (const [key, value] of entries) shard.applyCommitted(key, value ?? undefined);
            await shard.rewrite();
          }
        };
        await Promise.all([worker(), worker()]);
        for (const journal of journals) await this.layer.removeTree(journal);
        this.retired = this.retired.filter((journal) => !journals.includes(journal));
        // What was folded is on disk now; a key changed again since keeps its newer value.
        for (const [key, value] of folded)
          if (this.recent.get(key) === value) this.recent.delete(key);
      } catch (error) {
        // The journals stay, so nothing is lost; the next fold tries again.
        this.health.noteFailure(error);
      } finally {
        this.folding = null;
      }
    })();
  }
}
