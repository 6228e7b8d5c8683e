import { describe, expect, it } from 'vitest';
import {
  CALLBACK_KINDS,
  callbackKindOf,
  DRAFT,
  FILER_ACTION,
  OFFICER_PREVIEW,
  PARK_CHOICE,
  REMINDER_SAVED,
} from '../../src/bot/callbackData.ts';

describe('callback data registry', () => {
  it('builds data within 64 bytes that its own pattern reads back, even for the longest values', () => {
    const longCode = 'KN-999999999';
    const samples: [{ pattern: RegExp }, string, string[]][] = [
      [
        OFFICER_PREVIEW,
        OFFICER_PREVIEW.build('send', longCode, 'abcdef12'),
        ['send', longCode, 'abcdef12'],
      ],
      [FILER_ACTION, FILER_ACTION.build('rated', longCode), ['rated', longCode]],
      [DRAFT, DRAFT.build('resume', 'complaint'), ['resume', 'complaint']],
      [PARK_CHOICE, PARK_CHOICE.build({ park: 'a'.repeat(40) }), ['a'.repeat(40)]],
      [REMINDER_SAVED, REMINDER_SAVED.build('chg', 'f'.repeat(32)), ['chg', 'f'.repeat(32)]],
    ];
    for (const [kind, data, groups] of samples) {
      expect(Buffer.byteLength(data)).toBeLessThanOrEqual(64);
      expect(kind.pattern.exec(data)?.slice(1).filter(Boolean)).toEqual(groups);
      expect(callbackKindOf(data)).toBeDefined();
    }
  });

  it('reads back what it built, as typed arguments', () => {
    expect(PARK_CHOICE.parse(PARK_CHOICE.build({ park: 'que-vo' }))).toEqual([{ park: 'que-vo' }]);
    for (const choice of ['other', 'skip', 'ask'] as const) {
      expect(PARK_CHOICE.parse(PARK_CHOICE.build(choice))).toEqual([choice]);
    }
    expect(OFFICER_PREVIEW.parse('tko:send:KN-0001:abcdef12')).toEqual([
      'send',
      'KN-0001',
      'abcdef12',
    ]);
    expect(OFFICER_PREVIEW.parse('tko:send:KN-0001:zzzz')).toBeUndefined();
    expect(() => FILER_ACTION.build('view', 'not-a-code')).toThrow();
  });

  it('refuses data of no kind, forged codes and data over 64 bytes', () => {
    expect(callbackKindOf('tk:take:KN-1')).toBeUndefined();
    expect(callbackKindOf('menu:nothing')).toBeUndefined();
    expect(callbackKindOf(`kb:e:${'a'.repeat(70)}`)).toBeUndefined();
  });

  it('gives every kind a distinct name', () => {
    const names = CALLBACK_KINDS.map((kind) => kind.name);
    expect(new Set(names).size).toBe(names.length);
  });
});
