import type { BotContext } from '../../context.ts';
import type { Session } from '../../sessionTypes.ts';

/** How many of the user's own ticket messages are remembered for edits. */
const THREAD_MEMORY = 50;

/** Remembers that the user's message went into `code`, so an edit of it updates the ticket. */
export function remember(ctx: BotContext, messageIds: readonly number[], code: string) {
  rememberIn(ctx.session, messageIds, code);
}

/** `remember` on a session other than the update's (the one written with the ticket). */
export function rememberIn(session: Session, messageIds: readonly number[], code: string) {
  const memory = { ...(session.threadMessages ?? {}) };
  for (const id of messageIds) memory[String(id)] = code;
  const ids = Object.keys(memory);
  for (const id of ids.slice(0, Math.max(0, ids.length - THREAD_MEMORY))) delete memory[id];
  session.threadMessages = memory;
}
