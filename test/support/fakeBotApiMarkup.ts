import { badRequest, isRecord } from './fakeBotApiTypes.ts';

const MAX_CALLBACK_DATA_BYTES = 64;

/** Inline-button fields that give the button something to do. */
const INLINE_ACTIONS = [
  'url',
  'callback_data',
  'web_app',
  'login_url',
  'switch_inline_query',
  'switch_inline_query_current_chat',
  'switch_inline_query_chosen_chat',
  'copy_text',
  'callback_game',
  'pay',
];

function validateInlineButton(button: unknown): void {
  if (!isRecord(button) || typeof button.text !== 'string') {
    badRequest('can\'t parse inline keyboard button: Field "text" must be of type String');
  }
  if (button.text.trim() === '') badRequest('BUTTON_TEXT_INVALID');
  if (!INLINE_ACTIONS.some((action) => button[action] !== undefined)) {
    badRequest(
      "can't parse inline keyboard button: Text buttons are unallowed in the inline keyboard",
    );
  }
  const data = button.callback_data;
  if (data !== undefined) {
    const bytes = typeof data === 'string' ? Buffer.byteLength(data) : 0;
    if (bytes === 0 || bytes > MAX_CALLBACK_DATA_BYTES) badRequest('BUTTON_DATA_INVALID');
  }
  const url = button.url;
  if (url !== undefined && (typeof url !== 'string' || !/^(https?|tg):\/\/\S+$/i.test(url))) {
    badRequest('BUTTON_URL_INVALID');
  }
}

function rowsOf(rows: unknown, what: string): unknown[] {
  if (!Array.isArray(rows) || rows.some((row) => !Array.isArray(row))) {
    badRequest(`can't parse ${what}: field must be an Array of Arrays`);
  }
  return rows.flat();
}

/**
 * Validates `reply_markup` like the Bot API where bots commonly go wrong (callback_data over 64
 * bytes, buttons without an action, bad URLs) and returns it, or undefined when absent.
 */
export function validateReplyMarkup(markup: unknown): Record<string, unknown> | undefined {
  if (markup === undefined || markup === null) return undefined;
  if (!isRecord(markup)) badRequest("can't parse reply keyboard markup JSON object");
  if (markup.inline_keyboard !== undefined) {
    for (const button of rowsOf(markup.inline_keyboard, 'inline keyboard')) {
      validateInlineButton(button);
    }
  } else if (markup.keyboard !== undefined) {
    for (const button of rowsOf(markup.keyboard, 'keyboard')) {
      const text = isRecord(button) ? button.text : button;
      if (typeof text !== 'string' || text.trim() === '') badRequest('BUTTON_TEXT_INVALID');
    }
  } else if (markup.remove_keyboard === undefined && markup.force_reply === undefined) {
    badRequest("can't parse reply keyboard markup JSON object");
  }
  return markup;
}
