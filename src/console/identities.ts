import type { User as TelegramUser } from 'telegraf/types';

/** The people the console can speak as; `/as …` switches between them. */
export interface ConsoleIdentities {
  current: TelegramUser;
  switchTo(spec: string): TelegramUser | null;
}

export function consoleIdentities(officerId: number, lang: 'vi' | 'en'): ConsoleIdentities {
  const known: Record<string, TelegramUser> = {
    worker: { id: 100001, is_bot: false, first_name: 'Lan', language_code: lang },
    enterprise: {
      id: 100002,
      is_bot: false,
      first_name: 'Minh',
      username: 'minh_co',
      language_code: lang,
    },
    officer: { id: officerId, is_bot: false, first_name: 'Cán bộ', language_code: lang },
  };
  const state: ConsoleIdentities = {
    current: known.worker as TelegramUser,
    switchTo(spec) {
      const key = spec.trim().toLowerCase();
      const found = known[key];
      if (found) {
        state.current = found;
        return found;
      }
      if (/^\d{1,15}$/.test(key)) {
        state.current = {
          id: Number(key),
          is_bot: false,
          first_name: `User ${key}`,
          language_code: lang,
        };
        return state.current;
      }
      return null;
    },
  };
  return state;
}
