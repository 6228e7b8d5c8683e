import { z } from 'zod';
import type { Repeat } from '../scheduling/index.ts';
import type { KeyedRecords } from './journaled.ts';
import { newId, repeatSchema } from './notices.ts';
import type { ShardedSpec } from './sharded.ts';

export const reminderSchema = z.object({
  id: z.string(),
  userId: z.number().int(),
  text: z.string(),
  /** ISO time of the next (or, once done, the last) firing. */
  dueAt: z.string(),
  repeat: repeatSchema,
  status: z.enum(['pending', 'done', 'missed']),
  createdAt: z.string(),
});
export type Reminder = z.infer<typeof reminderSchema>;

/** The one-file layout before sharding (read only by the migration). */
export const remindersFileSchema = z.record(z.string(), reminderSchema);

export const remindersSpec: ShardedSpec<Reminder> = {
  name: 'reminders',
  version: 1,
  recordSchema: reminderSchema,
  shards: 128,
  journal: true,
};

/** Personal reminders; the scheduler keeps the pending ones in a due queue. */
export interface ReminderRepository {
  get(id: string): Reminder | undefined;
  add(input: { userId: number; text: string; dueAt: Date; repeat: Repeat }): Promise<Reminder>;
  pendingOf(userId: number): Reminder[];
  pending(): Reminder[];
  remove(id: string): Promise<void>;
  /** Deletes every reminder of a user, fired or not (/forgetme); returns their ids. */
  removeAllOf(userId: number): Promise<string[]>;
  /** Moves a reminder to its next time, or ends it with `status`. */
  advance(id: string, next: Date | null, status?: 'done' | 'missed'): Promise<void>;
}

/**
 * Reminders from a sharded collection, with two indexes kept on every committed write: each
 * user's reminders and the pending set, so neither `/reminders` nor `/forgetme` scans them all.
 */
export function createReminderRepository(
  records: KeyedRecords<Reminder>,
  now: () => Date,
): ReminderRepository {
  const byUser = new Map<number, Set<string>>();
  const pendingIds = new Set<string>();
  const track = (id: string, before: Reminder | undefined, after: Reminder | undefined) => {
    if (before && before.userId !== after?.userId) {
      const own = byUser.get(before.userId);
      own?.delete(id);
      if (own?.size === 0) byUser.delete(before.userId);
    }
    if (after) {
      const own = byUser.get(after.userId) ?? new Set<string>();
      own.add(id);
      byUser.set(after.userId, own);
    }
    if (after?.status === 'pending') pendingIds.add(id);
    else pendingIds.delete(id);
  };
  for (const [id, reminder] of records.entries()) track(id, undefined, reminder);
  records.onCommit(track);
  const ofUser = (userId: number) =>
    [...(byUser.get(userId) ?? [])]
      .map((id) => records.get(id))
      .filter((reminder): reminder is Reminder => reminder !== undefined);

  return {
    get: (id) => records.get(id),
    async add(input) {
      const reminder: Reminder = {
        id: newId(),
        userId: input.userId,
        text: input.text,
        dueAt: input.dueAt.toISOString(),
        repeat: input.repeat,
        status: 'pending',
        createdAt: now().toISOString(),
      };
      await records.put(reminder.id, reminder);
      return records.get(reminder.id) ?? reminder;
    },
    pending: () =>
      [...pendingIds]
        .map((id) => records.get(id))
        .filter((reminder): reminder is Reminder => reminder !== undefined),
    pendingOf: (userId) =>
      ofUser(userId)
        .filter((r) => r.status === 'pending')
        .sort((a, b) => a.dueAt.localeCompare(b.dueAt)),
    async remove(id) {
      if (!records.has(id)) return;
      await records.remove(id);
    },
    async removeAllOf(userId) {
      const ids = ofUser(userId).map((reminder) => reminder.id);
      await Promise.all(ids.map((id) => records.remove(id)));
      return ids;
    },
    async advance(id, next, status = 'done') {
      if (!records.has(id)) return;
      await records.change(id, (reminder) => {
        if (!reminder) return reminder;
        if (next) return { ...reminder, dueAt: next.toISOString() };
        return { ...reminder, status };
      });
    },
  };
}
