import type { z } from 'zod';

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

/** Raised instead of writing a change that would fail the next start's checks. */
export class StoreValidationError extends Error {
  constructor(
    readonly file: string,
    readonly problem: string,
  ) {
    super(`not saved to ${file}: ${problem}`);
    this.name = 'StoreValidationError';
  }
}

/** Raised when the database did not take a change (connection lost, server down); nothing changed. */
export class StoreUnavailableError extends Error {
  constructor(cause: unknown) {
    super(`not saved: the database did not take the change (${errorText(cause)})`, { cause });
    this.name = 'StoreUnavailableError';
  }
}

const errorText = (error: unknown) => (error instanceof Error ? error.message : String(error));

export interface Envelope<T> {
  version: number;
  data: T;
}

export function describeIssue(issue: z.core.$ZodIssue, prefix = 'data'): string {
  const path = issue.path.map(String).join('.');
  return path ? `field "${prefix}.${path}": ${issue.message}` : issue.message;
}

export function firstProblem(error: z.ZodError, prefix = 'data'): string {
  const first = error.issues[0];
  return first ? describeIssue(first, prefix) : 'does not match its schema';
}

/** Parses `{version, data}` and checks `data` against `schema`; any problem names the file. */
export function parseEnvelope<T>(
  file: string,
  raw: string,
  version: number,
  schema: z.ZodType<T>,
): T {
  const data = openEnvelope(file, raw, version);
  const parsed = schema.safeParse(data);
  if (!parsed.success) throw new StoreCorruptError(file, firstProblem(parsed.error));
  return parsed.data;
}

/** Parses `{version, data}` and checks the version; `data` is returned unchecked. */
export function openEnvelope(file: string, raw: string, version: number): unknown {
  let json: unknown;
  try {
    json = JSON.parse(raw);
  } catch (error) {
    throw new StoreCorruptError(file, `not valid JSON (${(error as Error).message})`);
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
  return json.data;
}

/** What a store's writes have been doing, for /healthz: sizes seen and the last failure. */
export class WriteHealth {
  private readonly sizes = new Map<string, number>();
  private largest = 0;
  lastFailureAt: number | null = null;
  lastFailure: string | null = null;
  lastSuccessAt: number | null = null;

  noteSize(file: string, bytes: number): void {
    this.sizes.set(file, bytes);
    if (bytes > this.largest) this.largest = bytes;
  }

  noteWrite(file: string, bytes: number, at = Date.now()): void {
    this.noteSize(file, bytes);
    this.lastSuccessAt = at;
  }

  noteFailure(error: unknown, at = Date.now()): void {
    this.lastFailureAt = at;
    this.lastFailure = error instanceof Error ? error.message : String(error);
  }

  /** Bytes the next writes need: twice the largest data file (a temporary copy beside it). */
  get neededBytes(): number {
    return 2 * this.largest;
  }

  /** True when the last write that ended, ended in failure, within `windowMs`. */
  failedRecently(windowMs: number, now = Date.now()): boolean {
    if (this.lastFailureAt === null || now - this.lastFailureAt > windowMs) return false;
    return this.lastSuccessAt === null || this.lastSuccessAt < this.lastFailureAt;
  }
}

const DISK_ERRORS = new Set(['ENOSPC', 'EDQUOT', 'EROFS', 'EIO', 'EACCES', 'EPERM']);

/**
 * Whether `error` means "this change was not saved" (full disk, read-only mount, a change that
 * failed validation): memory is unchanged then, so the user can be told so and simply retry.
 */
export function isNotSavedError(error: unknown): boolean {
  if (error instanceof StoreValidationError || error instanceof StoreUnavailableError) return true;
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  return typeof code === 'string' && DISK_ERRORS.has(code);
}
