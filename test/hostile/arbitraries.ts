import fc from 'fast-check';

/** Someone who may write to the bot: workers, enterprises, the officer, strangers. */
export const SENDERS = [
  { id: 501, is_bot: false, first_name: 'Lan', language_code: 'vi' },
  { id: 502, is_bot: false, first_name: 'Kim', language_code: 'ko' },
  { id: 900, is_bot: false, first_name: 'Cán bộ', language_code: 'vi' },
  { id: 503, is_bot: false, first_name: '<b>&amp;</b>', username: 'x_y' },
] as const;

/**
 * Commands no feature lists (the hostile suite adds every listed one from the bot itself, so a
 * new feature's commands are covered without editing this file).
 */
export const UNLISTED_COMMANDS = ['menu', 'nosuchcommand', 'start@kcn_test_bot'];

/**
 * Senders as a malformed or forged update may carry them: no first_name at all, lone surrogates,
 * NUL and other control characters in every text field.
 */
export const MALFORMED_SENDERS = [
  { id: 504, is_bot: false },
  {
    id: 505,
    is_bot: false,
    first_name: 'Lo\uD800ne\u0000 \uDFFF',
    last_name: '\u0000',
    username: '\uDC00\u0007',
    language_code: '\u0000vi',
  },
  { id: 506, is_bot: false, first_name: '', username: '' },
];

const CALLBACK_PREFIXES = [
  'menu:help',
  'menu:lang',
  'menu:topics',
  'menu:contact',
  'menu:ask',
  'menu:role',
  'menu:open',
  'menu:complaint',
  'menu:request',
  'menu:subscribe',
  'menu:reminders',
  'menu:remind',
  'lang:',
  'role:',
  'kb:t:',
  'kb:tp:',
  'kb:e:',
  'kb:v:u:',
  'kb:v:d:',
  'ticket:new:',
  'tn:',
  'tf:info:',
  'tf:confirm:',
  'tf:reopen:',
  'tf:rate:',
  'tk:take:',
  'tk:resolve:',
  'tk:reject:',
  'tk:reply:',
  'tk:files:',
  'tk:show:',
  'tl:open:',
  'tl:all:',
  'rem:ok',
  'rem:no',
  'rem:del:',
  'rem:snz:',
  'sc:t:',
  'sc:next',
  'sc:save',
  'sc:p:',
  'sub:none',
  'sub:t:',
  'bc:t:',
  'bc:go',
  'bc:pv',
  'bc:stop:',
  'fm:yes',
  'fm:no',
];

const hostileFragment = fc.constantFrom(
  '<b>',
  '</i>',
  '<script>alert(1)</script>',
  '&',
  '&amp;',
  '&#0;',
  '<a href="javascript:x">',
  '*bold*',
  '_it_',
  '[link](http://x)',
  '`code`',
  '\u202e',
  '\u200f',
  '\u0000',
  '\u0007',
  '\r\n',
  '\uFEFF',
  '🙂',
  'Đ',
  'ư\u0301',
  'KN-0001',
  '#KN-0001',
  'HT-0001',
  '25/12 08:00',
  'sau 2 giờ',
  'lương',
  'thu tuc dau tu',
  '31/02',
  '-1',
  '99999999999999999999',
  ' ',
);

/** Text a user (or a script) might send: Unicode, control characters, markup, very long runs. */
export const hostileText = fc.oneof(
  { weight: 4, arbitrary: fc.string({ unit: 'binary', maxLength: 200 }) },
  {
    weight: 4,
    arbitrary: fc.array(hostileFragment, { maxLength: 12 }).map((parts) => parts.join('')),
  },
  { weight: 1, arbitrary: fc.constant('x'.repeat(10_000)) },
  { weight: 1, arbitrary: fc.constant('<'.repeat(5000) + '&'.repeat(5000)) },
);

/** `/command`, with or without hostile arguments, for each of `commands`. */
export const commandTextOf = (commands: readonly string[]) =>
  fc
    .tuple(fc.constantFrom(...commands), fc.option(hostileText, { nil: undefined }))
    .map(([command, args]) => (args === undefined ? `/${command}` : `/${command} ${args}`));

export const callbackData = fc.oneof(
  fc
    .tuple(fc.constantFrom(...CALLBACK_PREFIXES), fc.string({ maxLength: 30 }))
    .map(([p, s]) => p + s),
  fc
    .tuple(
      fc.constantFrom(...CALLBACK_PREFIXES),
      fc.constantFrom('KN-0001', 'HT-0001', '0', '1', 'worker', 'en', '999:999'),
    )
    .map(([p, s]) => p + s),
  fc.string({ unit: 'binary', maxLength: 64 }),
);
