import { Markup } from 'telegraf';
import type { InlineKeyboardButton } from 'telegraf/types';
import { type BotContext, type MenuItem, visibleTo } from './context.ts';

/** Telegram refuses callback data over 64 bytes; every button goes through this check. */
export function callbackButton(text: string, data: string): InlineKeyboardButton.CallbackButton {
  if (Buffer.byteLength(data, 'utf8') > 64) throw new Error(`callback data too long: ${data}`);
  return Markup.button.callback(text, data);
}

/** Lays buttons out `perRow` to a row, the way phones show them best. */
export function rows<T>(buttons: T[], perRow: number): T[][] {
  const result: T[][] = [];
  for (let i = 0; i < buttons.length; i += perRow) result.push(buttons.slice(i, i + perRow));
  return result;
}

/** The main menu, with only what this user may use. */
export function menuKeyboard(ctx: BotContext, items: MenuItem[]) {
  const buttons = items
    .filter((item) => visibleTo(ctx, item.audience))
    .map((item) => callbackButton(ctx.t(item.label), item.data));
  return Markup.inlineKeyboard(rows(buttons, 2));
}

/**
 * Removes the buttons of the message a pressed button belongs to, so it cannot be pressed again;
 * a message already edited or too old to edit is left as it is.
 */
export function clearButtons(ctx: BotContext): Promise<unknown> {
  return ctx.editMessageReplyMarkup(undefined).catch(() => undefined);
}
