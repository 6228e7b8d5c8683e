import { z } from 'zod';
import {
  attachmentSchema,
  ticketCategorySchema,
  ticketTypeSchema,
} from '../../../store/tickets/schema.ts';

export const FILING_STEPS = [
  'category',
  'park',
  'company',
  'description',
  'attachments',
  'anonymity',
  'confirm',
] as const;
export type FilingStep = (typeof FILING_STEPS)[number];

/** What the filing dialogue has collected so far; persisted so it survives a restart. */
export const ticketDraftSchema = z.object({
  type: ticketTypeSchema,
  category: ticketCategorySchema.optional(),
  /** undefined: not asked yet; null: "Other / not sure". */
  parkId: z.string().nullable().optional(),
  company: z.string().nullable().optional(),
  description: z.string().optional(),
  attachments: z.array(attachmentSchema),
  anonymous: z.boolean().optional(),
});
export type TicketDraft = z.infer<typeof ticketDraftSchema>;

/** Filing a complaint or request, one step at a time; `editing` returns to the summary after one step. */
export const ticketFilingDialogueSchema = z.object({
  kind: z.literal('ticket_filing'),
  step: z.enum(FILING_STEPS),
  editing: z.boolean(),
  draft: ticketDraftSchema,
});

/** An officer's next text is the reply, question or note for `code`. */
export const ticketOfficerDialogueSchema = z.object({
  kind: z.literal('ticket_officer'),
  action: z.enum(['reply', 'ask', 'resolve', 'reject']),
  code: z.string(),
});

/** The filer's next text or file is added to `code`. */
export const ticketInfoDialogueSchema = z.object({
  kind: z.literal('ticket_info'),
  code: z.string(),
});

export type TicketFilingDialogue = z.infer<typeof ticketFilingDialogueSchema>;
export type OfficerAction = z.infer<typeof ticketOfficerDialogueSchema>['action'];

/** Every ticket dialogue step, for the session's union. */
export const ticketDialogueSchemas = [
  ticketFilingDialogueSchema,
  ticketOfficerDialogueSchema,
  ticketInfoDialogueSchema,
] as const;

declare module '../../sessionTypes.ts' {
  interface DialogueRegistry {
    tickets: z.infer<(typeof ticketDialogueSchemas)[number]>;
  }
}
