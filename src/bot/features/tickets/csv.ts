import type { OfficerTicketView } from '../../../store/tickets/index.ts';

/** Lets Excel detect UTF-8, so Vietnamese letters are not garbled. */
export const UTF8_BOM = '\uFEFF';

export const CSV_COLUMNS = [
  'code',
  'type',
  'category',
  'park',
  'company',
  'status',
  'created',
  'first response',
  'resolved',
  'rating',
  'filer',
  'description',
] as const;

/**
 * One CSV cell: a leading = + - @ (or tab/CR) gets a ' so spreadsheets do not run it as a
 * formula; quotes, commas and line breaks are quoted as RFC 4180 says.
 */
export function csvCell(value: string | number | null): string {
  let text = value === null ? '' : String(value);
  if (/^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export interface CsvLabels {
  type(view: OfficerTicketView): string;
  category(view: OfficerTicketView): string;
  park(view: OfficerTicketView): string;
  status(view: OfficerTicketView): string;
  /** A stored ISO time as local time. */
  time(iso: string | null): string;
}

/** One ticket as a CSV line. Identity comes only from the officer view: anonymous rows have none. */
function csvRow(view: OfficerTicketView, labels: CsvLabels): string {
  const filer = view.anonymous
    ? ''
    : [view.filer.name, view.filer.username ? `@${view.filer.username}` : '']
        .filter(Boolean)
        .join(' ');
  return [
    view.code,
    labels.type(view),
    labels.category(view),
    labels.park(view),
    view.company,
    labels.status(view),
    labels.time(view.createdAt),
    labels.time(view.firstResponseAt),
    labels.time(view.resolvedAt),
    view.rating,
    filer,
    view.description,
  ]
    .map(csvCell)
    .join(',');
}

const header = () => CSV_COLUMNS.map(csvCell).join(',');

/**
 * The export file, built a few thousand rows at a time, yielding to the event loop in between, so
 * exporting 100,000 tickets never stalls other users' updates.
 */
export async function ticketsCsvInChunks(
  views: readonly OfficerTicketView[],
  labels: CsvLabels,
  rowsPerChunk = 2000,
): Promise<string> {
  const parts = [`${UTF8_BOM}${header()}\r\n`];
  for (let start = 0; start < views.length; start += rowsPerChunk) {
    const rows = views.slice(start, start + rowsPerChunk).map((view) => csvRow(view, labels));
    parts.push(`${rows.join('\r\n')}\r\n`);
    await new Promise<void>((resolve) => setImmediate(resolve));
  }
  return parts.join('');
}
