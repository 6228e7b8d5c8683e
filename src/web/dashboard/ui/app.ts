import type { ErrorResponse, SessionResponse } from '../schemas.ts';

interface TelegramWebApp {
  initData: string;
  initDataUnsafe?: { user?: { language_code?: string } };
  colorScheme?: 'light' | 'dark';
  ready(): void;
  expand(): void;
}
declare global {
  interface Window {
    Telegram?: { WebApp?: TelegramWebApp };
  }
}

export const webApp = (): TelegramWebApp | undefined => window.Telegram?.WebApp;

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly body: ErrorResponse,
  ) {
    super(body.message ?? body.reason);
  }
}

/** Calls the dashboard API with this page's initData; the server checks it on every call. */
export async function api<T>(
  path: string,
  init: { method?: string; body?: unknown } = {},
): Promise<T> {
  const app = webApp();
  const response = await fetch(`/app/api${path}`, {
    method: init.method ?? 'GET',
    headers: {
      'x-telegram-init-data': app?.initData ?? '',
      'x-app-lang': app?.initDataUnsafe?.user?.language_code ?? '',
      ...(init.body === undefined ? {} : { 'content-type': 'application/json' }),
    },
    ...(init.body === undefined ? {} : { body: JSON.stringify(init.body) }),
  });
  if (!response.ok) throw new ApiError(response.status, (await response.json()) as ErrorResponse);
  return (await response.json()) as T;
}

/** What every view gets: the signed-in session and a translator over its strings. */
export interface App {
  session: SessionResponse;
  t(key: string, params?: Record<string, string | number>): string;
  go(hash: string): void;
}

export function makeTranslator(session: SessionResponse) {
  const locale = session.lang === 'vi' ? 'vi-VN' : 'en-GB';
  return (key: string, params: Record<string, string | number> = {}) =>
    (session.strings[key] ?? key).replace(/\{(\w+)\}/g, (whole, name: string) => {
      const value = params[name];
      if (value === undefined) return whole;
      return typeof value === 'number' ? value.toLocaleString(locale) : value;
    });
}
