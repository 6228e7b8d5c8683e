import { z } from 'zod';
import {
  deadlineRuleSchema,
  mediaSchema,
  repeatSchema,
  segmentSchema,
} from '../../../store/notices.ts';

/** Dialogue steps of the notices features, added to the session's discriminated union. */

/**
 * A parsed `/remind` waiting for Confirm/Cancel, from before reminders were saved at once; kept so
 * that sessions stored by the older version still load.
 */
export const reminderConfirmSchema = z.object({
  kind: z.literal('reminderConfirm'),
  text: z.string(),
  dueAt: z.string(),
  repeat: repeatSchema,
});

/** "Change time" on a saved reminder: the next text is its new time. */
export const reminderRetimeSchema = z.object({
  kind: z.literal('reminderRetime'),
  reminderId: z.string(),
});

/** "Another park" at onboarding, /role or /subscribe: the next text is the park's name. */
export const parkOtherSchema = z.object({ kind: z.literal('parkOther') });

export const broadcastComposeSchema = z.object({ kind: z.literal('broadcastCompose') });

/** Text chosen; the officer toggles segments, then sees the preview and confirms. */
export const broadcastSegmentsSchema = z.object({
  kind: z.literal('broadcastSegments'),
  text: z.string(),
  /** `text` with the officer's formatting (bold, links…) as escaped Telegram HTML. */
  html: z.string().optional(),
  media: mediaSchema.optional(),
  segments: z.array(segmentSchema),
});

const segments = z.array(segmentSchema);

export const scheduleSegmentsSchema = z.object({
  kind: z.literal('scheduleSegments'),
  segments,
});
export const scheduleRuleSchema = z.object({ kind: z.literal('scheduleRule'), segments });
export const scheduleLeadSchema = z.object({
  kind: z.literal('scheduleLead'),
  segments,
  rule: deadlineRuleSchema,
});
export const scheduleTextSchema = z.object({
  kind: z.literal('scheduleText'),
  segments,
  rule: deadlineRuleSchema,
  leadDays: z.array(z.number().int()),
});
export const scheduleConfirmSchema = z.object({
  kind: z.literal('scheduleConfirm'),
  segments,
  rule: deadlineRuleSchema,
  leadDays: z.array(z.number().int()),
  text: z.string(),
});

/** Every notices dialogue step, for spreading into the session's union. */
export const noticeDialogueSchemas = [
  reminderConfirmSchema,
  reminderRetimeSchema,
  parkOtherSchema,
  broadcastComposeSchema,
  broadcastSegmentsSchema,
  scheduleSegmentsSchema,
  scheduleRuleSchema,
  scheduleLeadSchema,
  scheduleTextSchema,
  scheduleConfirmSchema,
] as const;

declare module '../../sessionTypes.ts' {
  interface DialogueRegistry {
    notices: z.infer<(typeof noticeDialogueSchemas)[number]>;
  }
}
