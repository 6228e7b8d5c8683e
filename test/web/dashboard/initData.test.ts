import { describe, expect, it } from 'vitest';
import { checkInitData, signInitData } from '../../../src/web/dashboard/initData.ts';

const TOKEN = '123456:TESTtokenTESTtokenTESTtoken';
const NOW = new Date('2026-12-01T12:00:00Z');
const OFFICER = { id: 900, first_name: 'Lan', language_code: 'vi' };
const policy = { botToken: TOKEN, maxAgeSeconds: 3600, officerIds: [900], now: () => NOW };

const fields = (user: object, ageSeconds = 60) => ({
  query_id: 'AAHdF6IQAAAAAN0XohDhrOrc',
  user: JSON.stringify(user),
  auth_date: String(Math.floor(NOW.getTime() / 1000) - ageSeconds),
});

describe('Telegram initData sign-in', () => {
  it('accepts data signed with this bot token for an officer, reading the id from the signed user', () => {
    const check = checkInitData(signInitData(fields(OFFICER), TOKEN), policy);
    expect(check).toMatchObject({ ok: true, user: { id: 900, first_name: 'Lan' } });
  });

  it('refuses a tampered hash', () => {
    const signed = new URLSearchParams(signInitData(fields(OFFICER), TOKEN));
    const hash = signed.get('hash') ?? '';
    signed.set('hash', `${hash.slice(0, -1)}${hash.endsWith('0') ? '1' : '0'}`);
    expect(checkInitData(signed.toString(), policy)).toEqual({ ok: false, reason: 'bad_hash' });
  });

  it('refuses signed data whose user was changed afterwards', () => {
    const signed = new URLSearchParams(signInitData(fields({ ...OFFICER, id: 555 }), TOKEN));
    signed.set('user', JSON.stringify(OFFICER));
    expect(checkInitData(signed.toString(), policy)).toEqual({ ok: false, reason: 'bad_hash' });
  });

  it('refuses data older than the configured age, and accepts it within that age', () => {
    const old = signInitData(fields(OFFICER, 3601), TOKEN);
    expect(checkInitData(old, policy)).toEqual({ ok: false, reason: 'expired' });
    expect(checkInitData(old, { ...policy, maxAgeSeconds: 7200 }).ok).toBe(true);
  });

  it('refuses data signed with another bot token', () => {
    const other = signInitData(fields(OFFICER), '654321:OTHERtokenOTHERtokenOTHER');
    expect(checkInitData(other, policy)).toEqual({ ok: false, reason: 'bad_hash' });
  });

  it('refuses a correctly signed user who is not in OFFICER_IDS', () => {
    const stranger = signInitData(fields({ id: 555, first_name: 'Kẻ lạ' }), TOKEN);
    expect(checkInitData(stranger, policy)).toEqual({ ok: false, reason: 'not_officer' });
  });

  it('refuses missing and malformed data', () => {
    expect(checkInitData(undefined, policy)).toEqual({ ok: false, reason: 'missing' });
    expect(checkInitData('user=%7B%7D&hash=xyz', policy)).toEqual({
      ok: false,
      reason: 'malformed',
    });
  });

  it('matches the signature Telegram documents (HMAC of sorted lines, key from "WebAppData")', async () => {
    const { createHmac } = await import('node:crypto');
    const data = fields(OFFICER);
    const checkString = Object.entries(data)
      .map(([key, value]) => `${key}=${value}`)
      .sort()
      .join('\n');
    const key = createHmac('sha256', 'WebAppData').update(TOKEN).digest();
    const expected = createHmac('sha256', key).update(checkString).digest('hex');
    expect(new URLSearchParams(signInitData(data, TOKEN)).get('hash')).toBe(expected);
  });
});
