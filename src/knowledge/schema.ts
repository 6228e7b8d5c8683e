import { z } from 'zod';

/** Languages the knowledge base answers in; kept here so this folder needs nothing from the bot. */
export const LANGS = ['vi', 'en'] as const;
export type Lang = (typeof LANGS)[number];

const bilingual = z.object({ vi: z.string().trim().min(1), en: z.string().trim().min(1) });
const bilingualList = z.object({
  vi: z.array(z.string().trim().min(1)).min(1),
  en: z.array(z.string().trim().min(1)).min(1),
});

export const AUDIENCES = ['enterprise', 'worker', 'all'] as const;
export type Audience = (typeof AUDIENCES)[number];

/** What the bot can offer after an answer: it links an answer to a dialogue, never to a URL. */
export const ACTIONS = ['complaint', 'support_request', 'subscribe', 'remind', 'contact'] as const;
export type EntryAction = (typeof ACTIONS)[number];

/** Where a curated answer comes from: verbatim quotes of the Board's report. */
export const reportSourceSchema = z.object({
  section: z.string().min(1),
  quote: z.array(z.string().min(10)).min(1),
});

/**
 * An answer an officer wrote and a second officer approved (the officers' desk): it rests on the
 * officer's word, not on the report, and is always shown as such.
 */
export const officerSourceSchema = z.object({
  kind: z.literal('officer'),
  officer: z.string().trim().min(1),
  date: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'use yyyy-MM-dd'),
  /** The officer wrote no English: `answer.en` repeats the Vietnamese until translated. */
  needsTranslation: z.boolean().optional(),
});
export type OfficerSource = z.infer<typeof officerSourceSchema>;

/**
 * One curated answer. `source.quote` must be copied verbatim from the report so that
 * `npm run kb -- validate` can prove every answer rests on what the board published.
 */
export const entrySchema = z.object({
  id: z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'use lower-case words joined by "-"'),
  topic: z.string().regex(/^[a-z0-9-]+$/),
  audience: z.enum(AUDIENCES),
  title: bilingual,
  questions: bilingualList,
  answer: bilingual,
  source: z.union([officerSourceSchema, reportSourceSchema]),
  related: z.array(z.string()).default([]),
  action: z.enum(ACTIONS).optional(),
});
export type Entry = z.infer<typeof entrySchema>;

/** The officer's source line of an officer-written entry, undefined for a report entry. */
export function officerSourceOf(entry: Pick<Entry, 'source'>): OfficerSource | undefined {
  return 'kind' in entry.source ? entry.source : undefined;
}

/** A topic file: `data/knowledge/<topic>.yaml`. */
export const topicFileSchema = z.object({
  topic: z.string().regex(/^[a-z0-9-]+$/),
  title: bilingual,
  entries: z
    .array(
      entrySchema.omit({ topic: true }).extend({
        /** Files an entry under another file's topic (the officers' answers file does). */
        topic: z
          .string()
          .regex(/^[a-z0-9-]+$/)
          .optional(),
      }),
    )
    .min(1),
});
export type TopicFile = z.infer<typeof topicFileSchema>;
