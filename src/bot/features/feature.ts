import type { Composer } from 'telegraf';
import type { BotContext, CommandSpec, MenuItem } from '../context.ts';

/** One feature of the bot: its handlers, the commands it adds to /help and the menu items it offers. */
export interface Feature {
  name: string;
  composer: Composer<BotContext>;
  commands: CommandSpec[];
  menu: MenuItem[];
}
