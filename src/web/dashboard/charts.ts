/**
 * Bar charts as SVG text, with no DOM and no Node API: the same code draws the dashboard's charts
 * in the browser and the /stats picture on the server (rendered to PNG by resvg).
 */

export interface Series {
  name: string;
  values: readonly number[];
  color: string;
}

export interface ChartColors {
  text: string;
  muted: string;
  background: string;
}

export interface BarChartInput {
  title: string;
  labels: readonly string[];
  /** Several series are stacked; one series draws plain bars. */
  series: readonly Series[];
  width: number;
  height: number;
  colors: ChartColors;
  /** Bars run left to right with the labels beside them (long names such as parks). */
  horizontal?: boolean;
  /** Show the legend even for one series (what the colour means is not in the title). */
  legend?: boolean;
  font?: string;
}

/** Colours that stay apart for the colour-blind and on dark and light themes. */
export const PALETTE = [
  '#4e79a7',
  '#f28e2b',
  '#59a14f',
  '#e15759',
  '#76b7b2',
  '#edc948',
  '#b07aa1',
  '#ff9da7',
  '#9c755f',
  '#bab0ac',
  '#2f6f9f',
  '#8cd17d',
  '#d37295',
];

export function escapeXml(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;');
}

/** A round upper bound for the axis: 1, 2 or 5 times a power of ten. */
export function niceMax(value: number): number {
  if (value <= 0) return 1;
  const power = 10 ** Math.floor(Math.log10(value));
  for (const step of [1, 2, 5, 10]) if (step * power >= value) return step * power;
  return 10 * power;
}

const clip = (text: string, max: number) =>
  text.length > max ? `${text.slice(0, max - 1)}…` : text;

function totals(input: BarChartInput): number[] {
  return input.labels.map((_, index) =>
    input.series.reduce((sum, series) => sum + (series.values[index] ?? 0), 0),
  );
}

const showsLegend = (input: BarChartInput) => input.legend === true || input.series.length > 1;

function legend(input: BarChartInput, y: number): string {
  if (!showsLegend(input)) return '';
  let x = 12;
  let row = y;
  const parts: string[] = [];
  for (const series of input.series) {
    const width = 22 + series.name.length * 7;
    if (x + width > input.width - 8) {
      x = 12;
      row += 18;
    }
    parts.push(
      `<rect x="${x}" y="${row - 9}" width="10" height="10" fill="${series.color}"/>`,
      `<text x="${x + 14}" y="${row}" font-size="12" fill="${input.colors.text}">${escapeXml(series.name)}</text>`,
    );
    x += width;
  }
  return parts.join('');
}

function legendHeight(input: BarChartInput): number {
  if (!showsLegend(input)) return 0;
  let x = 12;
  let rows = 1;
  for (const series of input.series) {
    const width = 22 + series.name.length * 7;
    if (x + width > input.width - 8) {
      x = 12;
      rows += 1;
    }
    x += width;
  }
  return rows * 18 + 6;
}

/** One bar chart; an empty chart says "0" on its axis instead of failing. */
export function barChart(input: BarChartInput): string {
  const { width, height, colors } = input;
  const font = input.font ?? 'DejaVu Sans, sans-serif';
  const top = 34 + legendHeight(input);
  const sums = totals(input);
  const max = niceMax(Math.max(0, ...sums));
  const parts: string[] = [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" font-family="${escapeXml(font)}" role="img" aria-label="${escapeXml(input.title)}">`,
    `<rect width="${width}" height="${height}" fill="${colors.background}"/>`,
    `<text x="12" y="22" font-size="15" font-weight="bold" fill="${colors.text}">${escapeXml(input.title)}</text>`,
    legend(input, 44),
  ];
  const count = Math.max(1, input.labels.length);
  if (input.horizontal) {
    const left = Math.min(170, Math.round(width * 0.38));
    const plot = width - left - 40;
    const band = Math.min(34, (height - top - 10) / count);
    input.labels.forEach((label, index) => {
      const y = top + index * band;
      parts.push(
        `<text x="${left - 6}" y="${y + band / 2 + 4}" font-size="12" text-anchor="end" fill="${colors.text}">${escapeXml(clip(label, 24))}</text>`,
      );
      let x = left;
      for (const series of input.series) {
        const value = series.values[index] ?? 0;
        const w = (value / max) * plot;
        if (w > 0)
          parts.push(
            `<rect x="${x.toFixed(1)}" y="${(y + band * 0.15).toFixed(1)}" width="${w.toFixed(1)}" height="${(band * 0.7).toFixed(1)}" fill="${series.color}"><title>${escapeXml(`${series.name}: ${value}`)}</title></rect>`,
          );
        x += w;
      }
      parts.push(
        `<text x="${(x + 4).toFixed(1)}" y="${y + band / 2 + 4}" font-size="11" fill="${colors.muted}">${sums[index] ?? 0}</text>`,
      );
    });
  } else {
    const left = 36;
    const bottom = height - 40;
    const plot = bottom - top;
    const band = (width - left - 10) / count;
    // Counts are whole numbers: no half-way line when it would not fall on one.
    for (const fraction of max % 2 === 0 ? [0, 0.5, 1] : [0, 1]) {
      const y = bottom - fraction * plot;
      parts.push(
        `<line x1="${left}" y1="${y}" x2="${width - 10}" y2="${y}" stroke="${colors.muted}" stroke-opacity="0.3"/>`,
        `<text x="${left - 4}" y="${y + 4}" font-size="11" text-anchor="end" fill="${colors.muted}">${Math.round(max * fraction)}</text>`,
      );
    }
    const every = Math.ceil(count / Math.max(1, Math.floor((width - left) / 48)));
    input.labels.forEach((label, index) => {
      const x = left + index * band;
      let y = bottom;
      for (const series of input.series) {
        const value = series.values[index] ?? 0;
        const h = (value / max) * plot;
        y -= h;
        if (h > 0)
          parts.push(
            `<rect x="${(x + band * 0.15).toFixed(1)}" y="${y.toFixed(1)}" width="${(band * 0.7).toFixed(1)}" height="${h.toFixed(1)}" fill="${series.color}"><title>${escapeXml(`${label} · ${series.name}: ${value}`)}</title></rect>`,
          );
      }
      if (index % every === 0)
        parts.push(
          `<text x="${(x + band / 2).toFixed(1)}" y="${bottom + 16}" font-size="11" text-anchor="middle" fill="${colors.text}">${escapeXml(clip(label, 10))}</text>`,
        );
    });
  }
  parts.push('</svg>');
  return parts.join('');
}
