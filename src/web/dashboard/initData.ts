import { createHmac, timingSafeEqual } from 'node:crypto';
import { z } from 'zod';

/** The user object Telegram puts in `initData`; only what the dashboard reads. */
const initDataUserSchema = z.object({
  id: z.number().int(),
  first_name: z.string(),
  last_name: z.string().optional(),
  username: z.string().optional(),
  language_code: z.string().optional(),
});
export type InitDataUser = z.infer<typeof initDataUserSchema>;

export type InitDataCheck =
  | { ok: true; user: InitDataUser; authDate: Date }
  | { ok: false; reason: 'missing' | 'malformed' | 'bad_hash' | 'expired' | 'not_officer' };

export interface InitDataPolicy {
  botToken: string;
  /** Older sign-ins are refused: a leaked initData string stops working after this long. */
  maxAgeSeconds: number;
  officerIds: readonly number[];
  now: () => Date;
}

/** Telegram's Mini App key: HMAC-SHA256 of the bot token, keyed with the constant "WebAppData". */
function secretKey(botToken: string): Buffer {
  return createHmac('sha256', 'WebAppData').update(botToken).digest();
}

/** The sorted `key=value` lines without `hash`, as Telegram signs them. */
function dataCheckString(params: URLSearchParams): string {
  return [...params.entries()]
    .filter(([key]) => key !== 'hash')
    .map(([key, value]) => `${key}=${value}`)
    .sort()
    .join('\n');
}

/** Signs fields as Telegram would; used by the tests and the browser test's stand-in script. */
export function signInitData(fields: Record<string, string>, botToken: string): string {
  const params = new URLSearchParams(fields);
  params.delete('hash');
  const hash = createHmac('sha256', secretKey(botToken))
    .update(dataCheckString(params))
    .digest('hex');
  params.set('hash', hash);
  return params.toString();
}

/**
 * Checks that `raw` was signed by Telegram for this bot, is recent and belongs to an officer.
 * Nothing the page says about the user is trusted: the id comes from the signed `user` field.
 */
export function checkInitData(raw: string | undefined, policy: InitDataPolicy): InitDataCheck {
  if (!raw) return { ok: false, reason: 'missing' };
  const params = new URLSearchParams(raw);
  const given = params.get('hash');
  if (!given || !/^[0-9a-f]{64}$/.test(given)) return { ok: false, reason: 'malformed' };
  const expected = createHmac('sha256', secretKey(policy.botToken))
    .update(dataCheckString(params))
    .digest();
  if (!timingSafeEqual(expected, Buffer.from(given, 'hex')))
    return { ok: false, reason: 'bad_hash' };
  const authSeconds = Number(params.get('auth_date'));
  if (!Number.isInteger(authSeconds) || authSeconds <= 0) return { ok: false, reason: 'malformed' };
  const ageSeconds = policy.now().getTime() / 1000 - authSeconds;
  if (ageSeconds > policy.maxAgeSeconds) return { ok: false, reason: 'expired' };
  let user: InitDataUser;
  try {
    user = initDataUserSchema.parse(JSON.parse(params.get('user') ?? 'null'));
  } catch {
    return { ok: false, reason: 'malformed' };
  }
  if (!policy.officerIds.includes(user.id)) return { ok: false, reason: 'not_officer' };
  return { ok: true, user, authDate: new Date(authSeconds * 1000) };
}
