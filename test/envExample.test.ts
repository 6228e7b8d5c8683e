import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../src/config.ts';

describe('.env.example', () => {
  const documented = [...readFileSync('.env.example', 'utf8').matchAll(/^([A-Z_]+)=/gm)].map(
    (m) => m[1],
  );

  it('documents every variable the configuration reads', () => {
    const read = Object.keys(loadConfig({ BOT_TOKEN: '123456:ABCDEFGHIJKLMNOPQRSTUVWX' }));
    const optionalWithoutDefault = [
      'OFFICER_CHAT_ID',
      'WEBHOOK_URL',
      'WEBHOOK_SECRET',
      'HEALTH_PORT',
      'WEB_PORT',
      'DASHBOARD_URL',
      'BACKUP_KEY',
      'DATABASE_URL',
    ];
    for (const name of [...read, ...optionalWithoutDefault])
      expect(documented, name).toContain(name);
  });

  it('is valid as shipped once a token is filled in', () => {
    const values = Object.fromEntries(documented.map((name) => [name, '']));
    expect(() =>
      loadConfig({ ...values, BOT_TOKEN: '123456:ABCDEFGHIJKLMNOPQRSTUVWX' }),
    ).not.toThrow();
  });
});
