import { type DestinationStream, type Logger, pino } from 'pino';

/**
 * Errors as logs may hold them: type, message and Telegram's error code. Never the request
 * payload that a TelegramError carries (chat ids, message texts) nor arbitrary properties.
 */
export function safeError(error: unknown): Record<string, unknown> {
  if (!(error instanceof Error)) return { type: typeof error, message: String(error) };
  const telegram = error as Error & { code?: unknown; on?: { method?: unknown } };
  return {
    type: error.name === 'Error' ? error.constructor.name : error.name,
    message: error.message,
    ...(typeof telegram.code === 'number' || typeof telegram.code === 'string'
      ? { code: telegram.code }
      : {}),
    ...(typeof telegram.on?.method === 'string' ? { method: telegram.on.method } : {}),
    stack: error.stack?.split('\n').slice(1, 6).join('\n'),
  };
}

/**
 * Structured logs. By house rule they never carry message bodies, Telegram user or chat ids
 * (an anonymous complainant could be re-identified from them) or the bot token; every `err`
 * goes through {@link safeError}.
 */
export function createLogger(level: string, destination?: DestinationStream): Logger {
  return pino(
    {
      level,
      base: { service: 'kcn-bot' },
      serializers: { err: safeError },
      redact: { paths: ['token', 'config.BOT_TOKEN', '*.token'], censor: '[redacted]' },
    },
    destination,
  );
}
