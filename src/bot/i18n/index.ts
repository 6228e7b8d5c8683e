import { escapeHtml } from '../html.ts';
import { en } from './en/index.ts';
import { vi } from './vi/index.ts';

export type MessageKey = keyof typeof vi;
export type Lang = 'vi' | 'en';
export type Catalogue = { readonly [K in MessageKey]: string };

/** Placeholder names used in a message, read from the Vietnamese text at the type level. */
type Placeholders<S extends string> = S extends `${string}{${infer Name}}${infer Rest}`
  ? Name | Placeholders<Rest>
  : never;
export type MessageParams<K extends MessageKey> = Record<
  Placeholders<(typeof vi)[K]>,
  string | number
>;
/** Keys whose message takes no value: the only ones that may be chosen at run time (menus, help). */
export type PlainKey = {
  [K in MessageKey]: [Placeholders<(typeof vi)[K]>] extends [never] ? K : never;
}[MessageKey];

// A key missing in one language fails here as well as in its fragment.
const catalogues: Record<Lang, Catalogue> = { vi, en } satisfies Record<Lang, Catalogue>;

/** A translator bound to one language; values are escaped, numbers formatted for that language. */
export type Translate = <K extends MessageKey>(
  key: K,
  ...params: [Placeholders<(typeof vi)[K]>] extends [never] ? [] : [MessageParams<K>]
) => string;

export function translator(lang: Lang): Translate {
  const catalogue = catalogues[lang];
  const locale = lang === 'vi' ? 'vi-VN' : 'en-GB';
  return ((key: MessageKey, params?: Record<string, string | number>) =>
    catalogue[key].replace(/\{(\w+)\}/g, (whole, name: string) => {
      const value = params?.[name];
      if (value === undefined) return whole;
      return typeof value === 'number' ? value.toLocaleString(locale) : escapeHtml(value);
    })) as Translate;
}

/** Picks the bot's language for a Telegram `language_code`: Vietnamese by default, English otherwise. */
export function languageFromTelegram(code: string | undefined, fallback: Lang): Lang {
  if (!code) return fallback;
  return code.toLowerCase().startsWith('vi') ? 'vi' : 'en';
}

/** The language to write to a stored user in, e.g. from a background job. */
export function languageOfUser(
  user: { lang: Lang | null; languageCode?: string | undefined } | undefined,
  fallback: Lang,
): Lang {
  if (!user) return fallback;
  return user.lang ?? languageFromTelegram(user.languageCode, fallback);
}
