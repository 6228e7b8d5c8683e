import { barChart, type ChartColors, PALETTE } from '../charts.ts';
import type { FiguresResponse } from '../schemas.ts';
import { type App, api, webApp } from './app.ts';
import { h, svgNode } from './dom.ts';

let range: { from?: string; until?: string } = {};

function themeColors(): ChartColors {
  const style = getComputedStyle(document.body);
  return {
    text: style.color || '#111',
    muted: style.getPropertyValue('--hint').trim() || '#777',
    background: style.backgroundColor || '#fff',
  };
}

const short = (week: string) => `${week.slice(8, 10)}/${week.slice(5, 7)}`;

function charts(app: App, figures: FiguresResponse, width: number): Node[] {
  const { t, session } = app;
  const colors = themeColors();
  const weeks = figures.ticketsPerWeek.map((week) => short(week.week));
  const parkName = (id: string | null) =>
    id === null
      ? t('tickets.park.other')
      : (session.parks.find((park) => park.id === id)?.name ?? id);
  const categories = session.categories.filter((category) =>
    figures.parkCategory.some((row) => (row.byCategory[category] ?? 0) > 0),
  );
  const parks = figures.parkCategory.slice(0, 16);
  return [
    svgNode(
      barChart({
        title: t('app.figures.perWeek'),
        labels: weeks,
        series: [
          {
            name: t('app.figures.count'),
            values: figures.ticketsPerWeek.map((week) => week.count),
            color: PALETTE[0] ?? '#4e79a7',
          },
        ],
        width,
        height: 220,
        colors,
      }),
    ),
    svgNode(
      barChart({
        title: t('app.figures.parkCategory'),
        labels: parks.map((row) => parkName(row.parkId)),
        series: categories.map((category, index) => ({
          name: t(`tickets.cat.${category}`),
          values: parks.map((row) => row.byCategory[category] ?? 0),
          color: PALETTE[index % PALETTE.length] ?? '#4e79a7',
        })),
        width,
        height: 90 + Math.max(1, parks.length) * 34,
        colors,
        horizontal: true,
        legend: true,
      }),
    ),
    svgNode(
      barChart({
        title: t('app.figures.ratingsChart'),
        labels: ['1', '2', '3', '4', '5'],
        series: [
          {
            name: t('app.figures.count'),
            values: figures.ratings.distribution,
            color: PALETTE[5] ?? '#edc948',
          },
        ],
        width,
        height: 180,
        colors,
      }),
    ),
    svgNode(
      barChart({
        title: t('app.figures.unanswered'),
        labels: figures.unansweredPerWeek.map((week) => short(week.week)),
        series: [
          {
            name: t('app.figures.count'),
            values: figures.unansweredPerWeek.map((week) => week.count),
            color: PALETTE[3] ?? '#e15759',
          },
        ],
        width,
        height: 200,
        colors,
      }),
    ),
  ];
}

async function downloadCsv(query: string): Promise<void> {
  const response = await fetch(`/app/api/figures.csv?${query}`, {
    headers: { 'x-telegram-init-data': webApp()?.initData ?? '' },
  });
  if (!response.ok) return;
  const name = /filename="([^"]+)"/.exec(response.headers.get('content-disposition') ?? '')?.[1];
  const link = h('a', {
    href: URL.createObjectURL(await response.blob()),
    download: name ?? 'figures.csv',
  });
  document.body.append(link);
  link.click();
  link.remove();
}

/** Figures for a date range: weekly counts, park × topic, times against targets, ratings. */
export async function figuresView(app: App, root: HTMLElement): Promise<void> {
  const { t } = app;
  const query = new URLSearchParams(range as Record<string, string>).toString();
  const figures = await api<FiguresResponse>(`/figures?${query}`);
  const from = h('input', { type: 'date', name: 'from', value: figures.range.from });
  const until = h('input', { type: 'date', name: 'until', value: figures.range.until });
  const hours = (value: number | null) =>
    value === null ? '—' : t('app.figures.hours', { hours: Math.round(value * 10) / 10 });
  const { response, resolution } = figures.withinTarget;
  const width = Math.max(300, Math.min(740, root.clientWidth || 340));
  root.replaceChildren(
    h(
      'div',
      { class: 'filters' },
      h('label', {}, t('app.figures.from'), from),
      h('label', {}, t('app.figures.until'), until),
      h(
        'button',
        {
          onclick: () => {
            range = { from: from.value, until: until.value };
            void figuresView(app, root);
          },
        },
        t('app.figures.apply'),
      ),
      h(
        'button',
        { class: 'secondary', onclick: () => void downloadCsv(query) },
        t('app.figures.csv'),
      ),
    ),
    h(
      'div',
      { class: 'card stats' },
      h('p', {}, t('app.figures.total', { total: figures.total })),
      h(
        'p',
        {},
        t('app.figures.medianResponse', { value: hours(figures.medianFirstResponseHours) }),
      ),
      h(
        'p',
        {},
        t('app.figures.medianResolution', { value: hours(figures.medianResolutionHours) }),
      ),
      h('p', {}, t('app.figures.withinResponse', response)),
      h('p', {}, t('app.figures.withinResolution', resolution)),
      h(
        'p',
        {},
        t('app.figures.ratings', {
          count: figures.ratings.count,
          average: figures.ratings.average === null ? '—' : figures.ratings.average.toFixed(2),
        }),
      ),
    ),
    ...charts(app, figures, width),
  );
}
