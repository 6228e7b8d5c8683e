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

/** One page of `items`: the requested page clamped to those that exist (there is always one). */
export function pageOf<T>(items: readonly T[], requested: number, size: number) {
  const pages = Math.max(1, Math.ceil(items.length / size));
  const page = Math.min(Math.max(0, requested), pages - 1);
  return { items: items.slice(page * size, (page + 1) * size), page, pages };
}

/** The previous/next buttons of a paged list, only those that lead somewhere. */
export function pagerRow(
  { page, pages }: { page: number; pages: number },
  labels: { previous: string; next: string },
  dataFor: (page: number) => string,
): InlineKeyboardButton.CallbackButton[] {
  return [
    ...(page > 0 ? [callbackButton(labels.previous, dataFor(page - 1))] : []),
    ...(page < pages - 1 ? [callbackButton(labels.next, dataFor(page + 1))] : []),
  ];
}
