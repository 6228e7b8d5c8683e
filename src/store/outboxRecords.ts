import { join } from 'node:path';
import { z } from 'zod';
import { StoreCorruptError } from './envelope.ts';
import type { KeyedRecords } from './journaled.ts';
import { mediaSchema } from './notices.ts';
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

/** Recipients per stored chunk: a mark rewrites one small marks record, not the whole job. */
export const OUTBOX_CHUNK = 500;

/**
 * The outbox as stored, in two collections. `outbox` holds each job's header (`<id>`) and its
 * marks in chunks (`<id>~<n>`, 500 characters): what changes while a broadcast runs. Its
 * recipients, which never change, are in `outbox-recipients` under the same chunk keys, so a
 * mark's write carries a few kilobytes of marks and no chat ids. Chunks are written before the
 * header and removed after it: a header always has all its chunks.
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
    marks: z.string().regex(/^[.sbfx]*$/),
  }),
]);
export type OutboxRecord = z.infer<typeof outboxRecordSchema>;

export const recipientsRecordSchema = z.object({
  jobId: z.string(),
  index: z.number().int().min(0),
  to: z.array(z.number().int()),
});
export type RecipientsRecord = z.infer<typeof recipientsRecordSchema>;

export const outboxSpec: ShardedSpec<OutboxRecord> = {
  name: 'outbox',
  version: 1,
  recordSchema: outboxRecordSchema,
  shards: 64,
  // A mark waits at most 5 ms for others: at 1,000 sends a second that is about 5 marks a
  // write, well under the worker's cap of 32 answered-but-not-yet-durable sends.
  lingerMs: 5,
};

export const outboxRecipientsSpec: ShardedSpec<RecipientsRecord> = {
  name: 'outbox-recipients',
  version: 1,
  recordSchema: recipientsRecordSchema,
  shards: 64,
};

export const chunkKey = (jobId: string, index: number): string => `${jobId}~${index}`;

/** Splits a job into the records stored for it; the header comes last. */
export function outboxRecordsOf(job: OutboxJob): {
  records: [string, OutboxRecord][];
  recipients: [string, RecipientsRecord][];
} {
  const records: [string, OutboxRecord][] = [];
  const recipients: [string, RecipientsRecord][] = [];
  for (let index = 0; index * OUTBOX_CHUNK < job.to.length; index += 1) {
    const from = index * OUTBOX_CHUNK;
    const key = chunkKey(job.id, index);
    const marks = job.marks.slice(from, from + OUTBOX_CHUNK);
    records.push([key, { kind: 'chunk', jobId: job.id, index, marks }]);
    recipients.push([key, { jobId: job.id, index, to: job.to.slice(from, from + OUTBOX_CHUNK) }]);
  }
  const { to: _to, marks: _marks, ...header } = job;
  records.push([job.id, { kind: 'job', ...header, total: job.to.length }]);
  return { records, recipients };
}

/**
 * Assembles the jobs from their stored records. Chunks without a header are left-overs of an
 * enqueue cut short by a crash (never announced); they are returned so the caller can drop them.
 */
export function assembleJobs(
  records: KeyedRecords<OutboxRecord>,
  recipients: KeyedRecords<RecipientsRecord>,
): { jobs: Map<string, OutboxJob>; orphans: { records: string[]; recipients: string[] } } {
  const jobs = new Map<string, OutboxJob>();
  const marks = new Map<string, string[]>();
  const orphans = { records: [] as string[], recipients: [] as string[] };
  for (const [key, record] of records.entries()) {
    if (record.kind === 'job') continue;
    if (!records.has(record.jobId)) orphans.records.push(key);
    else {
      const own = marks.get(record.jobId) ?? [];
      own[record.index] = record.marks;
      marks.set(record.jobId, own);
    }
  }
  for (const [key, record] of recipients.entries()) {
    if (!records.has(record.jobId)) orphans.recipients.push(key);
  }
  for (const record of records.values()) {
    if (record.kind !== 'job') continue;
    const count = Math.ceil(record.total / OUTBOX_CHUNK);
    const to: number[] = [];
    const own = marks.get(record.id) ?? [];
    for (let index = 0; index < count; index += 1) {
      const chunk = recipients.get(chunkKey(record.id, index));
      const chunkMarks = own[index];
      if (!chunk || chunkMarks === undefined || chunkMarks.length !== chunk.to.length) {
        throw new StoreCorruptError(
          join(records.spec.name, record.id),
          `outbox job is missing chunk ${index} of its ${count}; a data file was lost`,
        );
      }
      to.push(...chunk.to);
    }
    const { kind: _kind, total: _total, ...header } = record;
    jobs.set(record.id, { ...header, to, marks: own.join('') });
  }
  return { jobs, orphans };
}
