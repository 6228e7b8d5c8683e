import type { KeyedRecords } from './journaled.ts';
import type { Channel, Segment } from './notices.ts';
import { defaultChannels, type Subscription } from './subscriptions.ts';
import type { User } from './users.ts';

const channelsFor = (
  user: User | undefined,
  subscription: Subscription | undefined,
): readonly Channel[] =>
  user?.active ? (subscription?.channels ?? defaultChannels(user.role)) : [];

/**
 * Who each notice channel reaches, so choosing a broadcast's segments or firing a deadline
 * notice never scans every user. Built on first use (most starts never broadcast), then kept up
 * to date on every committed write of a profile or a subscription. Only active users are members.
 */
export class RecipientIndex {
  private byChannel: Map<Channel, Set<number>> | null = null;

  constructor(
    private readonly users: KeyedRecords<User>,
    private readonly subscriptions: KeyedRecords<Subscription>,
  ) {
    users.onCommit((key, before, after) => {
      const subscription = subscriptions.get(key);
      this.move(Number(key), channelsFor(before, subscription), channelsFor(after, subscription));
    });
    subscriptions.onCommit((key, before, after) => {
      const user = users.get(key);
      this.move(Number(key), channelsFor(user, before), channelsFor(user, after));
    });
  }

  /** Chat ids reached by `segments`, each once, in id order (a resumed outbox stays comparable). */
  recipients(segments: readonly Segment[]): number[] {
    const sets = this.setsOf(segments);
    if (sets.length === 1) return [...(sets[0] as Set<number>)].sort((a, b) => a - b);
    const all = new Set<number>();
    for (const set of sets) for (const id of set) all.add(id);
    return [...all].sort((a, b) => a - b);
  }

  private setsOf(segments: readonly Segment[]): Set<number>[] {
    const index = this.build();
    const channels = new Set(segments.map((s): Channel => (s === 'all' ? 'general' : s)));
    return [...channels].map((channel) => index.get(channel) ?? new Set<number>());
  }

  private build(): Map<Channel, Set<number>> {
    if (this.byChannel) return this.byChannel;
    this.byChannel = new Map();
    for (const user of this.users.values()) {
      this.move(user.id, [], channelsFor(user, this.subscriptions.get(String(user.id))));
    }
    return this.byChannel;
  }

  private move(id: number, before: readonly Channel[], after: readonly Channel[]): void {
    const index = this.byChannel;
    if (!index) return;
    for (const channel of before) index.get(channel)?.delete(id);
    for (const channel of after) {
      let set = index.get(channel);
      if (!set) {
        set = new Set<number>();
        index.set(channel, set);
      }
      set.add(id);
    }
  }
}
