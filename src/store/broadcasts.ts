import { z } from 'zod';
import type { Collection } from './collection.ts';
import { mediaSchema, newId, type Segment, segmentSchema } from './notices.ts';
import type { JobStats } from './outbox.ts';

const countsSchema = z.object({
  sent: z.number().int(),
  blocked: z.number().int(),
  failed: z.number().int(),
  cancelled: z.number().int(),
});

export const broadcastSchema = z.object({
  id: z.string(),
  officerId: z.number().int(),
  text: z.string(),
  media: mediaSchema.optional(),
  segments: z.array(segmentSchema),
  recipients: z.number().int(),
  status: z.enum(['running', 'done', 'cancelled']),
  /** The officer's progress message, edited while the broadcast runs (also after a restart). */
  progress: z.object({ chatId: z.number().int(), messageId: z.number().int() }).optional(),
  result: countsSchema.optional(),
  createdAt: z.string(),
  finishedAt: z.string().optional(),
});
export type Broadcast = z.infer<typeof broadcastSchema>;

export const broadcastsFileSchema = z.record(z.string(), broadcastSchema);
export type BroadcastsFile = z.infer<typeof broadcastsFileSchema>;

/** History of officer broadcasts; the messages themselves live in the outbox. */
export interface BroadcastRepository {
  get(id: string): Broadcast | undefined;
  /** Newest first. */
  recent(limit: number): Broadcast[];
  running(): Broadcast[];
  add(input: {
    officerId: number;
    text: string;
    media?: Broadcast['media'];
    segments: Segment[];
    recipients: number;
  }): Promise<Broadcast>;
  setProgress(id: string, progress: { chatId: number; messageId: number }): Promise<void>;
  /** Idempotent: a broadcast finished once keeps its first result. */
  finish(id: string, stats: JobStats): Promise<void>;
}

export function createBroadcastRepository(
  collection: Collection<BroadcastsFile>,
  now: () => Date,
): BroadcastRepository {
  const all = () => Object.values(collection.data);
  return {
    get: (id) => collection.data[id],
    recent: (limit) =>
      all()
        .sort((a, b) => b.createdAt.localeCompare(a.createdAt))
        .slice(0, limit),
    running: () => all().filter((b) => b.status === 'running'),
    async add(input) {
      const broadcast: Broadcast = {
        id: newId(),
        ...input,
        status: 'running',
        createdAt: now().toISOString(),
      };
      await collection.update((file) => {
        file[broadcast.id] = broadcast;
      });
      return broadcast;
    },
    setProgress: (id, progress) =>
      collection.update((file) => {
        const broadcast = file[id];
        if (broadcast) broadcast.progress = progress;
      }),
    async finish(id, stats) {
      if (collection.data[id]?.status !== 'running') return;
      await collection.update((file) => {
        const broadcast = file[id];
        if (!broadcast) return;
        broadcast.status = stats.cancelled > 0 ? 'cancelled' : 'done';
        broadcast.result = {
          sent: stats.sent,
          blocked: stats.blocked,
          failed: stats.failed,
          cancelled: stats.cancelled,
        };
        broadcast.finishedAt = now().toISOString();
      });
    },
  };
}
