import { z } from 'zod';
import type { KeyedRecords } from './journaled.ts';
import { newId } from './notices.ts';
import {
  assembleJobs,
  chunkKey,
  type Mark,
  OUTBOX_CHUNK,
  type OutboxJob,
  type OutboxRecord,
  type OutMessage,
  outboxJobSchema,
  outboxRecordsOf,
  type RecipientsRecord,
} from './outboxRecords.ts';

export {
  type Mark,
  type OutboxJob,
  type OutMessage,
  outboxJobSchema,
  outboxRecipientsSpec,
  outboxRecordsOf,
  outboxSpec,
  outMessageSchema,
} from './outboxRecords.ts';

/** The one-file layout before sharding (read only by the migration). */
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

export function jobStats(job: Pick<OutboxJob, 'to' | 'marks'>): JobStats {
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

/**
 * The outbox over a sharded collection. The jobs are kept assembled in memory for the worker;
 * a mark changes one chunk record, and the in-memory job follows once that write is durable.
 */
export async function createOutboxRepository(
  records: KeyedRecords<OutboxRecord>,
  recipients: KeyedRecords<RecipientsRecord>,
  now: () => Date,
): Promise<OutboxRepository> {
  const { jobs, orphans } = assembleJobs(records, recipients);
  await Promise.all([
    ...orphans.records.map((key) => records.remove(key)),
    ...orphans.recipients.map((key) => recipients.remove(key)),
  ]);
  records.onCommit((_key, _before, after) => {
    if (after?.kind !== 'chunk') return;
    const job = jobs.get(after.jobId);
    if (!job) return;
    const from = after.index * OUTBOX_CHUNK;
    job.marks = `${job.marks.slice(0, from)}${after.marks}${job.marks.slice(from + after.marks.length)}`;
  });
  const changeMarks = (jobId: string, index: number, change: (marks: string) => string) =>
    records.change(chunkKey(jobId, index), (chunk) =>
      chunk?.kind === 'chunk' ? { ...chunk, marks: change(chunk.marks) } : chunk,
    );
  return {
    async enqueue(input) {
      const id = input.id ?? newId();
      const existing = jobs.get(id);
      if (existing) return existing;
      const job: OutboxJob = {
        id,
        priority: input.priority,
        createdAt: now().toISOString(),
        message: input.message,
        to: [...input.to],
        marks: '.'.repeat(input.to.length),
      };
      const stored = outboxRecordsOf(job);
      const header = stored.records.pop() as [string, OutboxRecord];
      await Promise.all([
        ...stored.recipients.map(([key, record]) => recipients.put(key, record)),
        ...stored.records.map(([key, record]) => records.put(key, record)),
      ]);
      await records.put(...header);
      const raced = jobs.get(id);
      if (raced) return raced;
      jobs.set(id, job);
      return job;
    },
    get: (id) => jobs.get(id),
    jobs: () =>
      [...jobs.values()].sort(
        (a, b) => a.priority - b.priority || a.createdAt.localeCompare(b.createdAt),
      ),
    async mark(jobId, index, mark) {
      const job = jobs.get(jobId);
      if (!job || index < 0 || index >= job.marks.length) return;
      const at = index % OUTBOX_CHUNK;
      await changeMarks(jobId, Math.floor(index / OUTBOX_CHUNK), (marks) =>
        at < marks.length ? `${marks.slice(0, at)}${mark}${marks.slice(at + 1)}` : marks,
      );
    },
    async cancel(jobId) {
      const job = jobs.get(jobId);
      if (!job) return;
      const count = Math.ceil(job.to.length / OUTBOX_CHUNK);
      await Promise.all(
        Array.from({ length: count }, (_, index) =>
          changeMarks(jobId, index, (marks) => marks.replaceAll('.', 'x')),
        ),
      );
    },
    async remove(jobId) {
      const job = jobs.get(jobId);
      if (!job) return;
      await records.remove(jobId);
      jobs.delete(jobId);
      const count = Math.ceil(job.to.length / OUTBOX_CHUNK);
      await Promise.all(
        Array.from({ length: count }, (_, index) => [
          records.remove(chunkKey(jobId, index)),
          recipients.remove(chunkKey(jobId, index)),
        ]).flat(),
      );
    },
  };
}
