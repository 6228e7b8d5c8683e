import type { Logger } from 'pino';
import type { DeskEnv } from '../../bot/features/desk/env.ts';
import type { Config } from '../../config.ts';
import type { KnowledgePaths, LiveKnowledge } from '../../knowledge/live.ts';
import type { ParkDirectory } from '../../parks/index.ts';
import type { FileLayer } from '../../store/fileLayer.ts';
import type { Store } from '../../store/index.ts';
import type { ActionKeys } from './actionKeys.ts';
import type { InitDataUser } from './initData.ts';

/** What the dashboard reads and changes: the bot's own store, parks and ticket handling. */
export interface DashboardDeps {
  config: Config;
  /** The live knowledge base: Setup's contacts are part of it. */
  knowledge: LiveKnowledge;
  /** Where the knowledge files and the operator's contacts file are. */
  knowledgePaths: KnowledgePaths;
  store: Pick<Store<unknown>, 'tickets' | 'users' | 'feedback' | 'notices'>;
  /**
   * The tickets feature's own handling (BotApp.officerDesk): the repository with the desk's topic
   * sync, the ticket outbox, relays and drafts. Every change goes through it, as from the bot.
   */
  desk: DeskEnv;
  parks: ParkDirectory;
  logger: Logger;
  now: () => Date;
  /** The store's file operations (the bot's, with its fault hook); the node one by default. */
  layer?: FileLayer;
  /** Where the Idempotency-Key log lives when not in DATA_DIR (PostgreSQL, shared by instances). */
  actionKeys?: ActionKeys;
}

/** One answer of the API: a status and a body already checked against its response schema. */
export type ApiAnswer =
  | { status: number; json: unknown }
  | { status: 200; csv: string; filename: string };

export interface ApiRequest {
  method: string;
  /** Path below /app/api, e.g. `/tickets/KN-0001`. */
  path: string;
  query: URLSearchParams;
  body: unknown;
  officer: InitDataUser;
  /** The Idempotency-Key header of a POST: one per officer action, the same on a retry. */
  key?: string;
}
