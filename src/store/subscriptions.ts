import { z } from 'zod';
import type { KeyedRecords } from './journaled.ts';
import { type Channel, channelSchema } from './notices.ts';
import type { ShardedSpec } from './sharded.ts';
import type { Role } from './users.ts';

export const subscriptionSchema = z.object({
  channels: z.array(channelSchema),
  updatedAt: z.string(),
});
export type Subscription = z.infer<typeof subscriptionSchema>;

/** The one-file layout before sharding (read only by the migration). */
export const subscriptionsFileSchema = z.record(z.string().regex(/^-?\d+$/), subscriptionSchema);

export const subscriptionsSpec: ShardedSpec<Subscription> = {
  name: 'subscriptions',
  version: 1,
  recordSchema: subscriptionSchema,
  shards: 64,
  journal: true,
};

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
  records: KeyedRecords<Subscription>,
  now: () => Date,
): SubscriptionRepository {
  const get = (userId: number) => records.get(String(userId))?.channels;
  const set = async (userId: number, channels: Channel[]) => {
    const unique = [...new Set(channels)];
    const current = get(userId);
    if (current && current.length === unique.length && current.every((c, i) => c === unique[i]))
      return;
    await records.put(String(userId), { channels: unique, updatedAt: now().toISOString() });
  };
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
      if (!records.has(String(userId))) return;
      await records.remove(String(userId));
    },
  };
}
