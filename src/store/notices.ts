import { randomBytes } from 'node:crypto';
import { z } from 'zod';

/**
 * Shapes shared by the notice collections (subscriptions, reminders, schedules, outbox,
 * broadcasts). Kept apart so the delivery services can import them without the repositories.
 */

/** Notice channels a user subscribes to; `park:<id>` comes from data/parks/parks.yaml. */
export const channelSchema = z.string().regex(/^(general|worker|enterprise|park:[a-z0-9-]{1,40})$/);
export type Channel = z.infer<typeof channelSchema>;

/** Who an officer addresses: `all` means every subscriber of general notices. */
export const segmentSchema = z.string().regex(/^(all|worker|enterprise|park:[a-z0-9-]{1,40})$/);
export type Segment = z.infer<typeof segmentSchema>;

const hour = z.number().int().min(0).max(23);
const minute = z.number().int().min(0).max(59);

/** Mirrors `Repeat` from the scheduling core, so a stored rule is checked on load. */
export const repeatSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('once') }),
  z.object({ kind: z.literal('daily'), hour, minute }),
  z.object({
    kind: z.literal('weekly'),
    weekday: z.union([0, 1, 2, 3, 4, 5, 6].map((day) => z.literal(day))) as z.ZodType<
      0 | 1 | 2 | 3 | 4 | 5 | 6
    >,
    hour,
    minute,
  }),
  z.object({ kind: z.literal('monthly'), day: z.number().int().min(1).max(31), hour, minute }),
]);

const day = z.number().int().min(1).max(31);
/** Mirrors `DeadlineRule` from the scheduling core. */
export const deadlineRuleSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('monthly'), day }),
  z.object({
    kind: z.literal('quarterly'),
    day,
    monthInQuarter: z.union([z.literal(1), z.literal(2), z.literal(3)]),
  }),
  z.object({ kind: z.literal('yearly'), month: z.number().int().min(1).max(12), day }),
  z.object({ kind: z.literal('once'), date: z.string().regex(/^\d{4}-\d{2}-\d{2}$/) }),
]);

export const mediaSchema = z.object({
  type: z.enum(['photo', 'document']),
  fileId: z.string().min(1),
});
export type Media = z.infer<typeof mediaSchema>;

/** Short random ids: they go into callback data, which Telegram caps at 64 bytes. */
export function newId(): string {
  return randomBytes(5).toString('hex');
}
