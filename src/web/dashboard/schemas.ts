import { z } from 'zod';
import { ticketCategorySchema, ticketStatusSchema } from '../../store/tickets/schema.ts';

/**
 * One zod schema per request and per response of the dashboard API. The server parses every
 * request with them and every response before it leaves, so the browser never gets a field the
 * schema does not name (a filer's identity has no field here at all for anonymous tickets).
 */

const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);
const flag = z.enum(['1', '0']).optional();

export const errorResponseSchema = z.object({
  error: z.enum(['unauthorized', 'not_found', 'bad_request', 'refused', 'failed']),
  /** Why, as a catalogue key the page shows in the officer's language. */
  reason: z.string(),
  /** The reason in the officer's language, ready to show. */
  message: z.string().optional(),
  /** The request field at fault, for a message at the field. */
  field: z.string().optional(),
  /** The validator's own words about the field (as `kb validate` prints them). */
  detail: z.string().optional(),
});
export type ErrorResponse = z.infer<typeof errorResponseSchema>;

export const sessionResponseSchema = z.object({
  officer: z.object({ id: z.number().int(), firstName: z.string() }),
  lang: z.enum(['vi', 'en']),
  /** The page's strings (`app.*` keys and the labels it shows), in the officer's language. */
  strings: z.record(z.string(), z.string()),
  parks: z.array(z.object({ id: z.string(), name: z.string() })),
  /** Who a ticket can be assigned to (OFFICER_IDS), with the names officers know them by. */
  officers: z.array(z.object({ id: z.number().int(), name: z.string() })),
  /** The desk's undo window for replies (DESK_UNDO_SECONDS). */
  undoSeconds: z.number().int(),
  categories: z.array(ticketCategorySchema),
  statuses: z.array(ticketStatusSchema),
});
export type SessionResponse = z.infer<typeof sessionResponseSchema>;

export const queueQuerySchema = z.object({
  status: z.union([ticketStatusSchema, z.literal('open'), z.literal('all')]).default('open'),
  park: z.string().max(64).optional(),
  category: ticketCategorySchema.optional(),
  owner: z.enum(['me', 'nobody', 'anyone']).default('anyone'),
  overdue: flag,
});
export type QueueQuery = z.infer<typeof queueQuerySchema>;

export const ticketSummarySchema = z.object({
  code: z.string(),
  type: z.enum(['complaint', 'request']),
  category: ticketCategorySchema,
  parkId: z.string().nullable(),
  parkName: z.string(),
  status: ticketStatusSchema,
  anonymous: z.boolean(),
  assignee: z.number().int().nullable(),
  createdAt: z.string(),
  overdue: z.boolean(),
  excerpt: z.string(),
});
export type TicketSummary = z.infer<typeof ticketSummarySchema>;

export const queueResponseSchema = z.object({
  counts: z.object({
    byStatus: z.record(z.string(), z.number().int()),
    overdue: z.number().int(),
    mine: z.number().int(),
    shown: z.number().int(),
  }),
  tickets: z.array(ticketSummarySchema),
});
export type QueueResponse = z.infer<typeof queueResponseSchema>;

export const ticketActionSchema = z.enum(['take', 'assign', 'reply', 'ask', 'resolve', 'reject']);
export type TicketActionName = z.infer<typeof ticketActionSchema>;

export const ticketDetailSchema = ticketSummarySchema.extend({
  description: z.string(),
  company: z.string().nullable(),
  /** The name shown to officers for a ticket filed openly; absent for anonymous ones. */
  filedBy: z.string().optional(),
  attachments: z.array(z.object({ kind: z.string() })),
  rating: z.number().int().nullable(),
  history: z.array(
    z.object({
      at: z.string(),
      by: z.enum(['officer', 'filer', 'system']),
      officer: z.string().optional(),
      action: z.string(),
      status: ticketStatusSchema.optional(),
      note: z.string().optional(),
    }),
  ),
  actions: z.array(ticketActionSchema),
});
export type TicketDetail = z.infer<typeof ticketDetailSchema>;

export const ticketActionRequestSchema = z.object({
  action: ticketActionSchema,
  text: z.string().trim().max(4000).default(''),
  /** For `assign`: the officer who will own the ticket (checked against OFFICER_IDS). */
  to: z.number().int().optional(),
});
export type TicketActionRequest = z.infer<typeof ticketActionRequestSchema>;

/** A reply held for the undo window: the same relay record the desk's chats use. */
export const relayViewSchema = z.object({
  id: z.string(),
  state: z.enum(['pending', 'sent', 'undone', 'failed']),
  dueAt: z.string(),
});
export type RelayView = z.infer<typeof relayViewSchema>;

export const ticketActionResponseSchema = z.object({
  /** `held`: a reply waiting out its undo window (see `relay`). */
  outcome: z.enum(['done', 'held', 'erased', 'blocked', 'failed']),
  ticket: ticketDetailSchema,
  relay: relayViewSchema.optional(),
});
export type TicketActionResponse = z.infer<typeof ticketActionResponseSchema>;

export const figuresQuerySchema = z.object({ from: day.optional(), until: day.optional() });

const weekCounts = z.array(z.object({ week: z.string(), count: z.number().int() }));
const share = z.object({ within: z.number().int(), of: z.number().int() });

export const figuresResponseSchema = z.object({
  range: z.object({ from: day, until: day }),
  total: z.number().int(),
  ticketsPerWeek: weekCounts,
  parkCategory: z.array(
    z.object({
      parkId: z.string().nullable(),
      byCategory: z.partialRecord(ticketCategorySchema, z.number().int()),
      total: z.number().int(),
    }),
  ),
  medianFirstResponseHours: z.number().nullable(),
  medianResolutionHours: z.number().nullable(),
  withinTarget: z.object({ response: share, resolution: share }),
  ratings: z.object({
    count: z.number().int(),
    average: z.number().nullable(),
    distribution: z.array(z.number().int()).length(5),
  }),
  unansweredPerWeek: weekCounts,
});
export type FiguresResponse = z.infer<typeof figuresResponseSchema>;

export const broadcastsResponseSchema = z.object({
  broadcasts: z.array(
    z.object({
      id: z.string(),
      createdAt: z.string(),
      text: z.string(),
      status: z.enum(['running', 'done', 'cancelled']),
      recipients: z.number().int(),
      delivered: z.number().int(),
      failed: z.number().int(),
      blocked: z.number().int(),
    }),
  ),
});
export type BroadcastsResponse = z.infer<typeof broadcastsResponseSchema>;

const bilingual = z.object({ vi: z.string(), en: z.string() });
const contactSchema = z.object({
  id: z.string(),
  name: bilingual,
  description: bilingual,
  phone: z.string().nullable(),
  email: z.string().nullable(),
  address: z.string().nullable(),
  /** Opening hours, as the operator fills them; never guessed. */
  hours: z.string().nullable(),
  website: z.string().nullable(),
});
const parkSchema = z.object({ id: z.string(), name: bilingual });

export const setupResponseSchema = z.object({
  contacts: z.array(contactSchema),
  parks: z.array(parkSchema),
  /** What `kb validate --release` still reports missing. */
  missing: z.array(z.object({ field: z.string(), message: z.string() })),
});
export type SetupResponse = z.infer<typeof setupResponseSchema>;

/** The shapes only; the operator files' own schemas (the loader's) decide what is valid. */
export const saveContactsRequestSchema = z.object({ contacts: z.array(z.unknown()) });
export const saveParksRequestSchema = z.object({ parks: z.array(z.unknown()) });

export const kbListResponseSchema = z.object({
  topics: z.array(z.object({ topic: z.string(), title: z.string() })),
  entries: z.array(
    z.object({ id: z.string(), topic: z.string(), title: z.string(), audience: z.string() }),
  ),
  drafts: z.array(
    z.object({
      id: z.string(),
      topic: z.string(),
      replaces: z.string().nullable(),
      title: z.string(),
      /** The proposed answer in Vietnamese, for the reviewer. */
      answer: z.string(),
      author: z.string(),
      mine: z.boolean(),
      createdAt: z.string(),
    }),
  ),
});
export type KbListResponse = z.infer<typeof kbListResponseSchema>;

export const kbEntryResponseSchema = z.object({
  topic: z.string(),
  /** The entry as it sits in its topic file (what the editor edits). */
  entry: z.record(z.string(), z.unknown()),
});
export type KbEntryResponse = z.infer<typeof kbEntryResponseSchema>;

export const kbDraftRequestSchema = z.object({
  /** The topic file the entry goes in (`officer-answers` for the officers' own answers). */
  topic: z.string().regex(/^[a-z0-9-]+$/),
  replaces: z.string().nullable(),
  entry: z.record(z.string(), z.unknown()),
});

export const kbDraftResponseSchema = z.object({
  draftId: z.string().optional(),
  live: z.boolean(),
  state: z.enum(['approved', 'rejected']).optional(),
});
export type KbDraftResponse = z.infer<typeof kbDraftResponseSchema>;
