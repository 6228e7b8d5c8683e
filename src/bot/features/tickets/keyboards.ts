import { RATING } from '../../callbackData.ts';
import { callbackButton, rows } from '../../keyboard.ts';

/** The rating buttons (1–5) sent after a confirmed resolution or a close. */
export function ratingKeyboard(code: string) {
  const buttons = [1, 2, 3, 4, 5].map((n) => callbackButton('⭐'.repeat(n), RATING.build(code, n)));
  return { reply_markup: { inline_keyboard: rows(buttons, 3) } };
}
