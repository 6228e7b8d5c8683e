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

/** A fresh idempotency key: one per officer action, reused when the same action is sent again. */
export function newKey(): string {
  const bytes = new Uint8Array(16);
  crypto.getRandomValues(bytes);
  return Array.from(bytes, (byte) => byte.toString(16).padStart(2, '0')).join('');
}

/**
 * Calls the dashboard API with this page's initData; the server checks it on every call. A POST
 * carries its action's idempotency key and is sent once more with the same key if the network
 * failed, so a lost answer never makes the server act twice.
 */
export async function api<T>(
  path: string,
  init: { method?: string; body?: unknown; key?: string } = {},
): Promise<T> {
  const app = webApp();
  const method = init.method ?? 'GET';
  const key = method === 'POST' ? (init.key ?? newKey()) : undefined;
  const send = () =>
    fetch(`/app/api${path}`, {
      method,
      headers: {
        'x-telegram-init-data': app?.initData ?? '',
        'x-app-lang': app?.initDataUnsafe?.user?.language_code ?? '',
        ...(key === undefined ? {} : { 'idempotency-key': key }),
        ...(init.body === undefined ? {} : { 'content-type': 'application/json' }),
      },
      ...(init.body === undefined ? {} : { body: JSON.stringify(init.body) }),
    });
  const response = await send().catch((error: unknown) => {
    if (key === undefined) throw error;
    return send();
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
