/**
 * Every kind of callback data the bot puts on a button, in one place. Telegram caps callback
 * data at 64 bytes and hands it back verbatim, possibly forged or from an old message, so each
 * kind has one pattern, and `test/bot/keyboards.test.ts` walks every keyboard the bot sends to
 * check that each button matches a kind here and that pressing it reaches a handler. A feature
 * that adds buttons adds its kind here (the walk fails until it does).
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

/** A kind with its builder: the data is made in one place and read back with `pattern`'s groups. */
interface BuiltKind<A extends unknown[]> extends CallbackKind {
  build: (...args: A) => string;
}

function built<A extends unknown[]>(
  name: string,
  owner: string,
  source: string,
  build: (...args: A) => string,
): BuiltKind<A> {
  return { ...kind(name, owner, source), build };
}

export type OfficerVerb = 'send' | 'edit' | 'no';
export type FilerVerb = 'info' | 'confirm' | 'reopen' | 'view' | 'files' | 'rated' | 'to';

/** The preview of an officer's text: groups 1 verb, 2 ticket code, 3 preview id. */
export const OFFICER_PREVIEW = built(
  'officerPreview',
  'tickets',
  `tko:(send|edit|no):(${CODE}):([0-9a-f]{8})`,
  (verb: OfficerVerb, code: string, pid: string) => `tko:${verb}:${code}:${pid}`,
);
/** A filer's action on their own ticket: groups 1 verb, 2 ticket code. */
export const FILER_ACTION = built(
  'filer',
  'tickets',
  `tf:(info|confirm|reopen|view|files|rated|to):(${CODE})`,
  (verb: FilerVerb, code: string) => `tf:${verb}:${code}`,
);
/** Resume or discard a kept draft: groups 1 verb, 2 ticket type. */
export const DRAFT = built(
  'draft',
  'tickets',
  'tnd:(resume|fresh):(complaint|request)',
  (verb: 'resume' | 'fresh', type: 'complaint' | 'request') => `tnd:${verb}:${type}`,
);
/** The park asked at onboarding; `-` is "skip": group 1 park id or `-`. */
export const ONBOARDING_PARK = built(
  'onboardingPark',
  'notices',
  'onb:park:([a-z0-9-]{1,40}|-)',
  (parkId: string | null) => `onb:park:${parkId ?? '-'}`,
);
/** Undo or change the time of a saved reminder: groups 1 verb, 2 reminder id. */
export const REMINDER_SAVED = built(
  'reminderSaved',
  'notices',
  `rem:(undo|chg):(${HEX})`,
  (verb: 'undo' | 'chg', reminderId: string) => `rem:${verb}:${reminderId}`,
);

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
  kind('entry', 'knowledge', 'kb:e:[a-z0-9-]+(?::(?:vi|en))?'),
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
  DRAFT,
  kind('officerTicket', 'tickets', `tk:(?:take|reply|ask|resolve|reject|files|show):${CODE}`),
  OFFICER_PREVIEW,
  kind('ticketList', 'tickets', 'tl:(?:open|mine|overdue|all):\\d{1,5}'),
  FILER_ACTION,
  kind('rating', 'tickets', `tf:rate:${CODE}:[1-5]`),
  kind('desk', 'desk', `dk:(?:undo:[0-9a-f]{8}|now:[0-9a-f]{8}|as:${CODE}|to:${CODE}:\\d{1,15})`),
  kind('deskKb', 'desk', `dk:ks:${CODE}:[a-z0-9-]{1,50}`),
  kind('deskFaq', 'desk', 'dk:f(?:a|s|x|d|y|n):[0-9a-f]{8}|dk:ft:[0-9a-f]{8}:\\d{1,3}'),
];

/** The kind `data` belongs to, or undefined for data no feature ever emits. */
export function callbackKindOf(data: string): CallbackKind | undefined {
  if (Buffer.byteLength(data, 'utf8') > 64) return undefined;
  return CALLBACK_KINDS.find((candidate) => candidate.pattern.test(data));
}
