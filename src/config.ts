import { z } from 'zod';
import { parseWorkDays, parseWorkHours } from './scheduling/workingTime.ts';
import { ticketCategorySchema } from './store/tickets/schema.ts';

const PUBLIC_BOT_API = 'https://api.telegram.org';

const idList = z
  .string()
  .trim()
  .default('')
  .transform((raw, ctx) => {
    const parts = raw.split(/[\s,]+/).filter(Boolean);
    const ids: number[] = [];
    for (const part of parts) {
      if (!/^-?\d{1,15}$/.test(part)) {
        ctx.addIssue({ code: 'custom', message: `"${part}" is not a numeric Telegram id` });
        return z.NEVER;
      }
      ids.push(Number(part));
    }
    return ids;
  });

const positiveInt = (fallback: number) => z.coerce.number().int().positive().default(fallback);

/** `safety=4/3,utilities=8/5`: per-category response hours / resolution days. */
const ticketTargets = z
  .string()
  .trim()
  .default('')
  .transform((raw, ctx) => {
    const targets: Record<string, { responseHours: number; resolutionDays: number }> = {};
    for (const part of raw.split(/[\s,]+/).filter(Boolean)) {
      const match = /^([a-z_]+)=(\d{1,4})\/(\d{1,3})$/.exec(part);
      if (!match || !ticketCategorySchema.safeParse(match[1]).success) {
        ctx.addIssue({ code: 'custom', message: `"${part}" is not category=hours/days` });
        return z.NEVER;
      }
      targets[match[1] ?? ''] = {
        responseHours: Number(match[2]),
        resolutionDays: Number(match[3]),
      };
    }
    return targets;
  });

const isTimeZone = (zone: string): boolean => {
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
};

const workDays = z
  .string()
  .trim()
  .default('1-5')
  .transform((raw, ctx) => {
    const days = parseWorkDays(raw);
    if (days && days.length > 0) return days;
    ctx.addIssue({ code: 'custom', message: `"${raw}" is not a list of weekdays` });
    return z.NEVER;
  });

const workHours = z
  .string()
  .trim()
  .default('08:00-17:00')
  .transform((raw, ctx) => {
    const hours = parseWorkHours(raw);
    if (hours) return hours;
    ctx.addIssue({ code: 'custom', message: `"${raw}" is not a window such as 08:00-17:00` });
    return z.NEVER;
  });

const optionalPort = z.coerce.number().int().min(1).max(65535).optional();

const configSchema = z.object({
  BOT_TOKEN: z
    .string({ error: 'is missing' })
    .trim()
    .regex(/^\d+:[\w-]{20,}$/, 'does not look like a token from @BotFather (digits:letters)'),
  TELEGRAM_API_ROOT: z.url({ protocol: /^https?$/ }).default(PUBLIC_BOT_API),
  DATA_DIR: z.string().trim().min(1).default('./data/runtime'),
  /** With it, the store is PostgreSQL (several instances may share it); without it, lowdb files. */
  DATABASE_URL: z
    .string()
    .trim()
    .regex(/^postgres(ql)?:\/\/\S+$/, 'must be a postgres:// URL')
    .optional(),
  OFFICER_IDS: idList,
  OFFICER_CHAT_ID: z
    .string()
    .trim()
    .regex(/^-?\d{1,15}$/, 'must be a numeric chat id')
    .transform(Number)
    .optional(),
  DEFAULT_LANG: z.enum(['vi', 'en']).default('vi'),
  TZ: z
    .string()
    .trim()
    .default('Asia/Ho_Chi_Minh')
    .refine(isTimeZone, 'is not an IANA time zone such as Asia/Ho_Chi_Minh'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  WEBHOOK_URL: z.url({ protocol: /^https?$/ }).optional(),
  WEBHOOK_SECRET: z
    .string()
    .regex(/^[A-Za-z0-9_-]{16,256}$/, 'must be 16-256 letters, digits, "_" or "-"')
    .optional(),
  PORT: z.coerce.number().int().min(1).max(65535).default(8080),
  HOST: z.string().trim().min(1).default('0.0.0.0'),
  HEALTH_PORT: optionalPort,
  /** Port of the officers' dashboard (/app) in polling mode; in webhook mode it shares PORT. */
  WEB_PORT: optionalPort,
  /** The public https URL of /app, given to officers' menu buttons; no button without it. */
  DASHBOARD_URL: z.url({ protocol: /^https$/ }).optional(),
  /** A dashboard sign-in (Telegram initData) older than this is refused. */
  DASHBOARD_AUTH_MAX_AGE_SECONDS: positiveInt(3600),
  /** Where the health server listens; loopback unless an operator opens it on purpose. */
  HEALTH_HOST: z.string().trim().min(1).default('127.0.0.1'),
  /** With it, `/healthz?token=…` (or `Authorization: Bearer …`) also shows version and activity. */
  HEALTH_TOKEN: z.string().trim().min(16).optional(),
  FLOOD_MESSAGES_PER_MINUTE: z.coerce.number().int().positive().default(40),
  FLOOD_BUTTONS_PER_MINUTE: z.coerce.number().int().positive().default(90),
  FLOOD_BURST: z.coerce.number().int().positive().default(15),
  FLOOD_COOLDOWN_SECONDS: z.coerce.number().int().positive().default(30),
  BACKUP_DIR: z.string().trim().min(1).default('./backups'),
  BACKUP_KEEP: z.coerce.number().int().positive().default(14),
  BACKUP_HOUR: z.coerce.number().int().min(0).max(23).default(2),
  BACKUP_KEY: z.string().min(16, 'must be at least 16 characters').optional(),
  RETENTION_MONTHS: z.coerce.number().int().positive().default(24),
  PARKS_FILE: z.string().trim().min(1).default('data/parks/parks.yaml'),
  TICKET_RESPONSE_HOURS: positiveInt(24),
  TICKET_RESOLUTION_DAYS: positiveInt(7),
  TICKET_TARGETS: ticketTargets,
  TICKET_LIMIT_PER_HOUR: positiveInt(5),
  TICKET_AUTOCLOSE_DAYS: positiveInt(7),
  /** Working days for service targets, 0 = Sunday: `1-5` is Monday to Friday. */
  WORK_DAYS: workDays,
  /** The daily working window service targets count, in TZ. */
  WORK_HOURS: workHours,
  /** Public holidays (no working time), one `yyyy-MM-dd` per line of a YAML list. */
  HOLIDAYS_FILE: z.string().trim().min(1).default('data/holidays.yaml'),
  /** Optional rules that assign new tickets by category or park. */
  ROUTING_FILE: z.string().trim().min(1).default('data/desk/routing.yaml'),
  /** Officer answers written in a ticket topic or swipe-reply wait this long, with Undo. */
  DESK_UNDO_SECONDS: z.coerce.number().int().min(1).max(300).default(10),
  /** How often open tickets are checked against their service targets. */
  TARGET_CHECK_SECONDS: z.coerce.number().int().min(1).max(3600).default(60),
  /** Outbox pace in messages a second across all chats; Telegram allows about 30. */
  BROADCAST_RATE: z.coerce.number().positive().max(1000).default(25),
  /** Gap between two ticket notices to the same chat; Telegram allows about one a second. */
  NOTICE_CHAT_INTERVAL_MS: z.coerce.number().int().min(0).max(60_000).default(1000),
  /** Reminders due longer ago than this when the bot starts are recorded as missed, not sent. */
  REMINDER_LATE_LIMIT_HOURS: z.coerce.number().positive().default(24),
});

const HINTS: Record<string, string> = {
  BOT_TOKEN:
    'get a token from @BotFather and put BOT_TOKEN=... in .env (to try the bot without Telegram, run `npm run chat`)',
  TELEGRAM_API_ROOT: 'use a URL such as https://api.telegram.org or http://127.0.0.1:8081',
  DATABASE_URL:
    'leave it empty for the built-in file store, or write postgres://user:password@host:5432/kcn_bot',
  OFFICER_IDS: 'write numeric Telegram user ids separated by commas, e.g. 11111111,22222222',
  OFFICER_CHAT_ID: 'write the numeric id of the officers’ group, e.g. -1001234567890',
  DEFAULT_LANG: 'use vi or en',
  TZ: 'use an IANA zone such as Asia/Ho_Chi_Minh',
  LOG_LEVEL: 'use one of fatal, error, warn, info, debug, trace, silent',
  WEBHOOK_URL:
    'the public https URL Telegram posts updates to, e.g. https://bot.example.gov.vn/telegram',
  WEBHOOK_SECRET:
    'a random secret Telegram sends back in a header, e.g. the output of `openssl rand -hex 32`',
  PORT: 'the port the webhook and health server listen on, e.g. 8080',
  HOST: 'the address to listen on, e.g. 127.0.0.1 behind a reverse proxy',
  HEALTH_PORT: 'a port for GET /healthz in polling mode, e.g. 8081',
  WEB_PORT: 'a port for the officers’ dashboard (/app) in polling mode, e.g. 8082',
  DASHBOARD_URL: 'the public https address of /app, e.g. https://bot.example.gov.vn/app',
  DASHBOARD_AUTH_MAX_AGE_SECONDS: 'seconds a dashboard sign-in stays valid, e.g. 3600',
  HEALTH_HOST: 'the address the health server listens on, e.g. 127.0.0.1',
  HEALTH_TOKEN: 'at least 16 characters, e.g. the output of `openssl rand -hex 16`',
  FLOOD_MESSAGES_PER_MINUTE: 'a whole number, e.g. 40',
  FLOOD_BUTTONS_PER_MINUTE: 'a whole number, e.g. 90',
  FLOOD_BURST: 'how many updates a user may send at once before the rate applies, e.g. 15',
  FLOOD_COOLDOWN_SECONDS: 'how long a flooding user is ignored, e.g. 30',
  BACKUP_DIR: 'a folder for backups, outside DATA_DIR, e.g. /var/backups/kcn-bot',
  BACKUP_KEEP: 'how many daily backups to keep, e.g. 14',
  BACKUP_HOUR: 'the local hour (0-23) of the daily backup, e.g. 2',
  BACKUP_KEY: 'a secret of 16 characters or more, e.g. the output of `openssl rand -hex 32`',
  RETENTION_MONTHS: 'months after closing before a ticket’s personal data is erased, e.g. 24',
  PARKS_FILE: 'the path of the industrial parks list, e.g. data/parks/parks.yaml',
  TICKET_RESPONSE_HOURS: 'a whole number of hours, e.g. 24',
  TICKET_RESOLUTION_DAYS: 'a whole number of days, e.g. 7',
  TICKET_TARGETS:
    'per-category overrides as category=hours/days, e.g. safety=4/3,utilities=8/5 (categories: wages, hours, safety, union, discrimination, environment, security, utilities, land, investment, construction, labour, other)',
  TICKET_LIMIT_PER_HOUR: 'a whole number of tickets per user per hour, e.g. 5',
  TICKET_AUTOCLOSE_DAYS: 'days after which an unconfirmed resolution closes, e.g. 7',
  WORK_DAYS: 'working weekdays, 0 = Sunday, e.g. 1-5 for Monday to Friday or 1-6',
  WORK_HOURS: 'the daily working window, e.g. 08:00-17:00',
  HOLIDAYS_FILE: 'the path of the holidays list, e.g. data/holidays.yaml',
  ROUTING_FILE: 'the path of the ticket routing rules, e.g. data/desk/routing.yaml',
  DESK_UNDO_SECONDS: 'seconds an officer has to undo a reply, 1-300, e.g. 10',
  TARGET_CHECK_SECONDS: 'seconds between service-target checks, 1-3600, e.g. 60',
  BROADCAST_RATE: 'messages a second for broadcasts, e.g. 25 (Telegram allows about 30)',
  NOTICE_CHAT_INTERVAL_MS: 'milliseconds between two ticket notices to one chat, e.g. 1000',
  REMINDER_LATE_LIMIT_HOURS: 'hours after which an overdue reminder is skipped as missed, e.g. 24',
};

export type Config = z.infer<typeof configSchema>;

/** Thrown with every bad variable at once, so an operator fixes .env in one pass. */
export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

/**
 * Validates the environment once at start; the result is passed to whoever needs it,
 * never imported as a global. Empty strings count as unset so `.env.example` can be copied as is.
 */
export function loadConfig(env: Record<string, string | undefined>): Config {
  const cleaned = Object.fromEntries(
    Object.keys(configSchema.shape).map((key) => {
      const value = env[key];
      return [key, value === undefined || value.trim() === '' ? undefined : value];
    }),
  );
  const parsed = configSchema
    .refine((config) => !config.WEBHOOK_URL || config.WEBHOOK_SECRET, {
      path: ['WEBHOOK_SECRET'],
      message: 'is required when WEBHOOK_URL is set',
    })
    .safeParse(cleaned);
  if (parsed.success) return parsed.data;
  const problems = parsed.error.issues.map((issue) => {
    const key = String(issue.path[0] ?? 'config');
    const hint = HINTS[key];
    return hint ? `${key} ${issue.message}: ${hint}` : `${key} ${issue.message}`;
  });
  throw new ConfigError(problems);
}
