import { join } from 'node:path';
import type { WriteHealth } from '../envelope.ts';
import type { FileLayer } from '../fileLayer.ts';
import { readTicketFloor } from '../ticketFloor.ts';
import { openContacts } from './contacts.ts';
import { openDigests } from './digests.ts';
import { createTicketRepository, type TicketRepository } from './repository.ts';
import type { Ticket } from './schema.ts';
import { TicketShards } from './shards.ts';

export type { DigestQueue, PendingDigest } from './digests.ts';
export type { ChangeOptions, PendingNotice } from './notices.ts';
export { TicketNotFoundError, type TicketRepository, toOfficerView } from './repository.ts';
export * from './schema.ts';
export { SHARD_SIZE } from './shards.ts';

/**
 * Opens `<dataDir>/tickets/*.json` and builds the in-memory indexes. Anonymous tickets written by
 * an older version still held the filer's identity: it is dropped here, the chat moved apart.
 */
export async function openTickets(
  dataDir: string,
  now: () => Date,
  layer?: FileLayer,
  health?: WriteHealth,
): Promise<TicketRepository> {
  const { shards, tickets } = await TicketShards.open(join(dataDir, 'tickets'), layer, health);
  const options = { ...(layer && { layer }), ...(health && { health }) };
  const contacts = await openContacts(join(dataDir, 'private'), options);
  const exposed = tickets.filter(
    (ticket) => ticket.anonymous && ticket.erasedAt === undefined && hasIdentity(ticket),
  );
  for (const ticket of exposed) {
    if (ticket.filer.chatId !== 0) await contacts.set(ticket.code, ticket.filer.chatId);
    const cleaned: Ticket = { ...ticket, filer: { userId: 0, chatId: 0, name: '' } };
    await shards.change(ticket.seq, ticket.code, () => cleaned);
    Object.assign(ticket, cleaned);
  }
  const digests = await openDigests(dataDir, options);
  const floor = await readTicketFloor(dataDir, layer);
  return createTicketRepository(shards, contacts, tickets, now, digests, floor);
}

const hasIdentity = (ticket: Ticket): boolean =>
  ticket.filer.userId !== 0 ||
  ticket.filer.chatId !== 0 ||
  ticket.filer.name !== '' ||
  ticket.filer.username !== undefined;
