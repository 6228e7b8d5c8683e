import { type AnyCallbackKind, defineKind, oneOf } from './callbackKind.ts';

/** The officers' desk's callback kinds (all officer-only), part of the one registry in callbackData.ts. */

const CODE = '(?:KN|HT)-\\d{4,9}';
const HEX8 = '[0-9a-f]{8}';
const ENTRY = '[a-z0-9-]{1,50}';

/** Undo or send now a reply held in the desk's undo window. */
export const DESK_RELAY = defineKind(
  'desk',
  'desk',
  `dk:(undo|now):(${HEX8})`,
  (verb: 'undo' | 'now', id: string) => `dk:${verb}:${id}`,
).reading(([verb, id = '']) => [verb === 'undo' ? 'undo' : 'now', id]);
export const DESK_ASSIGN = defineKind(
  'deskAssign',
  'desk',
  `dk:as:(${CODE})`,
  (code: string) => `dk:as:${code}`,
).reading(([code = '']) => [code]);
export const DESK_ASSIGN_TO = defineKind(
  'deskAssignTo',
  'desk',
  `dk:to:(${CODE}):(\\d{1,15})`,
  (code: string, officerId: number) => `dk:to:${code}:${officerId}`,
).reading(([code = '', id]) => [code, Number(id)]);
/** A knowledge entry sent from a ticket's topic. */
export const DESK_KB = defineKind(
  'deskKb',
  'desk',
  `dk:ks:(${CODE}):(${ENTRY})`,
  (code: string, entryId: string) => `dk:ks:${code}:${entryId}`,
).reading(([code = '', entry = '']) => [code, entry]);
export const FAQ_VERBS = ['a', 's', 'x', 'd', 'y', 'n'] as const;
/** The FAQ drafting buttons: answer, save from a reply, discard, done, approve, refuse. */
export const DESK_FAQ = defineKind(
  'deskFaq',
  'desk',
  `dk:f(${FAQ_VERBS.join('|')}):(${HEX8})`,
  (verb: (typeof FAQ_VERBS)[number], id: string) => `dk:f${verb}:${id}`,
).reading(([verb, id = '']) => [oneOf(FAQ_VERBS)(verb), id]);
export const DESK_FAQ_TOPIC = defineKind(
  'deskFaqTopic',
  'desk',
  `dk:ft:(${HEX8}):(\\d{1,3})`,
  (id: string, topic: number) => `dk:ft:${id}:${topic}`,
).reading(([id = '', topic]) => [id, Number(topic)]);

/** The desk's kinds: all officer-only. */
export const DESK_KINDS: readonly AnyCallbackKind[] = [
  DESK_RELAY,
  DESK_ASSIGN,
  DESK_ASSIGN_TO,
  DESK_KB,
  DESK_FAQ,
  DESK_FAQ_TOPIC,
];
