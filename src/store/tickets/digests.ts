import { join } from 'node:path';
import { z } from 'zod';
import { Collection, type CollectionOptions } from '../collection.ts';

/**
 * The officers' morning digests waiting to be delivered, one per due time: queued once (a timer
 * firing twice, or a restart, queues the same id), then sent by the ticket notice worker with the
 * same pacing and marks as ticket notices, so a 429 or a crash delays a digest but never drops it.
 * Its content (new and overdue tickets) is read when it is sent.
 */
const digestSchema = z.object({
  to: z.array(z.number().int()),
  marks: z.string().regex(/^[.sbfx]*$/),
  at: z.string(),
});
export const digestsFileSchema = z.record(z.string().min(1), digestSchema);
export type DigestsFile = z.infer<typeof digestsFileSchema>;
export type PendingDigest = z.infer<typeof digestSchema> & { id: string };

export interface DigestQueue {
  /** Adds a digest for these chats; an id already queued is kept as it is. */
  queue(id: string, to: number[], at: string): Promise<void>;
  pending(): PendingDigest[];
  get(id: string): PendingDigest | undefined;
  mark(id: string, index: number, mark: string): Promise<void>;
  finish(id: string): Promise<void>;
  flush(): Promise<void>;
}

/** Opens `<dir>/ticket-digests.json`. */
export async function openDigests(
  dir: string,
  options: CollectionOptions = {},
): Promise<DigestQueue> {
  const collection = await Collection.open<DigestsFile>(
    join(dir, 'ticket-digests.json'),
    1,
    digestsFileSchema,
    () => ({}),
    options,
  );
  const get = (id: string): PendingDigest | undefined => {
    const digest = collection.data[id];
    return digest ? { ...digest, id } : undefined;
  };
  return {
    async queue(id, to, at) {
      if (id in collection.data || to.length === 0) return;
      await collection.update((data) => {
        data[id] ??= { to, marks: '.'.repeat(to.length), at };
      });
    },
    pending: () =>
      Object.keys(collection.data)
        .sort()
        .flatMap((id) => get(id) ?? []),
    get,
    mark: (id, index, mark) =>
      collection.update((data) => {
        const digest = data[id];
        if (!digest || index < 0 || index >= digest.marks.length) return;
        digest.marks = `${digest.marks.slice(0, index)}${mark}${digest.marks.slice(index + 1)}`;
      }),
    async finish(id) {
      if (!(id in collection.data)) return;
      await collection.update((data) => {
        delete data[id];
      });
    },
    flush: () => collection.flush(),
  };
}
