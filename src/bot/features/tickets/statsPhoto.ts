import { statsSvg, svgToPng } from '../../../web/dashboard/statsPicture.ts';
import type { BotContext } from '../../context.ts';
import type { TicketEnv } from './env.ts';

/** Telegram's caption limit, counted on the visible text (tags and entities excluded). */
const CAPTION_LIMIT = 1024;

const visibleLength = (html: string) =>
  html.replace(/<[^>]+>/g, '').replace(/&(lt|gt|amp|quot);/g, '_').length;

/**
 * /stats as a picture: the chart as a PNG with the text summary as its caption, or below it
 * when the summary is longer than a caption may be. A failed render still sends the text.
 */
export async function sendStatsPicture(ctx: BotContext, env: TicketEnv, summary: string) {
  let png: Buffer;
  try {
    png = svgToPng(statsSvg(env.config, env.tickets.list(), ctx.t, env.now()));
  } catch (error) {
    env.logger.error({ err: error }, 'stats chart failed to render');
    await ctx.reply(summary);
    return;
  }
  const photo = { source: png, filename: 'stats.png' };
  if (visibleLength(summary) <= CAPTION_LIMIT) {
    await ctx.replyWithPhoto(photo, { caption: summary });
    return;
  }
  await ctx.replyWithPhoto(photo);
  await ctx.reply(summary);
}
