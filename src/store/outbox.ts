import { z } from 'zod';
import type { Collection } from './collection.ts';
import { mediaSchema, newId } from './notices.ts';

/** What to send; rendered per recipient at send time, so each gets their own language. */
export const outMessageSchema = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('broadcast'),
    broadcastId: z.string(),
    text: z.string(),
    /** The officer's formatting as Telegram HTML, user text escaped; older jobs have none. */
    html: z.string().optional(),
    media: mediaSchema.optional(),
  }),
  z.object({
    kind: z.literal('deadline'),
    scheduleId: z.string(),
    text: z.string(),
    deadlineAt: z.string(),
    late: z.boolean(),
  }),
  z.object({
    kind: z.literal('reminder'),
    reminderId: z.string(),
    text: z.string(),
    dueAt: z.string(),
    late: z.boolean(),
  }),
]);
export type OutMessage = z.infer<typeof outMessageSchema>;

/**
 * One character per recipient, so a 2,000-recipient job stays a few kilobytes:
 * `.` pending, `s` sent (Telegram accepted it), `b` blocked (403), `f` failed, `x` cancelled.
 */
export type Mark = '.' | 's' | 'b' | 'f' | 'x';

export const outboxJobSchema = z.object({
  id: z.string(),
  /** Lower goes first: personal reminders must not wait behind a long broadcast. */
  priority: z.number().int(),
  createdAt: z.string(),
  message: outMessageSchema,
  to: z.array(z.number().int()),
  marks: z.string().regex(/^[.sbfx]*$/),
});
export type OutboxJob = z.infer<typeof outboxJobSchema>;

export const outboxFileSchema = z.record(z.string(), outboxJobSchema);
export type OutboxFile = z.infer<typeof outboxFileSchema>;

export interface JobStats {
  total: number;
  pending: number;
  sent: number;
  blocked: number;
  failed: number;
  cancelled: number;
}

export const PRIORITY = { reminder: 0, deadline: 1, broadcast: 2 } as const;

/** The persistent queue of messages; a mark is written only after Telegram's answer. */
export interface OutboxRepository {
  /** Adds a job; an id already present is kept as is, so enqueueing twice sends once. */
  enqueue(input: {
    id?: string;
    priority: number;
    message: OutMessage;
    to: number[];
  }): Promise<OutboxJob>;
  get(id: string): OutboxJob | undefined;
  /** Jobs in sending order: priority, then age. */
  jobs(): OutboxJob[];
  /** Resolves when the mark is durable. */
  mark(jobId: string, index: number, mark: Mark): Promise<void>;
  /** Marks every pending recipient as cancelled. */
  cancel(jobId: string): Promise<void>;
  remove(jobId: string): Promise<void>;
}

export function jobStats(job: OutboxJob): JobStats {
  const stats: JobStats = {
    total: job.to.length,
    pending: 0,
    sent: 0,
    blocked: 0,
    failed: 0,
    cancelled: 0,
  };
  for (const mark of job.marks) {
    if (mark === '.') stats.pending += 1;
    else if (mark === 's') stats.sent += 1;
    else if (mark === 'b') stats.blocked += 1;
    else if (mark === 'f') stats.failed += 1;
    else stats.cancelled += 1;
  }
  return stats;
}

/** The part of Collection the outbox needs; tests pass an in-memory one. */
export type OutboxCollection = Pick<Collection<OutboxFile>, 'data' | 'update'>;

export function createOutboxRepository(
  collection: OutboxCollection,
  now: () => Date,
): OutboxRepository {
  return {
    async enqueue(input) {
      const id = input.id ?? newId();
      const existing = collection.data[id];
      if (existing) return existing;
      const job: OutboxJob = {
        id,
        priority: input.priority,
        createdAt: now().toISOString(),
        message: input.message,
        to: input.to,
        marks: '.'.repeat(input.to.length),
      };
      await collection.update((file) => {
        file[id] = job;
      });
      return job;
    },
    get: (id) => collection.data[id],
    jobs: () =>
      Object.values(collection.data).sort(
        (a, b) => a.priority - b.priority || a.createdAt.localeCompare(b.createdAt),
      ),
    mark: (jobId, index, mark) =>
      collection.update((file) => {
        const job = file[jobId];
        if (!job || index < 0 || index >= job.marks.length) return;
        job.marks = `${job.marks.slice(0, index)}${mark}${job.marks.slice(index + 1)}`;
      }),
    cancel: (jobId) =>
      collection.update((file) => {
        const job = file[jobId];
        if (job) job.marks = job.marks.replaceAll('.', 'x');
      }),
    async remove(jobId) {
      if (!(jobId in collection.data)) return;
      await collection.update((file) => {
        delete file[jobId];
      });
    },
  };
}
