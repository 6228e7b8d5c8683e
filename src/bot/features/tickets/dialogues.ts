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
  /** Typed after "Other park"; null when skipped. */
  parkName: z.string().nullable().optional(),
  company: z.string().nullable().optional(),
  description: z.string().optional(),
  attachments: z.array(attachmentSchema),
  anonymous: z.boolean().optional(),
  /** Made when the dialogue starts: submitting the same draft twice files one ticket. */
  submissionId: z.string().optional(),
});
export type TicketDraft = z.infer<typeof ticketDraftSchema>;

/** Filing a complaint or request, one step at a time; `editing` returns to the summary after one step. */
export const ticketFilingDialogueSchema = z.object({
  kind: z.literal('ticket_filing'),
  step: z.enum(FILING_STEPS),
  editing: z.boolean(),
  draft: ticketDraftSchema,
  /** After "Other park": the next text is the park's name. */
  parkOther: z.boolean().optional(),
  /** When the last description part arrived (Unix seconds) and how long it was, to join a split paste. */
  lastPart: z.object({ at: z.number(), length: z.number() }).optional(),
  /** The message that gave the description, so an edit of it updates the draft or the ticket. */
  descriptionMessageId: z.number().int().optional(),
});

/** An officer's next text is the reply, question or note for `code`. */
export const ticketOfficerDialogueSchema = z.object({
  kind: z.literal('ticket_officer'),
  action: z.enum(['reply', 'ask', 'resolve', 'reject']),
  code: z.string(),
  /** Older sessions have none; such a step never lapses. */
  expiresAt: z.string().optional(),
});

/**
 * The officer's text, shown back as a preview: nothing reaches the filer before Send on this very
 * preview (`pid` is in its buttons, so a button of an older preview cannot send a newer text).
 */
export const ticketOfficerPreviewSchema = z.object({
  kind: z.literal('ticket_officer_preview'),
  action: z.enum(['reply', 'ask', 'resolve', 'reject']),
  code: z.string(),
  text: z.string(),
  pid: z.string(),
  expiresAt: z.string(),
});

/** The filer's next text or file is added to `code`. */
export const ticketInfoDialogueSchema = z.object({
  kind: z.literal('ticket_info'),
  code: z.string(),
});

/** A message that could answer several tickets waiting for the filer: which one? */
export const ticketPickDialogueSchema = z.object({
  kind: z.literal('ticket_pick'),
  codes: z.array(z.string()),
  text: z.string().nullable(),
  attachments: z.array(attachmentSchema),
  messageIds: z.array(z.number().int()),
});

export type TicketFilingDialogue = z.infer<typeof ticketFilingDialogueSchema>;
export type OfficerAction = z.infer<typeof ticketOfficerDialogueSchema>['action'];

/** Every ticket dialogue step, for the session's union. */
export const ticketDialogueSchemas = [
  ticketFilingDialogueSchema,
  ticketOfficerDialogueSchema,
  ticketOfficerPreviewSchema,
  ticketInfoDialogueSchema,
  ticketPickDialogueSchema,
] as const;

declare module '../../sessionTypes.ts' {
  interface DialogueRegistry {
    tickets: z.infer<(typeof ticketDialogueSchemas)[number]>;
  }
}
