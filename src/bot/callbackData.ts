/**
 * Every kind of callback data the bot puts on a button, in one place. Telegram caps callback
 * data at 64 bytes and hands it back verbatim, possibly forged or from an old message, so each
 * kind has one pattern, and `tests/bot/keyboards.test.ts` walks every keyboard the bot sends to
 * check that each button matches a kind here and that pressing it reaches a handler.
 */

const CODE = '(?:KN|HT)-\\d{4,9}';
const HEX = '[0-9a-f]{1,32}';

export interface CallbackKind {
  name: string;
  /** Who answers it. */
  owner: string;
  pattern: RegExp;
}

const kind = (name: string, owner: string, source: string): CallbackKind => ({
  name,
  owner,
  pattern: new RegExp(`^${source}$`),
});

export const CALLBACK_KINDS: readonly CallbackKind[] = [
  kind(
    'menu',
    'features',
    'menu:(?:ask|topics|contact|help|lang|role|subscribe|reminders|remind|open|complaint|request)',
  ),
  kind('role', 'start', 'role:(?:worker|enterprise)'),
  kind('lang', 'language', 'lang:(?:vi|en)'),
  kind('forget', 'privacy', 'fm:(?:yes|no)'),
  kind('topics', 'knowledge', 'kb:t:\\d{1,4}'),
  kind('topicPage', 'knowledge', 'kb:tp:\\d{1,4}:\\d{1,4}'),
  kind('entry', 'knowledge', 'kb:e:[a-z0-9-]+'),
  kind('vote', 'knowledge', 'kb:v:[ud]:[a-z0-9-]+'),
  kind(
    'subscription',
    'notices',
    'sub:(?:none|t:(?:general|worker|enterprise|park:[a-z0-9-]{1,40}))',
  ),
  kind('onboardingPark', 'notices', 'onb:park:(?:[a-z0-9-]{1,40}|-)'),
  kind(
    'reminder',
    'notices',
    `rem:(?:ok|no|undo:${HEX}|chg:${HEX}|del:${HEX}|snz:${HEX}:(?:10|60|tm))`,
  ),
  kind('schedule', 'notices', `sc:(?:next|save|no|t:.+|p:${HEX}|d:${HEX})`),
  kind('broadcast', 'notices', `bc:(?:pv|back|no|go|t:.+|stop:${HEX})`),
  kind('newTicket', 'tickets', 'ticket:new:(?:complaint|request)'),
  kind('filing', 'tickets', 'tn:\\w+(?::.+)?'),
  kind('draft', 'tickets', 'tnd:(?:resume|fresh):(?:complaint|request)'),
  kind('officerTicket', 'tickets', `tk:(?:take|reply|ask|resolve|reject|files|show):${CODE}`),
  kind('officerPreview', 'tickets', `tko:(?:send|edit|no):${CODE}:[0-9a-f]{8}`),
  kind('ticketList', 'tickets', 'tl:(?:open|mine|overdue|all):\\d{1,5}'),
  kind('filer', 'tickets', `tf:(?:info|confirm|reopen|view|files|rated|to):${CODE}`),
  kind('rating', 'tickets', `tf:rate:${CODE}:[1-5]`),
];

/** The kind `data` belongs to, or undefined for data no feature ever emits. */
export function callbackKindOf(data: string): CallbackKind | undefined {
  if (Buffer.byteLength(data, 'utf8') > 64) return undefined;
  return CALLBACK_KINDS.find((candidate) => candidate.pattern.test(data));
}
