import { join } from 'node:path';
import type { WriteHealth } from './envelope.ts';
import type { Appender, FileLayer } from './fileLayer.ts';
import { type CommitListener, type RecordChange, replayJournal } from './recordFile.ts';
import { JOURNAL_FILE, journalName, ShardedRecords, type ShardedSpec } from './sharded.ts';

/** The operations repositories use, whichever way a collection is written. */
export interface KeyedRecords<V> {
  readonly spec: ShardedSpec<V>;
  get(key: string): V | undefined;
  has(key: string): boolean;
  readonly size: number;
  values(): IterableIterator<V>;
  entries(): IterableIterator<[string, V]>;
  change(key: string, change: RecordChange<V>): Promise<void>;
  put(key: string, value: V): Promise<void>;
  remove(key: string): Promise<void>;
  onCommit(listener: CommitListener<V>): void;
  flush(): Promise<void>;
  /** Flushes, then releases open files (journal appenders); nothing may be written after. */
  close(): Promise<void>;
  stats(): { writes: number; bytes: number };
}

interface Op<V> {
  key: string;
  change: RecordChange<V>;
  reads: boolean;
  resolve: () => void;
  reject: (error: unknown) => void;
}

/** Journal size that starts a compaction (rewriting the shards it touched, then deleting it). */
export const COMPACT_BYTES = 4 * 1024 * 1024;

/**
 * A sharded collection whose changes are appended to a journal instead of rewriting a shard:
 * one batch of changes is one line `[[key, record|null], …]`, appended and fsynced before any
 * of it becomes visible, so a write costs what changed. When the journal passes
 * {@link COMPACT_BYTES}, appends move to a new journal file and the shards it touched are
 * rewritten in the background; only once they are durable is the old journal deleted.
 *
 * On start the shards are read, then every journal in order (each entry is a whole record, so
 * replaying a journal over a newer shard is harmless). A last line without its newline is a write
 * that never finished and was never acknowledged: it is skipped. Any other bad line stops the
 * start with the file and line number, and nothing is changed.
 */
export class JournaledRecords<V> implements KeyedRecords<V> {
  private queue: Op<V>[] = [];
  private scheduled: Promise<void> | null = null;
  private inFlight: Promise<void> = Promise.resolve();
  private compaction: Promise<void> | null = null;
  private journalBytes = 0;
  private writes = 0;
  private bytes = 0;

  private constructor(
    private readonly shards: ShardedRecords<V>,
    private readonly dir: string,
    private readonly layer: FileLayer,
    private readonly health: WriteHealth,
    private journal: Appender,
    private journalNumber: number,
    /** Journals whose changes are not yet in the shards, oldest first. */
    private retired: string[],
    private readonly dirty: Set<number>,
  ) {}

  get spec(): ShardedSpec<V> {
    return this.shards.spec;
  }

  static async open<V>(
    dataDir: string,
    spec: ShardedSpec<V>,
    layer: FileLayer,
    health: WriteHealth,
  ): Promise<JournaledRecords<V>> {
    const shards = await ShardedRecords.open(dataDir, spec, layer, health);
    const dir = join(dataDir, spec.name);
    const journals = ((await layer.list(dir)) ?? [])
      .filter((name) => JOURNAL_FILE.test(name))
      .sort();
    const dirty = new Set<number>();
    for (const name of journals) {
      const file = join(dir, name);
      const text = (await layer.readText(file)) ?? '';
      replayJournal<V>(
        file,
        text,
        (key, value) => shards.check(key, value),
        (key, value) => {
          shards.applyCommitted(key, value);
          dirty.add(shards.shardIndexOf(key));
        },
      );
    }
    const last = journals.at(-1);
    const number = last ? Number(last.slice(8, 14)) + 1 : 1;
    const journal = await layer.openAppend(join(dir, journalName(number)));
    const records = new JournaledRecords(
      shards,
      dir,
      layer,
      health,
      journal,
      number,
      journals.map((name) => join(dir, name)),
      dirty,
    );
    if (journals.length > 0) records.compact();
    return records;
  }

  get(key: string): V | undefined {
    return this.shards.get(key);
  }

  has(key: string): boolean {
    return this.shards.has(key);
  }

  get size(): number {
    return this.shards.size;
  }

  values(): IterableIterator<V> {
    return this.shards.values();
  }

  entries(): IterableIterator<[string, V]> {
    return this.shards.entries();
  }

  onCommit(listener: CommitListener<V>): void {
    this.shards.onCommit(listener);
  }

  change(key: string, change: RecordChange<V>): Promise<void> {
    return this.enqueue(key, change, true);
  }

  put(key: string, value: V): Promise<void> {
    return this.enqueue(key, () => value, false);
  }

  remove(key: string): Promise<void> {
    return this.enqueue(key, () => undefined, false);
  }

  async flush(): Promise<void> {
    await (this.scheduled ?? this.inFlight);
    await this.compaction;
  }

  async close(): Promise<void> {
    await this.flush();
    await this.journal.close();
  }

  stats(): { writes: number; bytes: number } {
    const own = this.shards.stats();
    return { writes: this.writes + own.writes, bytes: this.bytes + own.bytes };
  }

  private enqueue(key: string, change: RecordChange<V>, reads: boolean): Promise<void> {
    return new Promise<void>((resolve, reject) => {
      this.queue.push({ key, change, reads, resolve, reject });
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

  /** Stages a batch, appends it as one line, and only then makes it visible. Never rejects. */
  private async commit(batch: Op<V>[]): Promise<void> {
    const staged = new Map<string, V | undefined>();
    const accepted: Op<V>[] = [];
    for (const op of batch) {
      const base = staged.has(op.key) ? staged.get(op.key) : this.shards.get(op.key);
      try {
        let next = op.change(op.reads && base !== undefined ? structuredClone(base) : base);
        if (next !== undefined) next = this.shards.check(op.key, next);
        staged.set(op.key, next);
        accepted.push(op);
      } catch (error) {
        op.reject(error);
      }
    }
    if (accepted.length === 0) return;
    const line = `${JSON.stringify([...staged].map(([key, value]) => [key, value ?? null]))}\n`;
    try {
      await this.journal.append(line);
    } catch (error) {
      this.health.noteFailure(error);
      for (const op of accepted) op.reject(error);
      return;
    }
    this.writes += 1;
    this.bytes += line.length;
    this.journalBytes += line.length;
    this.health.noteWrite(join(this.dir, journalName(this.journalNumber)), this.journalBytes);
    for (const [key, value] of staged) {
      this.shards.applyCommitted(key, value);
      this.dirty.add(this.shards.shardIndexOf(key));
    }
    for (const op of accepted) op.resolve();
    if (this.journalBytes >= COMPACT_BYTES && !this.compaction) {
      try {
        await this.rotate();
        this.compact();
      } catch (error) {
        // No new journal (disk full?): keep appending to this one and try again later.
        this.health.noteFailure(error);
      }
    }
  }

  /** Moves appends to a new journal; the current one waits for the next compaction. */
  private async rotate(): Promise<void> {
    const next = await this.layer.openAppend(join(this.dir, journalName(this.journalNumber + 1)));
    const current = this.journal;
    this.retired.push(join(this.dir, journalName(this.journalNumber)));
    this.journal = next;
    this.journalNumber += 1;
    this.journalBytes = 0;
    await current.close().catch(() => undefined);
  }

  /** Rewrites the shards the retired journals touched, then deletes those journals. */
  private compact(): void {
    const journals = [...this.retired];
    const shards = [...this.dirty];
    this.dirty.clear();
    this.compaction = (async () => {
      try {
        await this.shards.rewrite(shards);
        for (const file of journals) await this.layer.removeTree(file);
        this.retired = this.retired.filter((file) => !journals.includes(file));
      } catch (error) {
        // The journals stay, so nothing is lost; the next compaction tries again.
        this.health.noteFailure(error);
        for (const shard of shards) this.dirty.add(shard);
      } finally {
        this.compaction = null;
      }
    })();
  }
}

/** Opens a collection as its spec says: journaled, or with each change rewriting its shard. */
export function openRecords<V>(
  dataDir: string,
  spec: ShardedSpec<V>,
  layer: FileLayer,
  health: WriteHealth,
): Promise<KeyedRecords<V>> {
  return spec.journal
    ? JournaledRecords.open(dataDir, spec, layer, health)
    : ShardedRecords.open(dataDir, spec, layer, health);
}
