import { Telegraf } from 'telegraf';

/**
 * The ceiling the question run is compared with: a minimal telegraf 4.16 bot answering each text
 * with one sendMessage, long-polling the same loopback fake Bot API. Started as its own process
 * by bench/scale.ts, exactly like the real bot.
 */
const token = process.env.BOT_TOKEN ?? '';
const bot = new Telegraf(token, { telegram: { apiRoot: process.env.TELEGRAM_API_ROOT ?? '' } });
bot.on('text', (ctx) => ctx.reply(`Bạn hỏi: ${ctx.message.text.slice(0, 100)}`));
process.once('SIGTERM', () => {
  bot.stop('SIGTERM');
  process.exit(0);
});
void bot.launch();
