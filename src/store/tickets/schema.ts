import { z } from 'zod';

/** Worker complaint categories; the order is the order of the buttons. */
export const COMPLAINT_CATEGORIES = [
  'wages',
  'hours',
  'safety',
  'union',
  'discrimination',
  'environment',
  'security',
  'other',
] as const;
/** Enterprise request categories; `environment` and `other` share keys with complaints on purpose. */
export const REQUEST_CATEGORIES = [
  'utilities',
  'land',
  'investment',
  'construction',
  'labour',
  'environment',
  'other',
] as const;

export const ticketTypeSchema = z.enum(['complaint', 'request']);
export type TicketType = z.infer<typeof ticketTypeSchema>;
export const ticketCategorySchema = z.enum([...COMPLAINT_CATEGORIES, ...REQUEST_CATEGORIES]);
export type TicketCategory = z.infer<typeof ticketCategorySchema>;
export const ticketStatusSchema = z.enum(['new', 'in_progress', 'resolved', 'rejected', 'closed']);
export type TicketStatus = z.infer<typeof ticketStatusSchema>;

export const attachmentSchema = z.object({
  kind: z.enum(['photo', 'document', 'voice', 'audio', 'video', 'video_note']),
  /** Telegram file id: the bot re-sends it, never downloads or stores the content. */
  fileId: z.string().min(1),
  /** The filer's message, so officers get a copy (copyMessage) that does not link to the filer. */
  messageId: z.number().int().optional(),
  /** Telegram's media_group_id: the photos of one album count as one piece of evidence. */
  albumId: z.string().optional(),
});
export type Attachment = z.infer<typeof attachmentSchema>;

/** Who acted: an officer's Telegram id, the filer, or the bot itself (auto-close). */
export const actorSchema = z.union([z.number().int(), z.literal('filer'), z.literal('system')]);
export type Actor = z.infer<typeof actorSchema>;

export const historyEntrySchema = z.object({
  at: z.string(),
  by: actorSchema,
  action: z.enum([
    'created',
    'status',
    'take',
    'reply',
    'ask',
    'info',
    'rating',
    'undelivered',
    // The officers' desk: an internal note, and a hand-over (note: the new owner's id or empty).
    'note',
    'assign',
  ]),
  status: ticketStatusSchema.optional(),
  note: z.string().optional(),
  /** The idempotency key of the action (e.g. the update it came from): repeated, it changes nothing. */
  key: z.string().optional(),
});
export type HistoryEntry = z.infer<typeof historyEntrySchema>;

/** The filer's identity and the ticket→chat link; only the repository and filer-facing code see it. */
export const filerSchema = z.object({
  userId: z.number().int(),
  chatId: z.number().int(),
  name: z.string(),
  username: z.string().optional(),
});
export type Filer = z.infer<typeof filerSchema>;

/** What a notification says; rendered when sent, in the recipient's language. */
export const NOTICE_EVENTS = [
  'new',
  'reopened',
  'info',
  'edited',
  'taken',
  'reply',
  'ask',
  'resolved',
  'rejected',
  'autoClosed',
] as const;
export type NoticeEvent = (typeof NOTICE_EVENTS)[number];

/**
 * A notification written with the change that causes it, in the same write, and delivered after
 * it by the outbox worker. `to` holds officer chats, or `filer`, resolved when sending (an
 * anonymous filer's chat lives apart, see contacts.ts). One mark per recipient, as in the outbox:
 * `.` pending, `s` sent, `b` blocked, `f` failed, `x` cancelled.
 */
export const ticketNoticeSchema = z.object({
  id: z.string().min(1),
  event: z.enum(NOTICE_EVENTS),
  to: z.array(z.union([z.number().int(), z.literal('filer')])),
  marks: z.string().regex(/^[.sbfx]*$/),
  note: z.string().optional(),
  files: z.number().int().nonnegative().optional(),
  at: z.string(),
});
export type TicketNotice = z.infer<typeof ticketNoticeSchema>;

/** What a change asks to be told, and to whom. */
export interface NoticeRequest {
  event: NoticeEvent;
  to: (number | 'filer')[];
  note?: string;
  files?: number;
}

export const ticketSchema = z.object({
  code: z.string().regex(/^(KN|HT)-\d{4,}$/),
  /** Global filing order; decides the shard file. */
  seq: z.number().int().positive(),
  type: ticketTypeSchema,
  category: ticketCategorySchema,
  /** Park id from parks.yaml, or null for "Other / not sure". */
  parkId: z.string().nullable(),
  /** The park as the filer typed it when it is not in the list ("Other park"). */
  parkName: z.string().nullable().optional(),
  company: z.string().nullable(),
  description: z.string(),
  attachments: z.array(attachmentSchema),
  anonymous: z.boolean(),
  filer: filerSchema,
  status: ticketStatusSchema,
  assignee: z.number().int().nullable(),
  createdAt: z.string(),
  firstResponseAt: z.string().nullable(),
  resolvedAt: z.string().nullable(),
  closedAt: z.string().nullable(),
  rating: z.number().int().min(1).max(5).nullable(),
  history: z.array(historyEntrySchema),
  /** Set once personal data was erased (retention or /forgetme); figures stay. */
  erasedAt: z.string().optional(),
  /** The filing dialogue's id: submitting the same draft again finds this ticket. */
  submissionId: z.string().optional(),
  /** Notifications not yet answered by Telegram; removed once every recipient has an outcome. */
  notices: z.array(ticketNoticeSchema).optional(),
});
export type Ticket = z.infer<typeof ticketSchema>;

export const ticketShardSchema = z.record(z.string(), ticketSchema);
export type TicketShard = z.infer<typeof ticketShardSchema>;

/**
 * What officer-facing code may render. Built by the repository; for an anonymous ticket the
 * type has no identity field at all, so a renderer cannot leak what it never receives.
 */
export type OfficerTicketView = Readonly<
  Omit<Ticket, 'filer' | 'anonymous' | 'submissionId' | 'notices'> &
    (
      | { anonymous: true; filer?: never }
      | { anonymous: false; filer: { name: string; username?: string | undefined } }
    )
>;

/** Allowed status changes; reopening returns a resolved or rejected ticket to `in_progress`. */
export const TRANSITIONS: Readonly<Record<TicketStatus, readonly TicketStatus[]>> = {
  new: ['in_progress', 'resolved', 'rejected'],
  in_progress: ['resolved', 'rejected'],
  resolved: ['in_progress', 'closed'],
  rejected: ['in_progress', 'closed'],
  closed: [],
};

/** Raised for a status change the lifecycle does not allow; nothing is changed. */
export class TicketTransitionError extends Error {
  constructor(
    readonly code: string,
    readonly from: TicketStatus,
    readonly to: TicketStatus,
  ) {
    super(`ticket ${code} cannot go from ${from} to ${to}`);
    this.name = 'TicketTransitionError';
  }
}

/** Input for a new ticket: what the filing dialogue collected. */
export interface NewTicket {
  type: TicketType;
  category: TicketCategory;
  parkId: string | null;
  parkName?: string | null;
  company: string | null;
  description: string;
  attachments: Attachment[];
  anonymous: boolean;
  filer: Filer;
}

export const codePrefix = (type: TicketType): 'KN' | 'HT' => (type === 'complaint' ? 'KN' : 'HT');

/** `KN-0001`: four digits at least, more once a type passes 9,999 tickets. */
export function formatCode(type: TicketType, number: number): string {
  return `${codePrefix(type)}-${String(number).padStart(4, '0')}`;
}

/** Accepts `#kn-1`, `KN-0001`, `kn0001`; returns the canonical code or null. */
export function parseCode(raw: string): string | null {
  const match = /^#?(KN|HT)-?(\d{1,9})$/i.exec(raw.trim());
  if (!match) return null;
  const type: TicketType = match[1]?.toUpperCase() === 'KN' ? 'complaint' : 'request';
  return formatCode(type, Number(match[2]));
}
