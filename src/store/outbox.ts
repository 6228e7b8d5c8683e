import { join } from 'node:path';
import { z } from 'zod';
import { StoreCorruptError } from './envelope.ts';
import type { KeyedRecords } from './journaled.ts';
import { mediaSchema, newId } from './notices.ts';
import type { ShardedSpec } from './sharded.ts';

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

/** The one-file layout before sharding (read only by the migration). */
export const outboxFileSchema = z.record(z.string(), outboxJobSchema);
export type OutboxFile = z.infer<typeof outboxFileSchema>;

/** Recipients per stored chunk: a mark rewrites one chunk's shard, not the whole job. */
export const OUTBOX_CHUNK = 500;

/**
 * Stored records: a job's header (`<id>`) and its recipients in chunks (`<id>~<n>`). Chunks are
 * written before the header and removed after it, so a header always has all its chunks.
 */
export const outboxRecordSchema = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('job'),
    id: z.string(),
    priority: z.number().int(),
    createdAt: z.string(),
    message: outMessageSchema,
    total: z.number().int().min(0),
  }),
  z.object({
    kind: z.literal('chunk'),
    jobId: z.string(),
    index: z.number().int().min(0),
    to: z.array(z.number().int()),
    marks: z.string().regex(/^[.sbfx]*$/),
  }),
]);
export type OutboxRecord = z.infer<typeof outboxRecordSchema>;
type ChunkRecord = Extract<OutboxRecord, { kind: 'chunk' }>;

export const outboxSpec: ShardedSpec<OutboxRecord> = {
  name: 'outbox',
  version: 1,
  recordSchema: outboxRecordSchema,
  shards: 64,
  // A mark waits at most 5 ms for others: at 1,000 sends a second that is about 5 marks a
  // write, well under the worker's cap of 32 answered-but-not-yet-durable sends.
  lingerMs: 5,
};

export const chunkKey = (jobId: string, index: number): string => `${jobId}~${index}`;

/** Splits a job into the records stored for it. */
export function outboxRecordsOf(job: OutboxJob): [string, OutboxRecord][] {
  const records: [string, OutboxRecord][] = [];
  for (let index = 0; index * OUTBOX_CHUNK < job.to.length; index += 1) {
    const from = index * OUTBOX_CHUNK;
    records.push([
      chunkKey(job.id, index),
      {
        kind: 'chunk',
        jobId: job.id,
        index,
        to: job.to.slice(from, from + OUTBOX_CHUNK),
        marks: job.marks.slice(from, from + OUTBOX_CHUNK),
      },
    ]);
  }
  const { to: _to, marks: _marks, ...header } = job;
  records.push([job.id, { kind: 'job', ...header, total: job.to.length }]);
  return records;
}

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

/**
 * Assembles the jobs from their stored records. Chunks without a header are left-overs of an
 * enqueue cut short by a crash (never announced); they are returned so the caller can drop them.
 */
function assemble(records: KeyedRecords<OutboxRecord>): {
  jobs: Map<string, OutboxJob>;
  orphans: string[];
} {
  const jobs = new Map<string, OutboxJob>();
  const chunks = new Map<string, ChunkRecord[]>();
  const orphans: string[] = [];
  for (const [key, record] of records.entries()) {
    if (record.kind === 'job') continue;
    if (!records.has(record.jobId)) orphans.push(key);
    else {
      const own = chunks.get(record.jobId) ?? [];
      own.push(record);
      chunks.set(record.jobId, own);
    }
  }
  for (const record of records.values()) {
    if (record.kind !== 'job') continue;
    const own = (chunks.get(record.id) ?? []).sort((a, b) => a.index - b.index);
    const to = own.flatMap((chunk) => chunk.to);
    if (to.length !== record.total) {
      throw new StoreCorruptError(
        join(records.spec.name, record.id),
        `outbox job has ${to.length} of its ${record.total} recipients; a chunk file is missing`,
      );
    }
    const { kind: _kind, total: _total, ...header } = record;
    jobs.set(record.id, { ...header, to, marks: own.map((chunk) => chunk.marks).join('') });
  }
  return { jobs, orphans };
}

/**
 * The outbox over a sharded collection. The jobs are kept assembled in memory for the worker;
 * a mark changes one chunk record, and the in-memory job follows once that write is durable.
 */
export async function createOutboxRepository(
  records: KeyedRecords<OutboxRecord>,
  now: () => Date,
): Promise<OutboxRepository> {
  const { jobs, orphans } = assemble(records);
  await Promise.all(orphans.map((key) => records.remove(key)));
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
      const header = stored.pop() as [string, OutboxRecord];
      await Promise.all(stored.map(([key, record]) => records.put(key, record)));
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
        Array.from({ length: count }, (_, index) => records.remove(chunkKey(jobId, index))),
      );
    },
  };
}
