import { z } from 'zod';
import { noticeDialogueSchemas } from './features/notices/dialogues.ts';
import {
  ticketFilingDialogueSchema,
  ticketInfoDialogueSchema,
  ticketOfficerDialogueSchema,
} from './features/tickets/dialogues.ts';

/**
 * Where the user is in a multi-step dialogue. A discriminated union, never a free string,
 * so every handler must say which step it expects and the compiler checks the fields.
 * Feature dialogues add their variants here.
 */
export const dialogueSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('idle') }),
  ticketFilingDialogueSchema,
  ticketOfficerDialogueSchema,
  ticketInfoDialogueSchema,
  ...noticeDialogueSchemas,
]);
export type Dialogue = z.infer<typeof dialogueSchema>;

export const sessionSchema = z.object({
  dialogue: dialogueSchema,
  /** When the session last changed, so stale half-finished dialogues can be recognised. */
  updatedAt: z.string().optional(),
});
export type Session = z.infer<typeof sessionSchema>;

export const newSession = (): Session => ({ dialogue: { kind: 'idle' } });
