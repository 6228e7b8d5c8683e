import type { Composer } from 'telegraf';
import type { BotContext } from './context.ts';

/** Telegram's limit on callback data. */
export const CALLBACK_DATA_LIMIT = 64;

/**
 * One kind of callback data: the only place its text is made (`build`) and read back (`parse`).
 * Telegram hands the data back verbatim, possibly forged or from an old message, so `parse`
 * returns undefined for anything `build` could not have made.
 */
export interface CallbackKind<A extends unknown[] = unknown[]> {
  readonly name: string;
  /** The feature that answers it. */
  readonly owner: string;
  readonly pattern: RegExp;
  build(...args: A): string;
  /** The data, or undefined when these arguments do not fit in 64 bytes (a long entry id). */
  tryBuild(...args: A): string | undefined;
  parse(data: string): A | undefined;
}

/**
 * Declares a kind from a pattern (its groups are the arguments) and a builder, then
 * `.reading(groups => arguments)`. A builder that makes data its own pattern refuses, or data
 * over 64 bytes, throws: a test catches it rather than Telegram refusing the whole keyboard.
 */
export function defineKind<A extends unknown[]>(
  name: string,
  owner: string,
  source: string,
  build: (...args: A) => string,
): { reading(read: (groups: string[]) => A): CallbackKind<A> } {
  const pattern = new RegExp(`^(?:${source})$`);
  return {
    reading: (read) => ({
      name,
      owner,
      pattern,
      build(...args) {
        const data = build(...args);
        if (Buffer.byteLength(data, 'utf8') > CALLBACK_DATA_LIMIT || !pattern.test(data)) {
          throw new Error(`callback kind ${name} cannot carry ${data}`);
        }
        return data;
      },
      tryBuild(...args) {
        const data = build(...args);
        const fits = Buffer.byteLength(data, 'utf8') <= CALLBACK_DATA_LIMIT && pattern.test(data);
        return fits ? data : undefined;
      },
      parse(data) {
        if (Buffer.byteLength(data, 'utf8') > CALLBACK_DATA_LIMIT) return undefined;
        const match = pattern.exec(data);
        return match ? read(match.slice(1).map((group) => group ?? '')) : undefined;
      },
    }),
  };
}

/** Pattern parts the data of more than one kind carries. */
export const PART = {
  /** A ticket code. */
  code: '(?:KN|HT)-\\d{4,9}',
  /** A stored record's id (a reminder, a schedule, a broadcast). */
  hex: '[0-9a-f]{1,32}',
  /** A short id (a preview, a held relay, a knowledge draft). */
  hex8: '[0-9a-f]{8}',
  /** A knowledge entry's id. */
  entry: '[a-z0-9-]{1,50}',
} as const;

/** A kind whose data is `prefix` and one of `choices` (a role, a language, a dialogue step). */
export function choiceKind<C extends string>(
  name: string,
  owner: string,
  prefix: string,
  choices: readonly C[],
): CallbackKind<[C]> {
  return defineKind(
    name,
    owner,
    `${prefix}(${choices.join('|')})`,
    (choice: C) => `${prefix}${choice}`,
  ).reading(([choice]) => [oneOf(choices)(choice)]);
}

/** A kind whose data is `prefix` and one value matching `part` (a code, an id, a segment). */
export function valueKind(
  name: string,
  owner: string,
  prefix: string,
  part: string,
): CallbackKind<[string]> {
  return defineKind(
    name,
    owner,
    `${prefix}(${part})`,
    (value: string) => `${prefix}${value}`,
  ).reading(([value = '']) => [value]);
}

/** A kind whose data is `prefix`, one of `verbs`, `:` and a value matching `part`. */
export function verbKind<V extends string>(
  name: string,
  owner: string,
  prefix: string,
  verbs: readonly V[],
  part: string,
): CallbackKind<[V, string]> {
  return defineKind(
    name,
    owner,
    `${prefix}(${verbs.join('|')}):(${part})`,
    (verb: V, value: string) => `${prefix}${verb}:${value}`,
  ).reading(([verb, value = '']) => [oneOf(verbs)(verb), value]);
}

/**
 * The presses of `kind` whose first argument is one of `values` (one menu item, one verb), for a
 * handler that answers only those; it is still the one kind in the registry.
 */
export function narrow<First, Rest extends unknown[]>(
  kind: CallbackKind<[First, ...Rest]>,
  ...values: First[]
): CallbackKind<[First, ...Rest]> {
  return {
    ...kind,
    parse(data) {
      const args = kind.parse(data);
      return args && values.includes(args[0]) ? args : undefined;
    },
  };
}

/** What the registry needs of a kind, whatever its arguments. */
export interface AnyCallbackKind {
  readonly name: string;
  readonly owner: string;
  readonly pattern: RegExp;
  parse(data: string): unknown[] | undefined;
}

/** Reads back a group its pattern already restricted to `values`, as that union. */
export const oneOf =
  <V extends string>(values: readonly V[]) =>
  (text: string | undefined): V =>
    values.find((value) => value === text) ?? (values[0] as V);

/** A press, as a handler registered by kind sees it. */
export type PressContext = BotContext & {
  callbackQuery: NonNullable<BotContext['callbackQuery']>;
  from: NonNullable<BotContext['from']>;
};

/** The arguments a kind's data carries. */
export type ArgsOf<K> = K extends CallbackKind<infer A> ? A : never;

/** Registers `handler` for every press of `kind`, with the arguments its data carries. */
export function onCallback<K extends CallbackKind<never[]> | CallbackKind>(
  composer: Composer<BotContext>,
  kind: K,
  handler: (ctx: PressContext, ...args: ArgsOf<K>) => unknown,
): void {
  composer.action(kind.pattern, async (ctx, next) => {
    const args = kind.parse(ctx.match[0]) as ArgsOf<K> | undefined;
    if (args === undefined) return next();
    await handler(ctx, ...args);
  });
}
