import { createHash } from 'node:crypto';
import { join } from 'node:path';
import { z } from 'zod';
import { Collection } from '../../store/collection.ts';
import type { FileLayer } from '../../store/fileLayer.ts';
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

/**
 * The dashboard's idempotency keys, durable in DATA_DIR through the store's collection layer
 * (atomic, fsynced, private, and its full-disk fault hook). A key is written once the change it
 * made is on disk and before the officer is answered; a retry of a done action changes nothing
 * and gets the same outcome. Only what the answer needs is kept (never a ticket's text).
 */
export class ActionLog {
  private readonly running = new Map<string, Promise<ApiAnswer>>();
  private readonly requests = new Map<string, string>();

  private constructor(
    private readonly collection: Collection<ActionFile>,
    private readonly now: () => Date,
  ) {}

  static async open(dataDir: string, layer: FileLayer | undefined, now: () => Date) {
    const collection = await Collection.open(
      join(dataDir, 'dashboard-actions.json'),
      1,
      fileSchema,
      () => ({ actions: {} }),
      layer ? { layer } : {},
    );
    return new ActionLog(collection, now);
  }

  /**
   * Runs `run` once for this officer's key: a second request with the key while the first runs
   * waits for its answer (a double click), a later one is answered by `replay` from what the
   * first remembered (a network retry). Refusals are not remembered: they changed nothing. The
   * same key on a different request (path or body) is refused.
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
      const known = this.collection.data.actions[id];
      if (known) {
        if (known.request !== request) return conflict();
        return replay(known.memory as M);
      }
      const { answer, memory } = await run();
      if (memory === undefined) return answer;
      const at = this.now();
      await this.collection.update((data) => {
        data.actions[id] = { at: at.toISOString(), request, memory };
        prune(data, at);
      });
      return answer;
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
