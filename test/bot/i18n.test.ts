import { describe, expect, it } from 'vitest';
import { en } from '../../src/bot/i18n/en/index.ts';
import { languageFromTelegram, translator } from '../../src/bot/i18n/index.ts';
import { vi } from '../../src/bot/i18n/vi/index.ts';

const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe('catalogues', () => {
  it('have the same keys and the same placeholders in both languages', () => {
    expect(Object.keys(en).sort()).toEqual(Object.keys(vi).sort());
    for (const key of Object.keys(vi) as (keyof typeof vi)[]) {
      expect(placeholders(en[key]), key).toEqual(placeholders(vi[key]));
      expect(en[key].trim(), key).not.toBe('');
    }
  });

  it('escape values put into a message', () => {
    const text = translator('vi')('start.greeting', { name: '<b>Lan</b> & co' });
    expect(text).toContain('&lt;b&gt;Lan&lt;/b&gt; &amp; co');
  });
});

describe('languageFromTelegram', () => {
  it('answers Vietnamese users in Vietnamese, everyone else in English', () => {
    expect(languageFromTelegram('vi', 'vi')).toBe('vi');
    expect(languageFromTelegram('en', 'vi')).toBe('en');
    expect(languageFromTelegram('ko', 'vi')).toBe('en');
    expect(languageFromTelegram(undefined, 'vi')).toBe('vi');
  });
});
