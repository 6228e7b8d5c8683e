import type { Logger } from 'pino';
import type { Telegram } from 'telegraf';
import type { Config } from '../../../config.ts';
import type { ParkDirectory } from '../../../parks/index.ts';
import type { WorkingCalendar } from '../../../scheduling/workingTime.ts';
import type { TicketRepository, UserRepository } from '../../../store/index.ts';
import type { Attachment, Ticket } from '../../../store/tickets/index.ts';
import type { BotContext } from '../../context.ts';

/**
 * What the officers' desk (features/desk) offers the ticket handlers: topics in a forum group,
 * and officer replies held for an undo window. Every method is a no-op answer (false/undefined)
 * when the officers' group is not a forum, so the handlers keep their private cards.
 */
export interface DeskPort {
  /** Opens the ticket's topic with its pinned card; false when officers get private cards. */
  announce(ticket: Ticket): Promise<boolean>;
  /** The topic of a ticket, for notices about it. */
  threadOf(code: string): number | undefined;
  /**
   * Puts what the filer added into the ticket's topic (copies of their messages; for an
   * anonymous ticket the text and files re-sent, naming no chat); false when it has no topic.
   */
  copyFromFiler(
    ticket: Ticket,
    item: { text: string | null; attachments: Attachment[]; messageIds: number[] },
  ): Promise<boolean>;
  /** Renames, closes or reopens the topic to match the ticket (after any change). */
  sync(code: string): Promise<void>;
  /** Holds an officer's text for the undo window, then sends it to the filer. */
  queueReply(ctx: BotContext, code: string, text: string): Promise<void>;
}

/** Everything the ticket handlers and the digest service share; built once in createBot. */
export interface TicketEnv {
  config: Config;
  tickets: TicketRepository;
  users: UserRepository;
  parks: ParkDirectory;
  /** For messages to chats other than the current one (officers, filers, the digest). */
  telegram: Telegram;
  logger: Logger;
  now: () => Date;
  /** Working days, hours and holidays, which service targets count in. */
  calendar: WorkingCalendar;
  /** Set by the tickets feature once the desk is built. */
  desk?: DeskPort;
  /** Tells the ticket notice worker that a write just added notices (see noticeOutbox.ts). */
  wakeOutbox: () => void;
}
