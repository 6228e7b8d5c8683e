import type { Translate } from '../../bot/i18n/index.ts';
import type { FiguresResponse } from './schemas.ts';

const cell = (value: string | number | null) => {
  const text = value === null ? '' : String(value);
  // A leading = + - @ would run as a formula in a spreadsheet.
  const safe = /^[=+\-@]/.test(text) ? `'${text}` : text;
  return /[",\n;]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
};
const line = (...values: (string | number | null)[]) => values.map(cell).join(',');
/** Catalogue texts are HTML; a spreadsheet wants them plain. */
const plain = (html: string) => html.replace(/<[^>]+>/g, '').replace(/&amp;/g, '&');

/** The figures the dashboard shows for the range, as CSV (UTF-8 with BOM for Excel). */
export function figuresCsv(
  figures: FiguresResponse,
  t: Translate,
  parkName: (id: string | null) => string,
): string {
  const rows: string[] = [];
  rows.push(line(plain(t('app.figures.from')), figures.range.from));
  rows.push(line(plain(t('app.figures.until')), figures.range.until));
  rows.push(line(plain(t('app.figures.total', { total: figures.total }))));
  rows.push('');
  rows.push(line(plain(t('app.figures.perWeek'))));
  rows.push(line(plain(t('app.figures.week')), plain(t('app.figures.count'))));
  for (const week of figures.ticketsPerWeek) rows.push(line(week.week, week.count));
  rows.push('');
  rows.push(line(plain(t('app.figures.parkCategory'))));
  for (const park of figures.parkCategory) {
    for (const [category, count] of Object.entries(park.byCategory)) {
      rows.push(line(parkName(park.parkId), category, count ?? 0));
    }
  }
  rows.push('');
  const hours = (value: number | null) => (value === null ? null : Math.round(value * 10) / 10);
  rows.push(line('median_first_response_hours', hours(figures.medianFirstResponseHours)));
  rows.push(line('median_resolution_hours', hours(figures.medianResolutionHours)));
  const { response, resolution } = figures.withinTarget;
  rows.push(line('response_within_target', response.within, response.of));
  rows.push(line('resolution_within_target', resolution.within, resolution.of));
  rows.push(line('ratings', figures.ratings.count, figures.ratings.average));
  figures.ratings.distribution.forEach((count, index) => {
    rows.push(line(`rating_${index + 1}`, count));
  });
  rows.push('');
  rows.push(line(plain(t('app.figures.unanswered'))));
  for (const week of figures.unansweredPerWeek) rows.push(line(week.week, week.count));
  return `\uFEFF${rows.join('\r\n')}\r\n`;
}
