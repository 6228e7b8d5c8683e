import {
  type AnyCallbackKind,
  defineKind,
  oneOf,
  PART,
  valueKind,
  verbKind,
} from './callbackKind.ts';

/** The officers' desk's callback kinds (all officer-only), part of the one registry in callbackData.ts. */

const { code: CODE, hex8: HEX8, entry: ENTRY } = PART;

/** Undo or send now a reply held in the desk's undo window. */
export const DESK_RELAY = verbKind('desk', 'desk', 'dk:', ['undo', 'now'] as const, HEX8);
export const DESK_ASSIGN = valueKind('deskAssign', 'desk', 'dk:as:', CODE);
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
