import type { Update } from 'telegraf/types';
import type { BackgroundService } from '../lifecycle.ts';
import { LeaderElection, leaderOnly } from '../ops/leader.ts';
import { createPool } from '../store/pg/db.ts';
import { schemaVersion } from '../store/pg/migrate.ts';
import { type InboxLag, PgUpdateDispatcher } from './pgDispatcher.ts';

type Log = Record<'info' | 'warn' | 'error', (object: object, message: string) => void>;

/** Services every instance runs: the shared outbox is claimed by all, paced in the database. */
const EVERY_INSTANCE = new Set(['outbox']);

/** What /healthz adds in this mode. */
export interface SharedHealth {
  database: { reachable: boolean; schemaVersion: number };
  leader: boolean;
  inbox: InboxLag | null;
}

export interface SharedInstance {
  dispatcher: PgUpdateDispatcher;
  /** The outbox, plus one service that runs the others while this instance leads. */
  services: BackgroundService[];
  health(): Promise<SharedHealth>;
  /** Ends the inbox's connections (after the services stopped). */
  close(): Promise<void>;
}

export interface SharedInstanceOptions {
  url: string;
  handle: (update: Update) => Promise<void>;
  services: readonly BackgroundService[];
  logger: Log;
  /** How often followers ask for the leader lock (tests shorten it). */
  leaderPollMs?: number;
}

/**
 * One of several bot instances on one PostgreSQL (DATABASE_URL in webhook mode): updates go
 * through the shared inbox, the scheduler, digests, retention and the desk's services run on
 * the leader only, and the outbox is sent by every instance.
 */
export function sharedInstance(options: SharedInstanceOptions): SharedInstance {
  const { logger } = options;
  const pool = createPool(options.url, { max: 12, applicationName: 'kcn-inbox' }, (error) =>
    logger.warn({ err: error }, 'an idle inbox connection failed'),
  );
  const dispatcher = new PgUpdateDispatcher({ pool, handle: options.handle, logger });
  const { service, election } = leaderOnly(
    options.services.filter((s) => !EVERY_INSTANCE.has(s.name)),
    (hooks) =>
      new LeaderElection({
        connection: { connectionString: options.url },
        logger,
        ...(options.leaderPollMs ? { pollMs: options.leaderPollMs } : {}),
        ...hooks,
      }),
  );
  return {
    dispatcher,
    services: [...options.services.filter((s) => EVERY_INSTANCE.has(s.name)), service],
    async health() {
      try {
        const [version, inbox] = await Promise.all([schemaVersion(pool), dispatcher.lag()]);
        return {
          database: { reachable: true, schemaVersion: version },
          leader: election.isLeader,
          inbox,
        };
      } catch {
        return {
          database: { reachable: false, schemaVersion: 0 },
          leader: election.isLeader,
          inbox: null,
        };
      }
    },
    close: () => pool.end(),
  };
}
