import type { Logger } from 'pino';
import type { Telegram } from 'telegraf';
import type { Config } from '../../../config.ts';
import type { ParkDirectory } from '../../../parks/index.ts';
import type { TicketRepository, UserRepository } from '../../../store/index.ts';

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
}
