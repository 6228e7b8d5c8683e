import { join } from 'node:path';
import type { Update } from 'telegraf/types';
import { z } from 'zod';
import { Collection } from '../store/collection.ts';

/** Handled update ids kept for recognising redeliveries; older ones are summed up by `seenUpTo`. */
const KEEP_HANDLED = 2000;
/** Handled ids are trimmed in steps, so a mark costs no scan of the whole list. */
const TRIM_STEP = 500;

const updateSchema = z.custom<Update>(
  (value) =>
    typeof value === 'object' &&
    value !== null &&
    Number.isSafeInteger((value as { update_id?: unknown }).update_id),
  'is not a Telegram update',
);

export const inboxFileSchema = z.object({
  /**
   * Update ids only grow, so every id at or below this one was seen; handled ids below it are
   * forgotten, one still waiting keeps its body in `waiting`.
   */
  seenUpTo: z.number().int(),
  /** Recently handled ids (their bodies are dropped once handled). */
  handled: z.array(z.number().int()),
  /** Recorded, not handled yet: what a crash interrupted, run again at start. */
  waiting: z.record(z.string().regex(/^\d+$/), updateSchema),
});
export type InboxFile = z.infer<typeof inboxFileSchema>;

/** The part of Collection the inbox needs; unit tests pass an in-memory one. */
export type InboxCollection = Pick<Collection<InboxFile>, 'data' | 'update' | 'flush'>;

const DISK_REFUSALS = new Set(['ENOSPC', 'EDQUOT', 'EROFS', 'EIO', 'EFBIG']);

/** A write the disk itself refused, as opposed to a bug or a bad record. */
export function isDiskRefusal(error: unknown): boolean {
  const code = (error as NodeJS.ErrnoException | null)?.code;
  return typeof code === 'string' && DISK_REFUSALS.has(code);
}

/**
 * The durable record of every update Telegram gave the bot, keyed by update_id. An update is
 * recorded before it is acknowledged (polling offset or webhook 200), so a crash never loses one;
 * an id already recorded is not handled again, so Telegram's redeliveries are harmless.
 */
export class Inbox {
  /** Writes in progress, so a duplicate arriving meanwhile waits for the same write. */
  private readonly recording = new Map<number, Promise<void>>();
  /** Ids recorded or handled in this process, for a check that never scans the file. */
  private readonly seen = new Set<number>();
  /** Updates taken while the disk refused writes: known in memory only (see `record`). */
  private readonly unrecorded = new Set<number>();

  /** Told when the disk refused to record updates, so the operator hears of it. */
  onDiskRefusal?: (error: unknown) => void;

  constructor(private readonly collection: InboxCollection) {
    const file = collection.data;
    for (const id of file.handled) this.seen.add(id);
    for (const id of Object.keys(file.waiting)) this.seen.add(Number(id));
  }

  /** Opens `<dataDir>/inbox.json`. */
  static async open(dataDir: string): Promise<Inbox> {
    const collection = await Collection.open<InboxFile>(
      join(dataDir, 'inbox.json'),
      1,
      inboxFileSchema,
      () => ({ seenUpTo: 0, handled: [], waiting: {} }),
      // A recorded body is never changed, only dropped once handled: copy the lists, not them.
      { copy: (file) => ({ ...file, handled: [...file.handled], waiting: { ...file.waiting } }) },
    );
    return new Inbox(collection);
  }

  /** Whether this update id was recorded before (handled or waiting). */
  has(updateId: number): boolean {
    return updateId <= this.collection.data.seenUpTo || this.seen.has(updateId);
  }

  /**
   * Records the updates not seen before and resolves once they are on disk; returns those new
   * ones, which the caller must handle. When the disk refuses the write (full, read-only), the
   * updates are still returned, remembered in memory only: handling them tells each user that
   * nothing could be saved, instead of leaving everyone unanswered until space returns (a crash
   * in that state loses them, but none of their changes could be written anyway). Any other
   * failure rejects, recording nothing, and the caller must not acknowledge the batch.
   */
  async record(updates: readonly Update[]): Promise<Update[]> {
    const fresh: Update[] = [];
    const waits: Promise<void>[] = [];
    for (const update of updates) {
      const id = update.update_id;
      const inProgress = this.recording.get(id);
      if (inProgress) waits.push(inProgress);
      else if (!this.has(id) && !fresh.some((other) => other.update_id === id)) fresh.push(update);
    }
    if (fresh.length > 0) {
      const write = this.collection.update((file) => {
        for (const update of fresh)
          file.waiting[String(update.update_id)] = structuredClone(update);
      });
      for (const update of fresh) this.recording.set(update.update_id, write);
      try {
        await write;
        for (const update of fresh) this.seen.add(update.update_id);
      } catch (error) {
        if (!isDiskRefusal(error)) throw error;
        for (const update of fresh) {
          this.unrecorded.add(update.update_id);
          this.seen.add(update.update_id);
        }
        this.onDiskRefusal?.(error);
      } finally {
        for (const update of fresh) this.recording.delete(update.update_id);
      }
    }
    await Promise.all(waits);
    return fresh;
  }

  /** Updates recorded but not handled, oldest first: what a crash interrupted. */
  waiting(): Update[] {
    return Object.entries(this.collection.data.waiting)
      .sort(([a], [b]) => Number(a) - Number(b))
      .map(([, update]) => structuredClone(update));
  }

  /**
   * Marks an update handled: its body is dropped and its id kept with the recent ones; once
   * there are too many, the oldest are summed up by `seenUpTo`.
   */
  markHandled(updateId: number): Promise<void> {
    if (this.unrecorded.has(updateId)) return Promise.resolve();
    return this.collection.update((file) => {
      if (!(String(updateId) in file.waiting)) return;
      delete file.waiting[String(updateId)];
      file.handled.push(updateId);
      if (file.handled.length < KEEP_HANDLED + TRIM_STEP) return;
      file.handled.sort((a, b) => a - b);
      const forgotten = file.handled.splice(0, file.handled.length - KEEP_HANDLED);
      file.seenUpTo = Math.max(file.seenUpTo, ...forgotten);
      for (const id of forgotten) this.seen.delete(id);
    });
  }

  flush(): Promise<void> {
    return this.collection.flush();
  }
}
