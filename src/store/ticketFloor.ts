import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';
import { parseEnvelope } from './envelope.ts';
import { type FileLayer, nodeFileLayer } from './fileLayer.ts';

/**
 * The highest ticket numbers ever issued from this data folder, kept where a restore cannot
 * lower them: the restore tool writes the higher of the old folder's and the backup's, and the
 * ticket repository never issues a number at or below it. A code a filer was once given
 * therefore never names a different ticket, even after going back to an older backup.
 */
export const TICKET_FLOOR_FILE = 'ticket-floor.json';

export const ticketFloorSchema = z.object({
  complaint: z.number().int().min(0),
  request: z.number().int().min(0),
  seq: z.number().int().min(0),
});
export type TicketFloor = z.infer<typeof ticketFloorSchema>;

const ZERO: TicketFloor = { complaint: 0, request: 0, seq: 0 };

export async function readTicketFloor(
  dataDir: string,
  layer: FileLayer = nodeFileLayer,
): Promise<TicketFloor> {
  const file = join(dataDir, TICKET_FLOOR_FILE);
  const raw = await layer.readText(file);
  return raw === null ? { ...ZERO } : parseEnvelope(file, raw, 1, ticketFloorSchema);
}

export function writeTicketFloor(
  dataDir: string,
  floor: TicketFloor,
  layer: FileLayer = nodeFileLayer,
): Promise<void> {
  return layer.writeAtomic(
    join(dataDir, TICKET_FLOOR_FILE),
    JSON.stringify({ version: 1, data: floor }),
  );
}

export const higherFloor = (a: TicketFloor, b: TicketFloor): TicketFloor => ({
  complaint: Math.max(a.complaint, b.complaint),
  request: Math.max(a.request, b.request),
  seq: Math.max(a.seq, b.seq),
});

/**
 * The highest numbers a data folder has issued: its floor file and every ticket in its shards.
 * Read leniently (an unreadable shard counts for nothing): it is used on the folder a restore
 * is about to replace, which may be the very reason for the restore.
 */
export async function highestIssued(dataDir: string): Promise<TicketFloor> {
  let floor = await readTicketFloor(dataDir).catch(() => ({ ...ZERO }));
  const dir = join(dataDir, 'tickets');
  for (const name of (await readdir(dir).catch(() => [])).filter((n) =>
    /^tickets-\d+\.json$/.test(n),
  )) {
    try {
      const json = JSON.parse(await readFile(join(dir, name), 'utf8')) as {
        data?: Record<string, { code?: unknown; seq?: unknown }>;
      };
      for (const ticket of Object.values(json.data ?? {})) {
        const match = /^(KN|HT)-(\d+)$/.exec(String(ticket.code));
        if (!match) continue;
        const number = Number(match[2]);
        const seq = typeof ticket.seq === 'number' ? ticket.seq : 0;
        floor = higherFloor(floor, {
          complaint: match[1] === 'KN' ? number : 0,
          request: match[1] === 'HT' ? number : 0,
          seq,
        });
      }
    } catch {
      // Unreadable: nothing to learn from this shard.
    }
  }
  return floor;
}
