import { z } from 'zod';
import type { Repeat } from '../scheduling/index.ts';
import type { Collection } from './collection.ts';
import { newId, repeatSchema } from './notices.ts';

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

export const remindersFileSchema = z.record(z.string(), reminderSchema);
export type RemindersFile = z.infer<typeof remindersFileSchema>;

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

export function createReminderRepository(
  collection: Pick<Collection<RemindersFile>, 'data' | 'update'>,
  now: () => Date,
): ReminderRepository {
  const pending = () => Object.values(collection.data).filter((r) => r.status === 'pending');
  return {
    get: (id) => collection.data[id],
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
      await collection.update((file) => {
        file[reminder.id] = reminder;
      });
      return reminder;
    },
    pending,
    pendingOf: (userId) =>
      pending()
        .filter((r) => r.userId === userId)
        .sort((a, b) => a.dueAt.localeCompare(b.dueAt)),
    async remove(id) {
      if (!(id in collection.data)) return;
      await collection.update((file) => {
        delete file[id];
      });
    },
    async removeAllOf(userId) {
      const ids = Object.values(collection.data)
        .filter((reminder) => reminder.userId === userId)
        .map((reminder) => reminder.id);
      if (ids.length === 0) return ids;
      await collection.update((file) => {
        for (const id of ids) delete file[id];
      });
      return ids;
    },
    advance: (id, next, status = 'done') =>
      collection.update((file) => {
        const reminder = file[id];
        if (!reminder) return;
        if (next) reminder.dueAt = next.toISOString();
        else reminder.status = status;
      }),
  };
}
