import { z } from 'zod';

/**
 * The session's types, apart from the runtime schema (src/bot/session.ts), so that handlers can
 * name them without importing the feature list: no import cycle. Each feature adds its dialogue
 * steps by augmenting {@link DialogueRegistry} next to their zod schemas:
 *
 *     declare module '../../sessionTypes.ts' {
 *       interface DialogueRegistry { tickets: z.infer<(typeof ticketDialogues)[number]> }
 *     }
 */
// biome-ignore lint/suspicious/noEmptyInterface: filled by declaration merging, one key per feature.
export interface DialogueRegistry {}

export const idleDialogueSchema = z.object({ kind: z.literal('idle') });

/**
 * Where the user is in a multi-step dialogue. A discriminated union, never a free string,
 * so every handler must say which step it expects and the compiler checks the fields.
 */
export type Dialogue =
  | z.infer<typeof idleDialogueSchema>
  | DialogueRegistry[keyof DialogueRegistry];

/** One dialogue step's schema, as a feature lists it in its `dialogues`. */
export type DialogueSchema = z.ZodObject<{ kind: z.ZodLiteral<string> } & z.ZodRawShape>;

export interface Session {
  dialogue: Dialogue;
  /**
   * Steps kept aside when a command interrupted them (half-written complaints and requests), to
   * resume: one per slot (see DialogueStep.slot), so a second one never silently replaces the
   * first.
   */
  suspended?: Dialogue[] | undefined;
  /**
   * The user's own messages that went into a ticket (message id → ticket code), newest last and
   * capped, so an edit of one of them updates that ticket.
   */
  threadMessages?: Record<string, string> | undefined;
  /**
   * The park the user gave at onboarding, /role or /subscribe: a listed park, or a name they
   * typed (which has no notice channel). Erased with the session by /forgetme.
   */
  park?: { id: string } | { name: string } | undefined;
  /**
   * The album (media_group_id) the fallback last answered: its other files arrive one message
   * each, and get no second answer.
   */
  answeredAlbum?: string | undefined;
  /** When the session last changed, so stale half-finished dialogues can be recognised. */
  updatedAt?: string | undefined;
}

export const newSession = (): Session => ({ dialogue: { kind: 'idle' } });

/**
 * The one key a session is stored under: per chat and user, so a user's private dialogue and
 * one in the officers' group never mix. Updates without a chat (inline) use the user's id.
 */
export function sessionKey(ctx: {
  chat?: { id: number } | undefined;
  from?: { id: number } | undefined;
}): string {
  return `${ctx.chat?.id ?? ctx.from?.id}:${ctx.from?.id}`;
}
