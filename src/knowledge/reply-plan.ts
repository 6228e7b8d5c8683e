/**
 * Which buttons go with a reply, decided here rather than in the bot so the kb CLI and the bench
 * report exactly what a user would be offered.
 */
import type { Intent } from './intent.ts';
import type { EntryAction } from './schema.ts';

/** An entry's own action, or a way forward when there is no answer. */
export type ReplyAction = EntryAction | 'topics' | 'menu';

export interface PlannedReply {
  intent: Intent;
  /** The entry shown, if any. */
  entry: { action?: EntryAction | undefined } | null;
}

/**
 * Small talk gets the menu; a grievance always gets "file a complaint", whatever the role (a
 * user with no role files it as a worker); an answer gets its entry's action; a question with no
 * answer gets topics plus a ticket (complaint for workers, support request otherwise);
 * off-topic gets topics.
 */
export function replyActions(
  reply: PlannedReply,
  role: 'worker' | 'enterprise' | null,
): ReplyAction[] {
  switch (reply.intent) {
    case 'smalltalk':
      return ['menu'];
    case 'grievance':
      return ['complaint'];
    case 'offtopic':
      return ['topics'];
    case 'question':
      if (reply.entry) return reply.entry.action ? [reply.entry.action] : [];
      return ['topics', role === 'worker' ? 'complaint' : 'support_request'];
  }
}
