import { z } from 'zod';
import { features } from './features/index.ts';
import { type DialogueSchema, idleDialogueSchema, type Session } from './sessionTypes.ts';

export type { Dialogue, Session } from './sessionTypes.ts';
export { newSession } from './sessionTypes.ts';

/** Kept steps at most: one complaint and one request draft, with room to spare. */
const MAX_KEPT = 6;

/**
 * The stored session, validated when the store opens: its dialogue is one of the steps the
 * listed features declare in `dialogues`, so a feature's steps are added by listing the feature.
 */
export function sessionSchemaOf(dialogues: readonly DialogueSchema[]): z.ZodType<Session> {
  const dialogue = z.discriminatedUnion('kind', [idleDialogueSchema, ...dialogues]);
  const schema = z.object({
    dialogue,
    // One kept step was stored alone before drafts were kept one per slot.
    suspended: z
      .preprocess(
        (kept) => (kept === undefined || Array.isArray(kept) ? kept : [kept]),
        z.array(dialogue).max(MAX_KEPT),
      )
      .optional(),
    threadMessages: z.record(z.string(), z.string()).optional(),
    park: z
      .union([z.object({ id: z.string().max(40) }), z.object({ name: z.string().max(100) })])
      .optional(),
    answeredAlbum: z.string().max(64).optional(),
    updatedAt: z.string().optional(),
  });
  // The one cast: each feature's DialogueRegistry entry is z.infer of the same schemas it lists.
  return schema as z.ZodType<Session>;
}

/**
 * Whether a session holds nothing a new one would not: no open step and nothing kept (drafts put
 * aside, the messages that went into tickets, the park, the album answered). Only such a session
 * is dropped from the store rather than written; anything kept must survive.
 */
export function sessionIsIdle(session: Session): boolean {
  const { dialogue, updatedAt: _updatedAt, ...kept } = session;
  const holds = (value: unknown) =>
    value !== undefined &&
    !(Array.isArray(value) && value.length === 0) &&
    !(typeof value === 'object' && value !== null && Object.keys(value).length === 0);
  return dialogue.kind === 'idle' && !Object.values(kept).some(holds);
}

export const sessionSchema = sessionSchemaOf(
  features.flatMap((feature) => feature.dialogues ?? []),
);
