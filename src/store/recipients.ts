import type { KeyedRecords } from './journaled.ts';
import type { Channel, Segment } from './notices.ts';
import { defaultChannels, type Subscription } from './subscriptions.ts';
import type { User } from './users.ts';

/**
 * Who each notice channel reaches, kept up to date on every committed write of a profile or a
 * subscription, so choosing a broadcast's segments or firing a deadline notice never scans
 * every user. Only active users are members.
 */
export class RecipientIndex {
  private readonly byChannel = new Map<Channel, Set<number>>();
  private readonly channelsOf = new Map<number, readonly Channel[]>();

  constructor(
    private readonly users: KeyedRecords<User>,
    private readonly subscriptions: KeyedRecords<Subscription>,
  ) {
    for (const user of users.values()) this.refresh(user.id);
    users.onCommit((key) => this.refresh(Number(key)));
    subscriptions.onCommit((key) => this.refresh(Number(key)));
  }

  /** Chat ids reached by `segments`, each once, in id order (a resumed outbox stays comparable). */
  recipients(segments: readonly Segment[]): number[] {
    const sets = this.setsOf(segments);
    if (sets.length === 1) return [...(sets[0] as Set<number>)].sort((a, b) => a - b);
    const all = new Set<number>();
    for (const set of sets) for (const id of set) all.add(id);
    return [...all].sort((a, b) => a - b);
  }

  /** How many `recipients(segments)` would return, without listing them when one segment. */
  count(segments: readonly Segment[]): number {
    const sets = this.setsOf(segments);
    return sets.length === 1 ? (sets[0] as Set<number>).size : this.recipients(segments).length;
  }

  private setsOf(segments: readonly Segment[]): Set<number>[] {
    const channels = new Set(segments.map((s): Channel => (s === 'all' ? 'general' : s)));
    return [...channels].map((channel) => this.byChannel.get(channel) ?? new Set<number>());
  }

  private refresh(id: number): void {
    const user = this.users.get(String(id));
    const next: readonly Channel[] = user?.active
      ? (this.subscriptions.get(String(id))?.channels ?? defaultChannels(user.role))
      : [];
    for (const channel of this.channelsOf.get(id) ?? []) this.byChannel.get(channel)?.delete(id);
    for (const channel of next) {
      let set = this.byChannel.get(channel);
      if (!set) {
        set = new Set<number>();
        this.byChannel.set(channel, set);
      }
      set.add(id);
    }
    if (next.length > 0) this.channelsOf.set(id, next);
    else this.channelsOf.delete(id);
  }
}
