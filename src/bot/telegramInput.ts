import type { TelegramProfile } from '../store/users.ts';

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;
// Control characters other than tab and newline (NUL included) carry nothing a reader can see.
// biome-ignore lint/suspicious/noControlCharactersInRegex: matching them is the point
const CONTROL = /[\u0000-\u0008\u000B-\u001F\u007F]/g;

/**
 * Text from Telegram made safe to store and show: lone surrogates become U+FFFD, control
 * characters go, and it is cut to `max` characters without splitting a character in two.
 * Anything that is not a string becomes ''.
 */
export function cleanText(value: unknown, max: number): string {
  if (typeof value !== 'string') return '';
  const cleaned = value.replace(LONE_SURROGATE, '\uFFFD').replace(CONTROL, '').trim();
  const characters = Array.from(cleaned);
  return characters.length > max ? characters.slice(0, max).join('') : cleaned;
}

/** Optional fields stay absent when empty, so nothing invalid is written. */
const optional = (value: unknown, max: number): string | undefined => {
  const cleaned = cleanText(value, max);
  return cleaned === '' ? undefined : cleaned;
};

/**
 * The profile fields the bot keeps, from a Telegram `from` that may lack any of them (Telegram
 * omits empty fields; a forged or malformed update can omit required ones too). Returns null
 * when even the id is unusable, so the update is dropped instead of stored.
 */
export function profileFromTelegram(from: unknown): TelegramProfile | null {
  if (typeof from !== 'object' || from === null) return null;
  const raw = from as Record<string, unknown>;
  const id = raw.id;
  if (typeof id !== 'number' || !Number.isSafeInteger(id) || id === 0) return null;
  return {
    id,
    first_name: cleanText(raw.first_name, 128),
    username: optional(raw.username, 64),
    language_code: optional(raw.language_code, 16),
  };
}
