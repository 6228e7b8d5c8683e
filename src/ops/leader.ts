import pg from 'pg';
import type { BackgroundService } from '../lifecycle.ts';

/** Advisory-lock namespace of the bot (first key); the second names what is locked. */
export const LOCK_NAMESPACE = 12_012;
const LEADER_KEY = 1;

type Log = Record<'info' | 'warn' | 'error', (object: object, message: string) => void>;

export interface LeaderOptions {
  /** Where the dedicated connection goes (the pool's own settings). */
  connection: pg.ClientConfig;
  logger: Log;
  /** How often a follower asks for the lock, and the leader checks its connection. */
  pollMs?: number;
  onElected: () => void;
  /** The lock is lost (connection gone) or given up: stop the leader's work. */
  onDeposed: () => Promise<void>;
}

/**
 * One leader among the instances, chosen by a session-level advisory lock held on a connection
 * of its own: the lock lives exactly as long as that connection, so when the leader dies (even
 * by SIGKILL) PostgreSQL drops it and a follower, asking every `pollMs`, takes over within a
 * second or two. A leader whose connection fails stops its work at once, since another
 * instance may already hold the lock.
 */
export class LeaderElection {
  private client: pg.Client | null = null;
  private leading = false;
  private timer: NodeJS.Timeout | null = null;
  private stopped = true;
  private turn: Promise<void> = Promise.resolve();

  constructor(private readonly options: LeaderOptions) {}

  get isLeader(): boolean {
    return this.leading;
  }

  start(): void {
    if (!this.stopped) return;
    this.stopped = false;
    this.schedule(0);
  }

  /** Stops the leader's work, then gives the lock up by closing the connection. */
  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    await this.turn;
    await this.depose('stopping');
  }

  private schedule(delay: number): void {
    if (this.stopped) return;
    this.timer = setTimeout(() => {
      this.turn = this.check().finally(() => this.schedule(this.options.pollMs ?? 1000));
    }, delay);
    this.timer.unref();
  }

  private async check(): Promise<void> {
    try {
      if (!this.client) {
        const client = new pg.Client({
          ...this.options.connection,
          application_name: 'kcn-leader',
        });
        client.on('error', () => void this.depose('the leader connection failed'));
        await client.connect();
        this.client = client;
      }
      if (this.leading) {
        await this.client.query('SELECT 1');
        return;
      }
      const { rows } = await this.client.query<{ locked: boolean }>(
        'SELECT pg_try_advisory_lock($1, $2) AS locked',
        [LOCK_NAMESPACE, LEADER_KEY],
      );
      if (rows[0]?.locked && !this.stopped) {
        this.leading = true;
        this.options.logger.info({}, 'this instance is the leader: running the scheduler');
        this.options.onElected();
      }
    } catch (error) {
      await this.depose('the leader connection failed', error);
    }
  }

  private async depose(reason: string, error?: unknown): Promise<void> {
    const client = this.client;
    this.client = null;
    const wasLeading = this.leading;
    this.leading = false;
    if (wasLeading) {
      this.options.logger.warn({ err: error, reason }, 'no longer the leader');
      await this.options.onDeposed();
    }
    await client?.end().catch(() => undefined);
  }
}

/**
 * Runs `services` only while this instance leads: started when elected, stopped when the lock
 * is lost, so reminders, deadline notices, digests and retention run on exactly one instance.
 */
export function leaderOnly(
  services: readonly BackgroundService[],
  election: (hooks: Pick<LeaderOptions, 'onElected' | 'onDeposed'>) => LeaderElection,
): { service: BackgroundService; election: LeaderElection } {
  const leader = election({
    onElected: () => {
      for (const service of services) service.start();
    },
    onDeposed: async () => {
      await Promise.allSettled(services.map((service) => service.stop()));
    },
  });
  return {
    election: leader,
    service: { name: 'leader', start: () => leader.start(), stop: () => leader.stop() },
  };
}
