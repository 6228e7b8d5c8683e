import { z } from 'zod';
import type { Repeat } from '../scheduling/index.ts';
import type { ColdRecords } from './coldRecords.ts';
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

/**
 * Reminders that ended (done or missed): kept on disk only (see coldRecords.ts), so memory holds
 * the pending ones and does not grow with every reminder ever delivered.
 */
export const deliveredRemindersSpec: ShardedSpec<Reminder> = {
  name: 'reminders-delivered',
  version: 1,
  recordSchema: reminderSchema,
  shards: 64,
};

/**
 * Moves ended reminders left in the pending collection (an older version kept them there, or a
 * crash came between the two writes of an ending) to the delivered ones: written there first,
 * then removed here, so a crash in between repeats the move and loses nothing.
 */
export async function moveEndedReminders(
  records: KeyedRecords<Reminder>,
  delivered: ColdRecords<Reminder>,
): Promise<number> {
  const ended = [...records.values()].filter((reminder) => reminder.status !== 'pending');
  await Promise.all(ended.map((reminder) => delivered.put(reminder.id, reminder)));
  await Promise.all(ended.map((reminder) => records.remove(reminder.id)));
  return ended.length;
}

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
 * Reminders from a journaled collection, with each user's reminders indexed (built on first use,
 * then kept on every committed write), so neither `/reminders` nor `/forgetme` scans them all.
 * The pending ones are listed once, when the scheduler starts.
 */
export function createReminderRepository(
  records: KeyedRecords<Reminder>,
  now: () => Date,
  delivered?: ColdRecords<Reminder>,
): ReminderRepository {
  let byUser: Map<number, string[]> | null = null;
  const untrack = (index: Map<number, string[]>, userId: number, id: string) => {
    const own = (index.get(userId) ?? []).filter((other) => other !== id);
    if (own.length > 0) index.set(userId, own);
    else index.delete(userId);
  };
  const track = (index: Map<number, string[]>, userId: number, id: string) => {
    const own = index.get(userId);
    if (!own) index.set(userId, [id]);
    else if (!own.includes(id)) own.push(id);
  };
  records.onCommit((id, before, after) => {
    if (!byUser) return;
    if (before && before.userId !== after?.userId) untrack(byUser, before.userId, id);
    if (after) track(byUser, after.userId, id);
  });
  const index = () => {
    if (!byUser) {
      byUser = new Map();
      for (const [id, reminder] of records.entries()) track(byUser, reminder.userId, id);
    }
    return byUser;
  };
  const ofUser = (userId: number) =>
    (index().get(userId) ?? [])
      .map((id) => records.get(id))
      .filter((reminder): reminder is Reminder => reminder !== undefined);

  return {
    get: (id) => records.get(id) ?? delivered?.get(id),
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
    pending: () => [...records.values()].filter((reminder) => reminder.status === 'pending'),
    pendingOf: (userId) =>
      ofUser(userId)
        .filter((r) => r.status === 'pending')
        .sort((a, b) => a.dueAt.localeCompare(b.dueAt)),
    async remove(id) {
      if (records.has(id)) await records.remove(id);
      else if (delivered?.get(id)) await delivered.remove(id);
    },
    async removeAllOf(userId) {
      const ids = ofUser(userId).map((reminder) => reminder.id);
      const ended = delivered ? await delivered.keysWhere((r) => r.userId === userId) : [];
      await Promise.all([
        ...ids.map((id) => records.remove(id)),
        ...ended.map((id) => delivered?.remove(id)),
      ]);
      return [...ids, ...ended.filter((id) => !ids.includes(id))];
    },
    async advance(id, next, status = 'done') {
      if (!records.has(id)) return;
      await records.change(id, (reminder) => {
        if (!reminder) return reminder;
        if (next) return { ...reminder, dueAt: next.toISOString() };
        return { ...reminder, status };
      });
      const ended = records.get(id);
      if (!delivered || next || ended === undefined) return;
      // Ended: written as such first (above), then moved to disk-only storage.
      await delivered.put(id, ended);
      await records.remove(id);
    },
  };
}
