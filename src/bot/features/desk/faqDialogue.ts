import { z } from 'zod';

/** Writing an answer for the knowledge base: Vietnamese, English (or none), topic, phrasings. */
export const deskFaqDialogueSchema = z.object({
  kind: z.literal('desk_faq'),
  draftId: z.string().regex(/^[0-9a-f]{8}$/),
  stage: z.enum(['vi', 'en', 'topic', 'phrasings']),
});
export type DeskFaqDialogue = z.infer<typeof deskFaqDialogueSchema>;

export const deskDialogueSchemas = [deskFaqDialogueSchema] as const;

declare module '../../sessionTypes.ts' {
  interface DialogueRegistry {
    desk: z.infer<(typeof deskDialogueSchemas)[number]>;
  }
}
