import type { z } from 'zod';
import {
  type Envelope,
  firstProblem,
  openEnvelope,
  StoreCorruptError,
  StoreValidationError,
  type WriteHealth,
} from './envelope.ts';
import { DurableTextFile, type FileLayer } from './fileLayer.ts';

/** How a record changes: given a private copy of the current value, the next value (undefined deletes). */
export type RecordChange<V> = (current: V | undefined) => V | undefined;

/** Told of each record a successful write changed, after the write; indexes listen here. */
export type CommitListener<V> = (key: string, before: V | undefined, after: V | undefined) => void;

interface Op<V> {
  /** A snapshot op writes the file as it is in memory, changing nothing. */
  snapshot?: true;
  key: string;
  change: RecordChange<V>;
  /** Whether `change` reads its argument (then it gets a private copy). */
  reads: boolean;
  resolve: () => void;
  reject: (error: unknown) => void;
}

const gather = (ms: number) =>
  new Promise<void>((resolve) => (ms > 0 ? setTimeout(resolve, ms) : setImmediate(resolve)));

/**
 * One JSON file of keyed records (`{version, data: {key: record}}`), the unit the sharded
 * collections are made of. Its guarantees:
 * - a change is visible (in `get`) only after the write holding it is durable on disk;
 * - a failed write leaves memory exactly as the file is, and rejects every change it held;
 * - each record is checked against the same schema the file is checked with on load, and a
 *   change that fails it is rejected alone, never written;
 * - the changes of one tick become one write, and one write is in flight at a time.
 */
export class RecordFile<V> {
  private queue: Op<V>[] = [];
  private scheduled: Promise<void> | null = null;
  private inFlight: Promise<void> = Promise.resolve();
  private readonly adapter: DurableTextFile;
  private readonly listeners: CommitListener<V>[] = [];
  writes = 0;
  bytesWritten = 0;
  /** Milliseconds a write waits to gather changes; 0 means the end of the current tick. */
  lingerMs = 0;

  private constructor(
    readonly file: string,
    private readonly version: number,
    private readonly schema: z.ZodType<V>,
    layer: FileLayer,
    private readonly health: WriteHealth,
    private readonly records: Map<string, V>,
  ) {
    this.adapter = new DurableTextFile(file, layer);
  }

  /** Reads and checks the file; a missing file is an empty one only when `missingIsEmpty`. */
  static async open<V>(
    file: string,
    version: number,
    recordSchema: z.ZodType<V>,
    layer: FileLayer,
    health: WriteHealth,
    missingIsEmpty: boolean,
  ): Promise<RecordFile<V>> {
    const raw = await layer.readText(file);
    const records = new Map<string, V>();
    if (raw !== null) {
      const data = readRecordMap(file, raw, version);
      // Each record is checked with the schema, and the parsed JSON kept as it is (no schema
      // here transforms or defaults anything): at 300,000 profiles a second copy of every
      // record would double the garbage of a start.
      for (const [key, value] of Object.entries(data)) {
        const parsed = recordSchema.safeParse(value);
        if (!parsed.success)
          throw new StoreCorruptError(file, firstProblem(parsed.error, `data.${key}`));
        records.set(key, value as V);
      }
      health.noteSize(file, raw.length);
    } else if (!missingIsEmpty) {
      throw new StoreCorruptError(file, 'this data file is missing from its collection');
    }
    return new RecordFile(file, version, recordSchema, layer, health, records);
  }

  /** The text of an empty file of this kind (used when a collection is first created). */
  static emptyText(version: number): string {
    return JSON.stringify({ version, data: {} });
  }

  get(key: string): V | undefined {
    return this.records.get(key);
  }

  has(key: string): boolean {
    return this.records.has(key);
  }

  get size(): number {
    return this.records.size;
  }

  values(): IterableIterator<V> {
    return this.records.values();
  }

  entries(): IterableIterator<[string, V]> {
    return this.records.entries();
  }

  onCommit(listener: CommitListener<V>): void {
    this.listeners.push(listener);
  }

  /** Changes one record (from a private copy of its current value); resolves once durable. */
  change(key: string, change: RecordChange<V>): Promise<void> {
    return this.enqueue(key, change, true);
  }

  /** Stores `value` under `key`; resolves once durable. */
  put(key: string, value: V): Promise<void> {
    return this.enqueue(key, () => value, false);
  }

  remove(key: string): Promise<void> {
    return this.enqueue(key, () => undefined, false);
  }

  /**
   * Makes a change that is already durable elsewhere (a journal) visible, without writing this
   * file; a later {@link rewrite} brings the file up to date.
   */
  applyCommitted(key: string, value: V | undefined): void {
    const before = this.records.get(key);
    if (value === undefined) this.records.delete(key);
    else this.records.set(key, value);
    for (const listener of this.listeners) listener(key, before, value);
  }

  /** Writes the file as memory holds it; resolves once durable (rejects if the write failed). */
  rewrite(): Promise<void> {
    return new Promise<void>((resolve, reject) => {
      this.queue.push({
        snapshot: true,
        key: '',
        change: () => undefined,
        reads: false,
        resolve,
        reject,
      });
      this.schedule();
    });
  }

  /** Checks a record against the file's schema; throws StoreValidationError naming the field. */
  check(key: string, value: V): V {
    return checkRecord(this.schema, this.file, key, value);
  }

  /** Resolves when every change made so far has been written (or refused). */
  async flush(): Promise<void> {
    await (this.scheduled ?? this.inFlight);
  }

  private enqueue(key: string, change: RecordChange<V>, reads: boolean): Promise<void> {
    return new Promise<void>((resolve, reject) => {
      this.queue.push({ key, change, reads, resolve, reject });
      this.schedule();
    });
  }

  private schedule(): void {
    if (this.scheduled) return;
    const previous = this.inFlight;
    this.scheduled = (async () => {
      await previous;
      await gather(this.lingerMs);
      this.scheduled = null;
      const batch = this.queue;
      this.queue = [];
      this.inFlight = this.commit(batch);
      await this.inFlight;
    })();
  }

  /** Applies a batch to a staging map, writes it, and only then makes it visible. Never rejects. */
  private async commit(batch: Op<V>[]): Promise<void> {
    const staged = new Map<string, V | undefined>();
    const accepted: Op<V>[] = [];
    for (const op of batch) {
      if (op.snapshot) {
        accepted.push(op);
        continue;
      }
      const base = staged.has(op.key) ? staged.get(op.key) : this.records.get(op.key);
      let next: V | undefined;
      try {
        next = op.change(op.reads && base !== undefined ? structuredClone(base) : base);
        if (next !== undefined) next = this.check(op.key, next);
      } catch (error) {
        op.reject(error);
        continue;
      }
      staged.set(op.key, next);
      accepted.push(op);
    }
    if (accepted.length === 0) return;
    const data: Record<string, V> = {};
    for (const [key, value] of this.records) if (!staged.has(key)) data[key] = value;
    for (const [key, value] of staged) if (value !== undefined) data[key] = value;
    const envelope: Envelope<Record<string, V>> = { version: this.version, data };
    const text = JSON.stringify(envelope);
    try {
      await this.adapter.write(text);
    } catch (error) {
      this.health.noteFailure(error);
      for (const op of accepted) op.reject(error);
      return;
    }
    this.writes += 1;
    this.bytesWritten += text.length;
    this.health.noteWrite(this.file, text.length);
    for (const [key, value] of staged) {
      const before = this.records.get(key);
      if (value === undefined) this.records.delete(key);
      else this.records.set(key, value);
      for (const listener of this.listeners) listener(key, before, value);
    }
    for (const op of accepted) op.resolve();
  }
}

/** The load schema applied on write: what would fail the next start is never written. */
export function checkRecord<V>(schema: z.ZodType<V>, file: string, key: string, value: V): V {
  const parsed = schema.safeParse(value);
  if (!parsed.success) {
    throw new StoreValidationError(file, firstProblem(parsed.error, `data.${key}`));
  }
  return parsed.data;
}

/** A shard file's records, unchecked: the envelope opened and its data a map of records. */
export function readRecordMap(file: string, raw: string, version: number): Record<string, unknown> {
  const data = openEnvelope(file, raw, version);
  if (typeof data !== 'object' || data === null || Array.isArray(data)) {
    throw new StoreCorruptError(file, '"data" is not a map of records');
  }
  return data as Record<string, unknown>;
}

/**
 * Reads one journal's complete lines (`[[key, record|null], …]` each) and hands every change to
 * `apply`, each record checked with `check` first (null: removed). The text after the last
 * newline is a write that never finished and was never acknowledged: skipped. Any other bad line
 * is refused with the file and line number.
 */
export function replayJournal<V>(
  file: string,
  text: string,
  check: (key: string, value: V) => V,
  apply: (key: string, value: V | undefined) => void,
): void {
  const lines = text.split('\n');
  lines.pop();
  lines.forEach((line, index) => {
    let entries: unknown;
    try {
      entries = JSON.parse(line);
    } catch (error) {
      throw new StoreCorruptError(
        file,
        `line ${index + 1} is not valid JSON (${(error as Error).message})`,
      );
    }
    if (!Array.isArray(entries))
      throw new StoreCorruptError(file, `line ${index + 1} is not a list of changes`);
    for (const entry of entries) {
      if (!Array.isArray(entry) || typeof entry[0] !== 'string') {
        throw new StoreCorruptError(file, `line ${index + 1} holds a change without a key`);
      }
      const [key, value] = entry as [string, V | null];
      let checked: V | undefined;
      try {
        checked = value === null ? undefined : check(key, value);
      } catch (error) {
        throw new StoreCorruptError(file, `line ${index + 1}: ${(error as Error).message}`);
      }
      apply(key, checked);
    }
  });
}
