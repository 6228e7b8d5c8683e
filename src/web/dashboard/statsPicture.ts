import { createRequire } from 'node:module';
import { Resvg } from '@resvg/resvg-js';
import { categoryLabel } from '../../bot/features/tickets/labels.ts';
import type { Translate } from '../../bot/i18n/index.ts';
import type { Config } from '../../config.ts';
import type { OfficerTicketView, TicketCategory } from '../../store/tickets/index.ts';
import { barChart, PALETTE } from './charts.ts';
import { computeFigures, defaultRange } from './figures.ts';

export const STATS_PICTURE = { width: 800, height: 760 } as const;

const require = createRequire(import.meta.url);
/** DejaVu Sans covers Vietnamese; shipped as an npm package, so nothing is fetched at run time. */
const FONT_FILES = [
  require.resolve('dejavu-fonts-ttf/ttf/DejaVuSans.ttf'),
  require.resolve('dejavu-fonts-ttf/ttf/DejaVuSans-Bold.ttf'),
];

const COLORS = { text: '#1f2328', muted: '#6e7781', background: '#ffffff' };

/** Plain text for an SVG label (the catalogue's labels are HTML-escaped for Telegram). */
const plainText = (html: string) =>
  html
    .replace(/<[^>]+>/g, '')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');

/** The /stats picture as SVG: tickets per week over twelve weeks, then tickets by topic. */
export function statsSvg(
  config: Config,
  views: readonly OfficerTicketView[],
  t: Translate,
  now: Date,
): string {
  const figures = computeFigures(config, views, [], defaultRange(now, config.TZ), now);
  const byCategory = new Map<TicketCategory, number>();
  for (const view of views) byCategory.set(view.category, (byCategory.get(view.category) ?? 0) + 1);
  const categories = [...byCategory.entries()].sort((a, b) => b[1] - a[1]);
  const { width, height } = STATS_PICTURE;
  const weekly = barChart({
    title: plainText(t('stats.chart.title')),
    labels: figures.ticketsPerWeek.map(
      (week) => `${week.week.slice(8, 10)}/${week.week.slice(5, 7)}`,
    ),
    series: [
      {
        name: '',
        values: figures.ticketsPerWeek.map((week) => week.count),
        color: PALETTE[0] ?? '#4e79a7',
      },
    ],
    width,
    height: 320,
    colors: COLORS,
  });
  const topics = barChart({
    title: plainText(t('stats.chart.byCategory')),
    labels: categories.map(([category]) => plainText(categoryLabel(t, category))),
    series: [
      { name: '', values: categories.map(([, count]) => count), color: PALETTE[1] ?? '#f28e2b' },
    ],
    width,
    height: height - 330,
    colors: COLORS,
    horizontal: true,
  });
  const nest = (svg: string, y: number) => svg.replace('<svg ', `<svg y="${y}" `);
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}"><rect width="${width}" height="${height}" fill="${COLORS.background}"/>${nest(weekly, 0)}${nest(topics, 330)}</svg>`;
}

/** Renders an SVG to PNG bytes with resvg and the bundled DejaVu fonts. */
export function svgToPng(svg: string): Buffer {
  const resvg = new Resvg(svg, {
    font: { fontFiles: FONT_FILES, loadSystemFonts: false, defaultFontFamily: 'DejaVu Sans' },
    background: COLORS.background,
  });
  return resvg.render().asPng();
}
