import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { WriteHealth } from '../envelope.ts';
import { type FileLayer, nodeFileLayer } from '../fileLayer.ts';
import { type RecordChange, RecordFile } from '../recordFile.ts';
import { type Ticket, type TicketShard, ticketSchema } from './schema.ts';

/** Tickets per shard file: one filing rewrites at most this many tickets, not the whole history. */
export const SHARD_SIZE = 1000;
const SHARD_FILE = /^tickets-(\d{4,})\.json$/;

const shardIndex = (seq: number): number => Math.floor((seq - 1) / SHARD_SIZE);
const shardName = (index: number): string => `tickets-${String(index).padStart(4, '0')}.json`;

/**
 * The ticket files: ticket `seq` lives in `tickets-<floor((seq-1)/1000)>.json`, each file behind
 * its own RecordFile, so a write costs one block, writes made in the same tick to the same block
 * become one, and a ticket changes in memory only once its write is on disk.
 */
export class TicketShards {
  private readonly shards = new Map<number, Promise<RecordFile<Ticket>>>();

  private constructor(
    private readonly dir: string,
    private readonly layer: FileLayer,
    private readonly health: WriteHealth,
  ) {}

  /** Opens every existing shard file (validated; a bad one stops start-up untouched). */
  static async open(
    dir: string,
    layer: FileLayer = nodeFileLayer,
    health: WriteHealth = new WriteHealth(),
  ): Promise<{ shards: TicketShards; tickets: Ticket[] }> {
    await layer.ensureDir(dir);
    const shards = new TicketShards(dir, layer, health);
    const names = await readdir(dir).catch((error: NodeJS.ErrnoException) => {
      if (error.code === 'ENOENT') return [] as string[];
      throw error;
    });
    const tickets: Ticket[] = [];
    for (const name of names.sort()) {
      const match = SHARD_FILE.exec(name);
      if (!match) continue;
      const collection = await shards.openFile(Number(match[1]));
      tickets.push(...collection.values());
    }
    return { shards, tickets };
  }

  /**
   * Applies `change` to a shallow copy of the shard holding `seq`; every ticket it replaced,
   * added or deleted is written, and memory follows once that is on disk. Replace tickets
   * (`shard[code] = next`), do not mutate them in place: an object still the same is not written.
   */
  async update(seq: number, change: (shard: TicketShard) => void): Promise<void> {
    const file = await this.openFile(shardIndex(seq));
    const draft: TicketShard = Object.fromEntries(file.entries());
    change(draft);
    const writes: Promise<void>[] = [];
    for (const [code, ticket] of Object.entries(draft)) {
      if (file.get(code) !== ticket) writes.push(file.put(code, ticket));
    }
    for (const [code] of file.entries()) if (!(code in draft)) writes.push(file.remove(code));
    await Promise.all(writes);
  }

  /** Changes ticket `code` (number `seq`) from a private copy; resolves once it is on disk. */
  async change(seq: number, code: string, change: RecordChange<Ticket>): Promise<Ticket> {
    const collection = await this.openFile(shardIndex(seq));
    await collection.change(code, change);
    const stored = collection.get(code);
    if (!stored) throw new Error(`ticket ${code} vanished from its shard`);
    return stored;
  }

  async flush(): Promise<void> {
    const collections = await Promise.all(this.shards.values());
    await Promise.all(collections.map((collection) => collection.flush()));
  }

  /** Paths and write counts, for the benchmark. */
  async files(): Promise<{ file: string; writes: number }[]> {
    const collections = await Promise.all(this.shards.values());
    return collections.map((c) => ({ file: c.file, writes: c.writes }));
  }

  private openFile(index: number): Promise<RecordFile<Ticket>> {
    let shard = this.shards.get(index);
    if (!shard) {
      shard = RecordFile.open(
        join(this.dir, shardName(index)),
        1,
        ticketSchema,
        this.layer,
        this.health,
        true,
      );
      this.shards.set(index, shard);
    }
    return shard;
  }
}
