import type { Logger } from 'pino';
import type { Composer, Telegram } from 'telegraf';
import type { Config } from '../../config.ts';
import type { ValidationProblem } from '../../knowledge/index.ts';
import type { LiveKnowledge } from '../../knowledge/live.ts';
import type { BackgroundService } from '../../lifecycle.ts';
import type { ParkDirectory } from '../../parks/index.ts';
import type { FileLayer } from '../../store/fileLayer.ts';
import type { Store } from '../../store/index.ts';
import type { BotContext, CommandSpec, MenuItem } from '../context.ts';
import type { AnyStep } from '../dialogueStep.ts';
import type { DialogueSchema, Session } from '../sessionTypes.ts';
import type { DeskEnv } from './desk/env.ts';

/**
 * What a feature adds to the bot once built; every part is optional. createBot mounts the
 * composers in list order, derives /help, the menu and Telegram's command list from `commands`
 * and `menu`, starts the `services`, and calls every `forgetUser` on /forgetme and every
 * `onReload` on /reload.
 */
export interface FeatureParts {
  composer?: Composer<BotContext>;
  commands?: CommandSpec[];
  menu?: MenuItem[];
  services?: BackgroundService[];
  /** Erases what this feature keeps about the user (/forgetme). */
  forgetUser?: (userId: number) => Promise<void>;
  /** Re-reads the operator-edited files this feature owns (/reload); returns their problems. */
  onReload?: () => ValidationProblem[] | Promise<ValidationProblem[]>;
  /** This feature's dialogue steps, run by the one dispatcher (see dialogueStep.ts). */
  steps?: AnyStep[];
  /**
   * The tickets feature's own handling (repository with the desk's topic sync, outbox wake-up,
   * relays), offered so the officers' dashboard acts through the same path as the bot.
   */
  officerDesk?: DeskEnv;
}

/**
 * One feature of the bot: a folder under src/bot/features, listed once in features/index.ts.
 * `name` and `dialogues` are known before the bot is built (the store validates sessions when it
 * opens); `create` takes one narrow deps object, a Pick of {@link FeatureDeps}.
 */
export interface Feature<Deps = FeatureDeps> {
  name: string;
  /** The zod schemas of this feature's dialogue steps, joined into the session's union. */
  dialogues?: readonly DialogueSchema[];
  create: (deps: Deps) => FeatureParts;
}

/** What every feature, across the list, offers the others (for /help, /start, /forgetme, /reload). */
export interface FeatureDirectory {
  /** Every feature's commands, in list order. */
  commands(): CommandSpec[];
  /** Every feature's menu items, in list order. */
  menu(): MenuItem[];
  /** Calls every feature's forgetUser. */
  forgetUser(userId: number): Promise<void>;
  /** Calls every feature's onReload and joins their problems. */
  reload(): Promise<ValidationProblem[]>;
  /** Every feature's dialogue steps. */
  steps(): AnyStep[];
}

/** Everything createBot can hand a feature; each feature picks what it needs. */
export interface FeatureDeps {
  config: Config;
  store: Store<Session>;
  /** `bot.telegram`, with the house API policy applied; for messages to other chats. */
  telegram: Telegram;
  logger: Logger;
  knowledge: LiveKnowledge;
  parks: ParkDirectory;
  now: () => Date;
  features: FeatureDirectory;
  /** The store's file operations, for features that write operator files (knowledge drafts). */
  layer?: FileLayer;
}
