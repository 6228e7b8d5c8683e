import {
  DESK_ASSIGN,
  DESK_ASSIGN_TO,
  DESK_FAQ,
  DESK_FAQ_TOPIC,
  DESK_KB,
  DESK_RELAY,
} from './callbackDesk.ts';
import {
  type AnyCallbackKind,
  choiceKind,
  defineKind,
  oneOf,
  PART,
  valueKind,
  verbKind,
} from './callbackKind.ts';

/**
 * Every kind of callback data the bot puts on a button, in one place, each with its builder and
 * parser (callbackKind.ts). Handlers register by kind (`onCallback`), keyboards build by kind, so
 * no feature writes or matches callback text of its own. `test/bot/keyboards.test.ts` walks every
 * keyboard the bot sends, checks each button is of a kind here and that pressing it reaches a
 * handler, and fails while a kind here is never seen on a keyboard.
 */

export {
  DESK_ASSIGN,
  DESK_ASSIGN_TO,
  DESK_FAQ,
  DESK_FAQ_TOPIC,
  DESK_KB,
  DESK_KINDS,
  DESK_RELAY,
} from './callbackDesk.ts';
export { type CallbackKind, narrow, onCallback, type PressContext } from './callbackKind.ts';

const { code: CODE, hex: HEX, hex8: HEX8, entry: ENTRY } = PART;
const PARK = '[a-z0-9-]{1,40}';
const SEGMENT = `all|worker|enterprise|park:${PARK}`;
const CHANNEL = `general|worker|enterprise|park:${PARK}`;

type TicketKind = 'complaint' | 'request';
const ticketKind = (text: string | undefined): TicketKind =>
  text === 'request' ? 'request' : 'complaint';
export const MENU_ITEMS = [
  'ask',
  'topics',
  'contact',
  'help',
  'lang',
  'role',
  'subscribe',
  'reminders',
  'remind',
  'open',
  'complaint',
  'request',
] as const;
export type MenuTarget = (typeof MENU_ITEMS)[number];
/** A main-menu button (or an answer's shortcut to one): group 1 the item. */
export const MENU = defineKind(
  'menu',
  'features',
  `menu:(${MENU_ITEMS.join('|')})`,
  (item: MenuTarget) => `menu:${item}`,
).reading(([item]) => [oneOf(MENU_ITEMS)(item)]);

export const ROLE = choiceKind('role', 'start', 'role:', ['worker', 'enterprise'] as const);
export const LANGUAGE = choiceKind('lang', 'language', 'lang:', ['vi', 'en'] as const);
export const FORGET = choiceKind('forget', 'privacy', 'fm:', ['yes', 'no'] as const);

/** A page of the topic list. */
export const TOPIC_LIST = defineKind(
  'topics',
  'knowledge',
  'kb:t:(\\d{1,4})',
  (page: number) => `kb:t:${page}`,
).reading(([page]) => [Number(page)]);
/** One topic's entries, a page of them. */
export const TOPIC_PAGE = defineKind(
  'topicPage',
  'knowledge',
  'kb:tp:(\\d{1,4}):(\\d{1,4})',
  (topic: number, page: number) => `kb:tp:${topic}:${page}`,
).reading(([topic, page]) => [Number(topic), Number(page)]);
/** An entry, optionally in the language of the question it answered. */
export const ENTRY_SHOW = defineKind(
  'entry',
  'knowledge',
  `kb:e:(${ENTRY})(?::(vi|en))?`,
  (id: string, lang?: 'vi' | 'en') => `kb:e:${id}${lang ? `:${lang}` : ''}`,
).reading(([id = '', lang]) => [id, lang === 'vi' || lang === 'en' ? lang : undefined]);
/** 👍 / 👎 on an answer. */
export const VOTE = defineKind(
  'vote',
  'knowledge',
  `kb:v:([ud]):(${ENTRY})`,
  (direction: 'u' | 'd', id: string) => `kb:v:${direction}:${id}`,
).reading(([direction, id = '']) => [direction === 'u' ? 'u' : 'd', id]);

/** A channel toggled in /subscribe, or null for "leave all". */
export const SUBSCRIPTION = defineKind(
  'subscription',
  'notices',
  `sub:(?:none|t:(${CHANNEL}))`,
  (channel: string | null) => (channel === null ? 'sub:none' : `sub:t:${channel}`),
).reading(([channel]) => [channel === '' ? null : (channel ?? null)]);
/**
 * The park asked at onboarding, /role and /subscribe: a listed park's id, `other` (its name is
 * typed next), `skip`, or `ask` (show the choice again, from /subscribe).
 */
export type ParkChoice = { park: string } | 'other' | 'skip' | 'ask';
const PARK_SIGNS = { skip: '-', other: '+', ask: '?' } as const;
export const PARK_CHOICE = defineKind(
  'parkChoice',
  'notices',
  `onb:park:(?:(-)|(\\+)|(\\?)|(${PARK}))`,
  (choice: ParkChoice) =>
    `onb:park:${typeof choice === 'string' ? PARK_SIGNS[choice] : choice.park}`,
).reading(([skip, other, ask, park]): [ParkChoice] => [
  skip ? 'skip' : other ? 'other' : ask || !park ? 'ask' : { park },
]);

/** Confirm or cancel of a parsed /remind, from before reminders were saved at once. */
export const REMINDER_CONFIRM = choiceKind('reminderConfirm', 'notices', 'rem:', [
  'ok',
  'no',
] as const);
/** Undo, change the time of, or delete (from /reminders) a saved reminder. */
export const REMINDER_SAVED = verbKind(
  'reminderSaved',
  'notices',
  'rem:',
  ['undo', 'chg', 'del'] as const,
  HEX,
);
/** Snooze a delivered reminder by 10 or 60 minutes, or to tomorrow. */
export const REMINDER_SNOOZE = defineKind(
  'reminderSnooze',
  'notices',
  `rem:snz:(${HEX}):(10|60|tm)`,
  (reminderId: string, by: '10' | '60' | 'tm') => `rem:snz:${reminderId}:${by}`,
).reading(([id = '', by]) => [id, oneOf(['10', '60', 'tm'] as const)(by)]);

/** The schedule dialogue's own buttons. */
export const SCHEDULE_STEP = choiceKind('schedule', 'notices', 'sc:', [
  'next',
  'save',
  'no',
] as const);
export const SCHEDULE_SEGMENT = valueKind('scheduleSegment', 'notices', 'sc:t:', SEGMENT);
/** Pause or delete a listed schedule. */
export const SCHEDULE_ITEM = verbKind('scheduleItem', 'notices', 'sc:', ['p', 'd'] as const, HEX);
/** The broadcast dialogue's own buttons: preview, back, cancel, send. */
export const BROADCAST_STEP = choiceKind('broadcast', 'notices', 'bc:', [
  'pv',
  'back',
  'no',
  'go',
] as const);
export const BROADCAST_SEGMENT = valueKind('broadcastSegment', 'notices', 'bc:t:', SEGMENT);
export const BROADCAST_STOP = valueKind('broadcastStop', 'notices', 'bc:stop:', HEX);

/** "File a complaint / request" offered by an answer or /contact. */
export const NEW_TICKET = defineKind(
  'newTicket',
  'tickets',
  'ticket:new:(complaint|request)',
  (type: TicketKind) => `ticket:new:${type}`,
).reading(([type]) => [ticketKind(type)]);
export const FILING_ACTIONS = [
  'cat',
  'park',
  'parkskip',
  'skip',
  'done',
  'anon',
  'edit',
  'field',
  'confirm',
] as const;
export type FilingAction = (typeof FILING_ACTIONS)[number];
/** A button of the filing dialogue: group 1 action, 2 its value (category, park, field…). */
export const FILING = defineKind(
  'filing',
  'tickets',
  `tn:(${FILING_ACTIONS.join('|')})(?::([a-z0-9_-]{1,40}))?`,
  (action: FilingAction, value?: string) => `tn:${action}${value === undefined ? '' : `:${value}`}`,
).reading(([action, value]) => [oneOf(FILING_ACTIONS)(action), value === '' ? undefined : value]);
/** Resume or discard a kept draft: groups 1 verb, 2 ticket type. */
export const DRAFT = defineKind(
  'draft',
  'tickets',
  'tnd:(resume|fresh):(complaint|request)',
  (verb: 'resume' | 'fresh', type: TicketKind) => `tnd:${verb}:${type}`,
).reading(([verb, type]) => [verb === 'resume' ? 'resume' : 'fresh', ticketKind(type)]);

export const OFFICER_VERBS = [
  'take',
  'reply',
  'ask',
  'resolve',
  'reject',
  'files',
  'show',
] as const;
export type OfficerTicketVerb = (typeof OFFICER_VERBS)[number];
/** An officer's button on a ticket: group 1 verb, 2 code. */
export const OFFICER_TICKET = verbKind('officerTicket', 'tickets', 'tk:', OFFICER_VERBS, CODE);
export type OfficerVerb = 'send' | 'edit' | 'no';
/** The preview of an officer's text: groups 1 verb, 2 ticket code, 3 preview id. */
export const OFFICER_PREVIEW = defineKind(
  'officerPreview',
  'tickets',
  `tko:(send|edit|no):(${CODE}):(${HEX8})`,
  (verb: OfficerVerb, code: string, pid: string) => `tko:${verb}:${code}:${pid}`,
).reading(([verb, code = '', pid = '']) => [
  oneOf(['send', 'edit', 'no'] as const)(verb),
  code,
  pid,
]);
export const TICKET_FILTERS = ['open', 'mine', 'overdue', 'all'] as const;
export type TicketFilter = (typeof TICKET_FILTERS)[number];
/** A page of the officers' ticket list. */
export const TICKET_LIST = defineKind(
  'ticketList',
  'tickets',
  `tl:(${TICKET_FILTERS.join('|')}):(\\d{1,5})`,
  (filter: TicketFilter, page: number) => `tl:${filter}:${page}`,
).reading(([filter, page]) => [oneOf(TICKET_FILTERS)(filter), Number(page)]);
export const FILER_VERBS = ['info', 'confirm', 'reopen', 'view', 'files', 'rated', 'to'] as const;
export type FilerVerb = (typeof FILER_VERBS)[number];
/** A filer's action on their own ticket: groups 1 verb, 2 ticket code. */
export const FILER_ACTION = verbKind('filer', 'tickets', 'tf:', FILER_VERBS, CODE);
export const RATING = defineKind(
  'rating',
  'tickets',
  `tf:rate:(${CODE}):([1-5])`,
  (code: string, stars: number) => `tf:rate:${code}:${stars}`,
).reading(([code = '', stars]) => [code, Number(stars)]);

/** Every kind, for the keyboard walk and for `callbackKindOf`. */
export const CALLBACK_KINDS: readonly AnyCallbackKind[] = [
  MENU,
  ROLE,
  LANGUAGE,
  FORGET,
  TOPIC_LIST,
  TOPIC_PAGE,
  ENTRY_SHOW,
  VOTE,
  SUBSCRIPTION,
  PARK_CHOICE,
  REMINDER_CONFIRM,
  REMINDER_SAVED,
  REMINDER_SNOOZE,
  SCHEDULE_STEP,
  SCHEDULE_SEGMENT,
  SCHEDULE_ITEM,
  BROADCAST_STEP,
  BROADCAST_SEGMENT,
  BROADCAST_STOP,
  NEW_TICKET,
  FILING,
  DRAFT,
  OFFICER_TICKET,
  OFFICER_PREVIEW,
  TICKET_LIST,
  FILER_ACTION,
  RATING,
  DESK_RELAY,
  DESK_ASSIGN,
  DESK_ASSIGN_TO,
  DESK_KB,
  DESK_FAQ,
  DESK_FAQ_TOPIC,
];

/** The kind `data` belongs to, or undefined for data no feature ever emits. */
export function callbackKindOf(data: string): AnyCallbackKind | undefined {
  return CALLBACK_KINDS.find((candidate) => candidate.parse(data) !== undefined);
}
