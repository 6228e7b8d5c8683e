import { performance } from 'node:perf_hooks';
import { translator } from '../src/bot/i18n/index.ts';
import { loadConfig } from '../src/config.ts';
import type { OfficerTicketView, TicketCategory } from '../src/store/tickets/index.ts';
import { statsSvg, svgToPng } from '../src/web/dashboard/statsPicture.ts';

/** `npm run bench:charts`: render time of the /stats picture (SVG built, then PNG by resvg). */
const config = loadConfig({ BOT_TOKEN: '123456:ABCDEFGHIJKLMNOPQRSTUVWX' });
const now = new Date();
const categories: TicketCategory[] = ['wages', 'hours', 'safety', 'union', 'utilities', 'land'];
const views: OfficerTicketView[] = Array.from({ length: 20_000 }, (_, index) => ({
  code: `KN-${String(index + 1).padStart(5, '0')}`,
  seq: index + 1,
  type: 'complaint',
  category: categories[index % categories.length] ?? 'other',
  parkId: null,
  company: null,
  description: 'Công ty nợ lương',
  attachments: [],
  anonymous: true,
  status: 'new',
  assignee: null,
  createdAt: new Date(now.getTime() - (index % 84) * 86_400_000).toISOString(),
  firstResponseAt: null,
  resolvedAt: null,
  closedAt: null,
  rating: null,
  history: [],
}));
const t = translator('vi');
svgToPng(statsSvg(config, views, t, now));
const runs = 20;
const times: number[] = [];
for (let run = 0; run < runs; run++) {
  const start = performance.now();
  const png = svgToPng(statsSvg(config, views, t, now));
  times.push(performance.now() - start);
  if (png.length < 1000) throw new Error('empty picture');
}
times.sort((a, b) => a - b);
const median = times[Math.floor(runs / 2)] ?? 0;
const worst = times[runs - 1] ?? 0;
console.log(
  `/stats chart (20,000 tickets): median ${median.toFixed(1)} ms, worst ${worst.toFixed(1)} ms over ${runs} renders`,
);
console.log(`target < 200 ms per chart: ${worst < 200 ? 'met' : 'NOT met'}`);
