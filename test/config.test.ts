import { describe, expect, it } from 'vitest';
import { describeDatabase } from '../src/boot.ts';
import { ConfigError, loadConfig } from '../src/config.ts';

const TOKEN = '123456:ABCdefGHIjklMNOpqrSTUvwx';

function problemsOf(env: Record<string, string>): string[] {
  try {
    loadConfig(env);
  } catch (error) {
    if (error instanceof ConfigError) return error.problems;
    throw error;
  }
  throw new Error('expected a ConfigError');
}

describe('loadConfig', () => {
  it('fills defaults an operator expects', () => {
    const config = loadConfig({ BOT_TOKEN: TOKEN });
    expect(config).toMatchObject({
      TELEGRAM_API_ROOT: 'https://api.telegram.org',
      DATA_DIR: './data/runtime',
      OFFICER_IDS: [],
      DEFAULT_LANG: 'vi',
      TZ: 'Asia/Ho_Chi_Minh',
      LOG_LEVEL: 'info',
    });
  });

  it('selects PostgreSQL only with a postgres:// DATABASE_URL, never echoing its password', () => {
    expect(loadConfig({ BOT_TOKEN: TOKEN }).DATABASE_URL).toBeUndefined();
    const url = 'postgres://kcn:s3cret-pw@db.internal:5433/kcn_bot';
    expect(loadConfig({ BOT_TOKEN: TOKEN, DATABASE_URL: url }).DATABASE_URL).toBe(url);
    const problems = problemsOf({ BOT_TOKEN: TOKEN, DATABASE_URL: 'mysql://kcn:s3cret-pw@db/kcn' });
    expect(problems).toEqual([expect.stringMatching(/^DATABASE_URL must be a postgres:\/\/ URL/)]);
    expect(problems.join('\n')).not.toContain('s3cret-pw');
    expect(describeDatabase(url)).toBe('db.internal:5433/kcn_bot');
  });

  it('parses officer ids separated by commas or spaces', () => {
    expect(loadConfig({ BOT_TOKEN: TOKEN, OFFICER_IDS: '11, 22 33' }).OFFICER_IDS).toEqual([
      11, 22, 33,
    ]);
  });

  it('treats empty values as unset, so .env.example can be copied as is', () => {
    expect(loadConfig({ BOT_TOKEN: TOKEN, DATA_DIR: '', TZ: ' ' }).TZ).toBe('Asia/Ho_Chi_Minh');
  });

  it('names a missing token and points to the offline console', () => {
    const [problem] = problemsOf({});
    expect(problem).toContain('BOT_TOKEN');
    expect(problem).toContain('npm run chat');
  });

  it('reports every bad variable at once, each with how to fix it', () => {
    const problems = problemsOf({
      BOT_TOKEN: TOKEN,
      OFFICER_IDS: '12,abc',
      TZ: 'Mars/Olympus',
      DEFAULT_LANG: 'fr',
      TELEGRAM_API_ROOT: 'not a url',
    });
    expect(problems.map((p) => p.split(' ')[0]).sort()).toEqual([
      'DEFAULT_LANG',
      'OFFICER_IDS',
      'TELEGRAM_API_ROOT',
      'TZ',
    ]);
    expect(problems.find((p) => p.startsWith('OFFICER_IDS'))).toContain('"abc"');
  });

  it('never repeats the token in its message', () => {
    const badToken = 'secret-token-value-without-colon';
    const [problem] = problemsOf({ BOT_TOKEN: badToken });
    expect(problem).toContain('BOT_TOKEN');
    expect(problem).not.toContain(badToken);
  });
});
