import { z } from 'zod';
import type { Collection } from './collection.ts';

/** A ticket's forum topic in the officers' group, and the name it was last given. */
export const topicSchema = z.object({
  threadId: z.number().int(),
  name: z.string(),
  closed: z.boolean(),
  /** The pinned card, edited when the ticket changes. */
  cardMessageId: z.number().int().optional(),
});
export type TopicRecord = z.infer<typeof topicSchema>;

/**
 * An officer's message on its way to a filer, held for the undo window. `copy` sends the
 * officer's message itself (media) by copyMessage, which does not show who sent it. A reply
 * written in the dashboard has no Telegram message and no notice: the page shows its state.
 */
export const relaySchema = z.object({
  id: z.string().regex(/^[0-9a-f]{8}$/),
  code: z.string(),
  officerId: z.number().int(),
  kind: z.enum(['text', 'copy']),
  text: z.string(),
  /** Where the officer wrote it (group or private chat) and the message, for copies. */
  fromChatId: z.number().int().optional(),
  messageId: z.number().int().optional(),
  /** The "Sending in 10 s · Undo" message, edited once the relay is settled. */
  noticeChatId: z.number().int().optional(),
  noticeMessageId: z.number().int().optional(),
  threadId: z.number().int().optional(),
  dueAt: z.string(),
  state: z.enum(['pending', 'sent', 'undone', 'failed']),
  /** A knowledge entry sent with its source line, when the relay came from /kb. */
  entryId: z.string().optional(),
});
export type Relay = z.infer<typeof relaySchema>;

/**
 * An answer an officer is writing for the knowledge base, then waiting for a second officer's
 * approval. Questions come from /unanswered or the officer's phrasings, never from a ticket.
 */
export const faqDraftSchema = z.object({
  id: z.string().regex(/^[0-9a-f]{8}$/),
  officerId: z.number().int(),
  questions: z.array(z.string()),
  vi: z.string().optional(),
  en: z.string().optional(),
  topic: z.string().optional(),
  state: z.enum(['writing', 'pending', 'approved', 'rejected']),
  createdAt: z.string(),
  approvedBy: z.number().int().optional(),
  entryId: z.string().optional(),
  /**
   * A whole entry proposed in the dashboard (new, or an edit of `replaces`) for the topic file
   * `file`; drafts written in Telegram leave these out and become an officers' answer.
   */
  file: z
    .string()
    .regex(/^[a-z0-9-]+$/)
    .optional(),
  replaces: z.string().nullable().optional(),
  entry: z.record(z.string(), z.unknown()).optional(),
});
export type FaqDraft = z.infer<typeof faqDraftSchema>;

export const deskFileSchema = z.object({
  topics: z.record(z.string(), topicSchema),
  relays: z.record(z.string(), relaySchema),
  /** Service-target warnings already given, per ticket: `response:near`, `resolution:missed`… */
  targetMarks: z.record(z.string(), z.array(z.string())),
  drafts: z.record(z.string(), faqDraftSchema).default({}),
});
export type DeskFile = z.infer<typeof deskFileSchema>;
export const emptyDesk = (): DeskFile => ({ topics: {}, relays: {}, targetMarks: {}, drafts: {} });

/** How long settled relays are kept (for the Undo and Save-as-FAQ buttons of recent messages). */
const KEEP_SETTLED = 500;

/** The officers' desk: ticket topics, relays in their undo window, target warnings given. */
export interface DeskRepository {
  topicOf(code: string): TopicRecord | undefined;
  codeOfThread(threadId: number): string | undefined;
  setTopic(code: string, topic: TopicRecord): Promise<void>;
  addRelay(relay: Relay): Promise<void>;
  relay(id: string): Relay | undefined;
  /** Changes a relay's state only if it is still `from`; false when it was settled meanwhile. */
  settle(
    id: string,
    from: Relay['state'],
    to: Relay['state'],
    noticeMessageId?: number,
  ): Promise<boolean>;
  setNotice(id: string, noticeMessageId: number): Promise<void>;
  /** Pending relays whose undo window ended at `now`, oldest first. */
  due(now: Date): Relay[];
  draft(id: string): FaqDraft | undefined;
  /** Drafts waiting for a second officer, oldest first. */
  pendingDrafts(): FaqDraft[];
  /** Creates or replaces a draft; resolves once it is on disk. */
  saveDraft(draft: FaqDraft): Promise<void>;
  marks(code: string): readonly string[];
  addMark(code: string, mark: string): Promise<void>;
}

export function createDeskRepository(collection: Collection<DeskFile>): DeskRepository {
  const byThread = new Map<number, string>();
  for (const [code, topic] of Object.entries(collection.data.topics)) {
    byThread.set(topic.threadId, code);
  }
  const prune = (data: DeskFile) => {
    const settled = Object.values(data.relays).filter((relay) => relay.state !== 'pending');
    for (const relay of settled.slice(0, Math.max(0, settled.length - KEEP_SETTLED))) {
      delete data.relays[relay.id];
    }
  };
  return {
    topicOf: (code) => collection.data.topics[code],
    codeOfThread: (threadId) => byThread.get(threadId),
    async setTopic(code, topic) {
      await collection.update((data) => {
        data.topics[code] = topic;
      });
      byThread.set(topic.threadId, code);
    },
    addRelay: (relay) =>
      collection.update((data) => {
        data.relays[relay.id] = relay;
      }),
    relay: (id) => collection.data.relays[id],
    async settle(id, from, to, noticeMessageId) {
      const relay = collection.data.relays[id];
      if (!relay || relay.state !== from) return false;
      // Changes apply in order at write time: of two settles in one tick only the first finds
      // the relay still in `from` (memory shows a change only once it is written).
      let settled = false;
      await collection.update((data) => {
        const stored = data.relays[id];
        if (!stored || stored.state !== from) return;
        stored.state = to;
        if (noticeMessageId !== undefined) stored.noticeMessageId = noticeMessageId;
        prune(data);
        settled = true;
      });
      return settled;
    },
    setNotice: (id, noticeMessageId) =>
      collection.update((data) => {
        const stored = data.relays[id];
        if (stored) stored.noticeMessageId = noticeMessageId;
      }),
    due(now) {
      const limit = now.toISOString();
      return Object.values(collection.data.relays)
        .filter((relay) => relay.state === 'pending' && relay.dueAt <= limit)
        .sort((a, b) => a.dueAt.localeCompare(b.dueAt));
    },
    draft: (id) => collection.data.drafts[id],
    pendingDrafts: () =>
      Object.values(collection.data.drafts)
        .filter((draft) => draft.state === 'pending')
        .sort((a, b) => a.createdAt.localeCompare(b.createdAt)),
    saveDraft: (draft) =>
      collection.update((data) => {
        data.drafts[draft.id] = structuredClone(draft);
      }),
    marks: (code) => collection.data.targetMarks[code] ?? [],
    addMark: (code, mark) =>
      collection.update((data) => {
        const marks = data.targetMarks[code] ?? [];
        if (!marks.includes(mark)) data.targetMarks[code] = [...marks, mark];
      }),
  };
}
