import { join } from 'node:path';
import type { WriteHealth } from '../envelope.ts';
import type { FileLayer } from '../fileLayer.ts';
import { readTicketFloor } from '../ticketFloor.ts';
import { createTicketRepository, type TicketRepository } from './repository.ts';
import { TicketShards } from './shards.ts';

export { TicketNotFoundError, type TicketRepository, toOfficerView } from './repository.ts';
export * from './schema.ts';
export { SHARD_SIZE } from './shards.ts';

/** Opens `<dataDir>/tickets/*.json` and builds the in-memory indexes. */
export async function openTickets(
  dataDir: string,
  now: () => Date,
  layer?: FileLayer,
  health?: WriteHealth,
): Promise<TicketRepository> {
  const { shards, tickets } = await TicketShards.open(join(dataDir, 'tickets'), layer, health);
  return createTicketRepository(shards, tickets, now, await readTicketFloor(dataDir, layer));
}
