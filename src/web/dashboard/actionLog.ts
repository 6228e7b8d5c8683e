import { createHash } from 'node:crypto';
import { join } from 'node:path';
import { z } from 'zod';
import { Collection } from '../../store/collection.ts';
import type { FileLayer } from '../../store/fileLayer.ts';
import type { ActionKeys } from './actionKeys.ts';
import type { ApiAnswer } from './apiTypes.ts';

/** An API answer and, when it changed something, the little a retry needs to answer the same. */
export interface Remembered<M> {
  answer: ApiAnswer;
  memory?: M;
}

/** The header every dashboard POST carries: one fresh key per officer action. */
export const IDEMPOTENCY_HEADER = 'idempotency-key';
export const idempotencyKeySchema = z.string().regex(/^[A-Za-z0-9_-]{8,64}$/);

/** How long a key is remembered: far longer than any network retry or double click. */
const KEEP_MS = 24 * 60 * 60_000;
const KEEP_MOST = 5000;

/** `request`: a digest of the path and body, so a key reused for another request is refused. */
const entrySchema = z.object({ at: z.string(), request: z.string(), memory: z.unknown() });
const fileSchema = z.object({ actions: z.record(z.string(), entrySchema) });
type ActionFile = z.infer<typeof fileSchema>;
/** dashboard-actions.json in DATA_DIR, as db:import and db:export move it. */
export const ACTION_FILE = 'dashboard-actions.json';
export const actionFileSchema = fileSchema;

/** How often, and how long, a request waits while another instance acts on its key. */
const BUSY_POLL_MS = 100;
const BUSY_WAIT_MS = 15_000;

/**
 * The dashboard's idempotency keys, durable in DATA_DIR through the store's collection layer
 * (atomic, fsynced, private, and its full-disk fault hook) or in PostgreSQL. A key is written
 * once the change it made is on disk and before the officer is answered; a retry of a done
 * action changes nothing and gets the same outcome. Only what the answer needs is kept (never a
 * ticket's text).
 */
export class ActionLog {
  private readonly running = new Map<string, Promise<ApiAnswer>>();
  private readonly requests = new Map<string, string>();

  constructor(
    private readonly keys: ActionKeys,
    private readonly now: () => Date,
  ) {}

  static async open(dataDir: string, layer: FileLayer | undefined, now: () => Date) {
    const collection = await Collection.open(
      join(dataDir, ACTION_FILE),
      1,
      fileSchema,
      () => ({ actions: {} }),
      layer ? { layer } : {},
    );
    return new ActionLog(fileKeys(collection, now), now);
  }

  /**
   * Runs `run` once for this officer's key: a second request with the key while the first runs
   * waits for its answer (a double click, on this instance or another), a later one is answered
   * by `replay` from what the first remembered (a network retry). Refusals are not remembered:
   * they changed nothing. The same key on a different request (path or body) is refused.
   */
  once<M>(
    officerId: number,
    key: string,
    what: { path: string; body: unknown },
    run: () => Promise<Remembered<M>>,
    replay: (memory: M) => ApiAnswer | Promise<ApiAnswer>,
  ): Promise<ApiAnswer> {
    const id = `${officerId}:${key}`;
    const request = createHash('sha256')
      .update(JSON.stringify([what.path, what.body ?? null]))
      .digest('base64url')
      .slice(0, 22);
    const inFlight = this.running.get(id);
    if (inFlight) return this.requests.get(id) === request ? inFlight : Promise.resolve(conflict());
    const work = (async () => {
      for (let waited = 0; ; waited += BUSY_POLL_MS) {
        const claim = await this.keys.claim(id, request);
        if (claim.kind === 'claimed') break;
        if (claim.request !== request) return conflict();
        if (claim.kind === 'done') return replay(claim.memory as M);
        if (waited >= BUSY_WAIT_MS) return conflict();
        await new Promise((resolve) => setTimeout(resolve, BUSY_POLL_MS));
      }
      let remembered = false;
      try {
        const { answer, memory } = await run();
        if (memory === undefined) return answer;
        await this.keys.remember(id, { at: this.now().toISOString(), memory });
        remembered = true;
        return answer;
      } finally {
        if (!remembered) await this.keys.release(id).catch(() => undefined);
      }
    })();
    this.running.set(id, work);
    this.requests.set(id, request);
    void work
      .finally(() => {
        this.running.delete(id);
        this.requests.delete(id);
      })
      .catch(() => undefined);
    return work;
  }
}

/** The keys in dashboard-actions.json: one process, so a key is never busy elsewhere. */
function fileKeys(collection: Collection<ActionFile>, now: () => Date): ActionKeys {
  const claimed = new Map<string, string>();
  return {
    async claim(id, request) {
      const known = collection.data.actions[id];
      if (known) return { kind: 'done', request: known.request, memory: known.memory };
      claimed.set(id, request);
      return { kind: 'claimed' };
    },
    async remember(id, entry) {
      const request = claimed.get(id) ?? '';
      claimed.delete(id);
      await collection.update((data) => {
        data.actions[id] = { at: entry.at, request, memory: entry.memory };
        prune(data, now());
      });
    },
    async release(id) {
      claimed.delete(id);
    },
  };
}

const conflict = (): ApiAnswer => ({
  status: 409,
  json: { error: 'refused', reason: 'app.error', field: IDEMPOTENCY_HEADER },
});

function prune(data: ActionFile, now: Date): void {
  const oldest = new Date(now.getTime() - KEEP_MS).toISOString();
  const entries = Object.entries(data.actions);
  const excess = entries.length - KEEP_MOST;
  entries
    .sort(([, a], [, b]) => a.at.localeCompare(b.at))
    .forEach(([id, entry], index) => {
      if (entry.at < oldest || index < excess) delete data.actions[id];
    });
}
