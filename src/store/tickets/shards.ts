import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { Collection } from '../collection.ts';
import { type Ticket, type TicketShard, ticketShardSchema } from './schema.ts';

/** Tickets per shard file: one filing rewrites at most this many tickets, not the whole history. */
export const SHARD_SIZE = 1000;
const SHARD_FILE = /^tickets-(\d{4,})\.json$/;

const shardIndex = (seq: number): number => Math.floor((seq - 1) / SHARD_SIZE);
const shardName = (index: number): string => `tickets-${String(index).padStart(4, '0')}.json`;

/**
 * The ticket files: ticket `seq` lives in `tickets-<floor((seq-1)/1000)>.json`, each file behind
 * its own Collection (one lowdb instance), so a write costs one block, and writes made in the
 * same tick to the same block become one.
 */
export class TicketShards {
  private readonly shards = new Map<number, Promise<Collection<TicketShard>>>();

  private constructor(private readonly dir: string) {}

  /** Opens every existing shard file (validated; a bad one stops start-up untouched). */
  static async open(dir: string): Promise<{ shards: TicketShards; tickets: Ticket[] }> {
    const shards = new TicketShards(dir);
    const names = await readdir(dir).catch((error: NodeJS.ErrnoException) => {
      if (error.code === 'ENOENT') return [] as string[];
      throw error;
    });
    const tickets: Ticket[] = [];
    for (const name of names.sort()) {
      const match = SHARD_FILE.exec(name);
      if (!match) continue;
      const collection = await shards.openFile(Number(match[1]));
      tickets.push(...Object.values(collection.data));
    }
    return { shards, tickets };
  }

  /** Applies `change` to the shard holding `seq` and resolves once it is on disk. */
  async update(seq: number, change: (shard: TicketShard) => void): Promise<void> {
    const collection = await this.openFile(shardIndex(seq));
    await collection.update(change);
  }

  async flush(): Promise<void> {
    const collections = await Promise.all(this.shards.values());
    await Promise.all(collections.map((collection) => collection.flush()));
  }

  /** Paths and write counts, for the benchmark. */
  async files(): Promise<{ file: string; writes: number }[]> {
    const collections = await Promise.all(this.shards.values());
    return collections.map((c) => ({ file: c.file, writes: c.writeCount }));
  }

  private openFile(index: number): Promise<Collection<TicketShard>> {
    let shard = this.shards.get(index);
    if (!shard) {
      shard = Collection.open<TicketShard>(
        join(this.dir, shardName(index)),
        1,
        ticketShardSchema,
        () => ({}),
      );
      this.shards.set(index, shard);
    }
    return shard;
  }
}
