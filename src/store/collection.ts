import { dirname } from 'node:path';
import type { z } from 'zod';
import {
  type Envelope,
  firstProblem,
  parseEnvelope,
  StoreValidationError,
  WriteHealth,
} from './envelope.ts';
import { DurableTextFile, type FileLayer, nodeFileLayer } from './fileLayer.ts';

export { StoreCorruptError, StoreValidationError } from './envelope.ts';

interface Op<T> {
  change: (data: T) => void;
  resolve: () => void;
  reject: (error: unknown) => void;
}

export interface CollectionOptions {
  layer?: FileLayer;
  health?: WriteHealth;
}

export interface CopyOption<T> {
  /**
   * Makes the private copy a batch of changes is applied to (default: a deep copy). A document
   * whose parts are never changed in place once stored, only added or removed (the update
   * inbox's bodies), can pass a shallow copy and save copying them on every write.
   */
  copy?: (data: T) => T;
}

/**
 * One JSON file holding one small document (feedback, schedules, broadcasts). Changes are
 * functions applied, at write time, to a private copy of what is on disk; the copy is checked
 * against the load schema, written, and only then becomes `data`. So memory never runs ahead of
 * the disk, a failed write changes nothing, and nothing the next start would refuse is written.
 * All changes made in the same tick become one write; `update` resolves once it is durable.
 */
export class Collection<T> {
  private queue: Op<T>[] = [];
  private scheduled: Promise<void> | null = null;
  private inFlight: Promise<void> = Promise.resolve();
  private writes = 0;
  private readonly adapter: DurableTextFile;
  private readonly copy: (data: T) => T;

  private constructor(
    readonly file: string,
    private readonly version: number,
    private readonly schema: z.ZodType<T>,
    layer: FileLayer,
    private readonly health: WriteHealth,
    private current: T,
    copy: ((data: T) => T) | undefined,
  ) {
    this.adapter = new DurableTextFile(file, layer);
    this.copy = copy ?? structuredClone;
  }

  /** Reads and validates the file, creating it from `initial` only when it does not exist. */
  static async open<T>(
    file: string,
    version: number,
    schema: z.ZodType<T>,
    initial: () => T,
    options: CollectionOptions & CopyOption<T> = {},
  ): Promise<Collection<T>> {
    const layer = options.layer ?? nodeFileLayer;
    const health = options.health ?? new WriteHealth();
    await layer.ensureDir(dirname(file));
    const raw = await layer.readText(file);
    if (raw === null) {
      const collection = new Collection(
        file,
        version,
        schema,
        layer,
        health,
        initial(),
        options.copy,
      );
      await collection.update(() => undefined);
      return collection;
    }
    health.noteSize(file, raw.length);
    const data = parseEnvelope(file, raw, version, schema);
    return new Collection(file, version, schema, layer, health, data, options.copy);
  }

  /** What is on disk. Read-only: change it only through `update`. */
  get data(): T {
    return this.current;
  }

  /** Number of file writes so far (lets benchmarks and tests see batching work). */
  get writeCount(): number {
    return this.writes;
  }

  /** Queues `change`; resolves once it is durable and visible, rejects if it was not saved. */
  update(change: (data: T) => void): Promise<void> {
    return new Promise<void>((resolve, reject) => {
      this.queue.push({ change, resolve, reject });
      this.schedule();
    });
  }

  /** Resolves when every change made so far has been written (or refused). */
  async flush(): Promise<void> {
    await (this.scheduled ?? this.inFlight);
  }

  private schedule(): void {
    if (this.scheduled) return;
    const previous = this.inFlight;
    this.scheduled = (async () => {
      await previous;
      await new Promise<void>((resolve) => setImmediate(resolve));
      this.scheduled = null;
      const batch = this.queue;
      this.queue = [];
      this.inFlight = this.commit(batch);
      await this.inFlight;
    })();
  }

  private async commit(batch: Op<T>[]): Promise<void> {
    let draft = this.copy(this.current);
    const accepted: Op<T>[] = [];
    for (const op of batch) {
      try {
        op.change(draft);
        accepted.push(op);
      } catch (error) {
        op.reject(error);
        // It may have half-applied itself: rebuild the copy from the changes that went through.
        draft = this.copy(this.current);
        for (const good of accepted) good.change(draft);
      }
    }
    if (accepted.length === 0) return;
    const parsed = this.schema.safeParse(draft);
    if (!parsed.success) {
      const error = new StoreValidationError(this.file, firstProblem(parsed.error));
      for (const op of accepted) op.reject(error);
      return;
    }
    const envelope: Envelope<T> = { version: this.version, data: parsed.data };
    const text = JSON.stringify(envelope);
    try {
      await this.adapter.write(text);
    } catch (error) {
      this.health.noteFailure(error);
      for (const op of accepted) op.reject(error);
      return;
    }
    this.writes += 1;
    this.health.noteWrite(this.file, text.length);
    this.current = parsed.data;
    for (const op of accepted) op.resolve();
  }
}
