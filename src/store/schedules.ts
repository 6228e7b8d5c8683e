import { z } from 'zod';
import type { DeadlineRule } from '../scheduling/index.ts';
import type { Collection } from './collection.ts';
import { deadlineRuleSchema, newId, type Segment, segmentSchema } from './notices.ts';

export const scheduleSchema = z.object({
  id: z.string(),
  createdBy: z.number().int(),
  segments: z.array(segmentSchema).min(1),
  rule: deadlineRuleSchema,
  leadDays: z.array(z.number().int().min(0).max(365)).min(1),
  text: z.string(),
  paused: z.boolean(),
  /** Next notice to send and the deadline it announces; null once a one-off deadline passed. */
  nextNoticeAt: z.string().nullable(),
  nextDeadlineAt: z.string().nullable(),
  createdAt: z.string(),
});
export type Schedule = z.infer<typeof scheduleSchema>;

export const schedulesFileSchema = z.record(z.string(), scheduleSchema);
export type SchedulesFile = z.infer<typeof schedulesFileSchema>;

export interface NewSchedule {
  createdBy: number;
  segments: Segment[];
  rule: DeadlineRule;
  leadDays: number[];
  text: string;
}

/** Officers' recurring deadline notices. */
export interface ScheduleRepository {
  get(id: string): Schedule | undefined;
  all(): Schedule[];
  add(input: NewSchedule, next: { noticeAt: Date; deadlineAt: Date } | null): Promise<Schedule>;
  setPaused(id: string, paused: boolean): Promise<void>;
  setNext(id: string, next: { noticeAt: Date; deadlineAt: Date } | null): Promise<void>;
  remove(id: string): Promise<void>;
}

export function createScheduleRepository(
  collection: Pick<Collection<SchedulesFile>, 'data' | 'update'>,
  now: () => Date,
): ScheduleRepository {
  const write = (id: string, change: (schedule: Schedule) => void) =>
    collection.update((file) => {
      const schedule = file[id];
      if (schedule) change(schedule);
    });
  return {
    get: (id) => collection.data[id],
    all: () =>
      Object.values(collection.data).sort((a, b) => a.createdAt.localeCompare(b.createdAt)),
    async add(input, next) {
      const schedule: Schedule = {
        id: newId(),
        ...input,
        paused: false,
        nextNoticeAt: next?.noticeAt.toISOString() ?? null,
        nextDeadlineAt: next?.deadlineAt.toISOString() ?? null,
        createdAt: now().toISOString(),
      };
      await collection.update((file) => {
        file[schedule.id] = schedule;
      });
      return schedule;
    },
    setPaused: (id, paused) => write(id, (s) => (s.paused = paused)),
    setNext: (id, next) =>
      write(id, (s) => {
        s.nextNoticeAt = next?.noticeAt.toISOString() ?? null;
        s.nextDeadlineAt = next?.deadlineAt.toISOString() ?? null;
      }),
    async remove(id) {
      if (!(id in collection.data)) return;
      await collection.update((file) => {
        delete file[id];
      });
    },
  };
}
