import type { Channel, Segment } from '../store/notices.ts';

/** The channel whose subscribers a segment reaches: "all" means everyone on general notices. */
export function channelOfSegment(segment: Segment): Channel {
  return segment === 'all' ? 'general' : segment;
}

interface Recipient {
  id: number;
  active: boolean;
}

/**
 * Chat ids reached by `segments`: active users subscribed to at least one matching channel,
 * each once, in id order (a stable order keeps a resumed outbox comparable to the first run).
 */
export function recipientsOf<U extends Recipient>(
  segments: readonly Segment[],
  users: Iterable<U>,
  channelsOf: (user: U) => readonly Channel[],
): number[] {
  const wanted = new Set(segments.map(channelOfSegment));
  const ids: number[] = [];
  for (const user of users) {
    if (!user.active) continue;
    if (channelsOf(user).some((channel) => wanted.has(channel))) ids.push(user.id);
  }
  return ids.sort((a, b) => a - b);
}
