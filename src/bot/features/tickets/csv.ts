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

/** The export file. Identity comes only from the officer view, so anonymous rows have none. */
export function ticketsCsv(views: readonly OfficerTicketView[], labels: CsvLabels): string {
  const lines = [CSV_COLUMNS.map(csvCell).join(',')];
  for (const view of views) {
    const filer = view.anonymous
      ? ''
      : [view.filer.name, view.filer.username ? `@${view.filer.username}` : '']
          .filter(Boolean)
          .join(' ');
    lines.push(
      [
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
        .join(','),
    );
  }
  return `${UTF8_BOM}${lines.join('\r\n')}\r\n`;
}
