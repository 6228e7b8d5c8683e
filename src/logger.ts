import { type DestinationStream, type Logger, pino } from 'pino';

/**
 * Structured logs. By house rule they never carry message bodies, Telegram user or chat ids
 * (an anonymous complainant could be re-identified from them) or the bot token.
 */
export function createLogger(level: string, destination?: DestinationStream): Logger {
  return pino(
    {
      level,
      base: { service: 'kcn-bot' },
      redact: { paths: ['token', 'config.BOT_TOKEN', '*.token'], censor: '[redacted]' },
    },
    destination,
  );
}
