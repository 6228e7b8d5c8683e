import { mkdir, open, readFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { Low } from 'lowdb';
import { JSONFile } from 'lowdb/node';
import type { z } from 'zod';
import { errorMessage } from '../errors.ts';

/** Raised when a data file cannot be trusted; the file is left exactly as it was found. */
export class StoreCorruptError extends Error {
  constructor(
    readonly file: string,
    readonly problem: string,
  ) {
    super(
      `${file}: ${problem}. The file was left untouched; repair it or restore it from a backup, then start again.`,
    );
    this.name = 'StoreCorruptError';
  }
}

interface Envelope<T> {
  version: number;
  data: T;
}

function describeIssue(issue: z.core.$ZodIssue): string {
  const path = issue.path.map(String).join('.');
  return path ? `field "data.${path}": ${issue.message}` : issue.message;
}

/**
 * One JSON file holding one collection, behind the only lowdb instance for that file.
 * Changes apply in memory at once; all changes made in the same tick become one write,
 * and `update` resolves only when that write is on disk, so a handler can await it
 * before telling the user anything.
 */
export class Collection<T> {
  private pending: Promise<void> | null = null;
  private inFlight: Promise<void> = Promise.resolve();
  private writes = 0;

  private constructor(
    readonly file: string,
    private readonly db: Low<Envelope<T>>,
  ) {}

  /** Reads and validates the file, creating it from `initial` only when it does not exist. */
  static async open<T>(
    file: string,
    version: number,
    schema: z.ZodType<T>,
    initial: () => T,
  ): Promise<Collection<T>> {
    await mkdir(dirname(file), { recursive: true });
    const db = new Low<Envelope<T>>(new JSONFile<Envelope<T>>(file), { version, data: initial() });
    const raw = await readFile(file, 'utf8').catch((error: NodeJS.ErrnoException) => {
      if (error.code === 'ENOENT') return null;
      throw error;
    });
    const collection = new Collection(file, db);
    if (raw === null) {
      await collection.update(() => undefined);
      return collection;
    }
    db.data = parseEnvelope(file, raw, version, schema);
    return collection;
  }

  /** Current contents; mutate only inside `update`, so every change gets written. */
  get data(): T {
    return this.db.data.data;
  }

  /** Number of file writes so far (lets benchmarks and tests see batching work). */
  get writeCount(): number {
    return this.writes;
  }

  /** Applies `change` now and resolves once it is durable on disk. */
  update(change: (data: T) => void): Promise<void> {
    change(this.db.data.data);
    return this.scheduleWrite();
  }

  /** Resolves when every change made so far is on disk. */
  async flush(): Promise<void> {
    await (this.pending ?? this.inFlight);
  }

  private scheduleWrite(): Promise<void> {
    if (this.pending) return this.pending;
    const previous = this.inFlight;
    this.pending = (async () => {
      await previous.catch(() => undefined);
      await new Promise<void>((resolve) => setImmediate(resolve));
      this.pending = null;
      this.inFlight = this.writeNow();
      await this.inFlight;
    })();
    return this.pending;
  }

  private async writeNow(): Promise<void> {
    await this.db.write();
    this.writes += 1;
    // JSONFile renames a fully written temporary file into place (atomic); syncing the result
    // makes it survive a power cut too, not only a crash of this process.
    const handle = await open(this.file, 'r');
    try {
      await handle.sync();
    } finally {
      await handle.close();
    }
  }
}

function parseEnvelope<T>(
  file: string,
  raw: string,
  version: number,
  schema: z.ZodType<T>,
): Envelope<T> {
  let json: unknown;
  try {
    json = JSON.parse(raw);
  } catch (error) {
    throw new StoreCorruptError(file, `not valid JSON (${errorMessage(error)})`);
  }
  if (typeof json !== 'object' || json === null || !('version' in json) || !('data' in json)) {
    throw new StoreCorruptError(file, 'expected an object with "version" and "data"');
  }
  if (json.version !== version) {
    throw new StoreCorruptError(
      file,
      `schema version ${String(json.version)} is not the version ${version} this program reads`,
    );
  }
  const parsed = schema.safeParse(json.data);
  if (!parsed.success) {
    const first = parsed.error.issues[0];
    throw new StoreCorruptError(file, first ? describeIssue(first) : 'does not match its schema');
  }
  return { version, data: parsed.data };
}
