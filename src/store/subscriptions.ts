import { z } from 'zod';
import type { Collection } from './collection.ts';
import { type Channel, channelSchema } from './notices.ts';
import type { Role } from './users.ts';

export const subscriptionsFileSchema = z.record(
  z.string().regex(/^-?\d+$/),
  z.object({ channels: z.array(channelSchema), updatedAt: z.string() }),
);
export type SubscriptionsFile = z.infer<typeof subscriptionsFileSchema>;

/** What a user who never chose is subscribed to: general notices and their role's channel. */
export function defaultChannels(role: Role | null): Channel[] {
  return role === null ? ['general'] : ['general', role];
}

/** Per-user notice channels; a user with no record gets {@link defaultChannels}. */
export interface SubscriptionRepository {
  /** The explicit choice, or undefined when the user never chose (nor was told the defaults). */
  get(userId: number): Channel[] | undefined;
  channelsOf(userId: number, role: Role | null): Channel[];
  set(userId: number, channels: Channel[]): Promise<void>;
  /** Adds or removes one channel and returns the new list. */
  toggle(userId: number, role: Role | null, channel: Channel): Promise<Channel[]>;
  /** Forgets the user's choice entirely (/forgetme). */
  remove(userId: number): Promise<void>;
}

export function createSubscriptionRepository(
  collection: Collection<SubscriptionsFile>,
  now: () => Date,
): SubscriptionRepository {
  const get = (userId: number) => collection.data[String(userId)]?.channels;
  const set = (userId: number, channels: Channel[]) =>
    collection.update((file) => {
      file[String(userId)] = { channels: [...new Set(channels)], updatedAt: now().toISOString() };
    });
  const channelsOf = (userId: number, role: Role | null) => get(userId) ?? defaultChannels(role);
  return {
    get,
    channelsOf,
    set,
    async toggle(userId, role, channel) {
      const current = channelsOf(userId, role);
      const next = current.includes(channel)
        ? current.filter((c) => c !== channel)
        : [...current, channel];
      await set(userId, next);
      return next;
    },
    async remove(userId) {
      if (!(String(userId) in collection.data)) return;
      await collection.update((file) => {
        delete file[String(userId)];
      });
    },
  };
}
