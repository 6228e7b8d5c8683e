import { z } from 'zod';

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

const isTimeZone = (zone: string): boolean => {
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
};

const configSchema = z.object({
  BOT_TOKEN: z
    .string({ error: 'is missing' })
    .trim()
    .regex(/^\d+:[\w-]{20,}$/, 'does not look like a token from @BotFather (digits:letters)'),
  TELEGRAM_API_ROOT: z.url({ protocol: /^https?$/ }).default(PUBLIC_BOT_API),
  DATA_DIR: z.string().trim().min(1).default('./data/runtime'),
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
});

const HINTS: Record<string, string> = {
  BOT_TOKEN:
    'get a token from @BotFather and put BOT_TOKEN=... in .env (to try the bot without Telegram, run `npm run chat`)',
  TELEGRAM_API_ROOT: 'use a URL such as https://api.telegram.org or http://127.0.0.1:8081',
  OFFICER_IDS: 'write numeric Telegram user ids separated by commas, e.g. 11111111,22222222',
  OFFICER_CHAT_ID: 'write the numeric id of the officers’ group, e.g. -1001234567890',
  DEFAULT_LANG: 'use vi or en',
  TZ: 'use an IANA zone such as Asia/Ho_Chi_Minh',
  LOG_LEVEL: 'use one of fatal, error, warn, info, debug, trace, silent',
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
  const parsed = configSchema.safeParse(cleaned);
  if (parsed.success) return parsed.data;
  const problems = parsed.error.issues.map((issue) => {
    const key = String(issue.path[0] ?? 'config');
    const hint = HINTS[key];
    return hint ? `${key} ${issue.message}: ${hint}` : `${key} ${issue.message}`;
  });
  throw new ConfigError(problems);
}
