/**
 * Public face of the knowledge base: load and validate the curated answers, then search them.
 * The bot, the CLI and the bench use only what this file exports.
 */

import { classifyIntent, type Intent, type SmallTalkKind, smallTalkKind } from './intent.ts';
import {
  type Contact,
  KnowledgeValidationError,
  type LoadedTopic,
  loadKnowledge,
  type SectionTitle,
  translateSection,
} from './loader.ts';
import type { Passage } from './passages.ts';
import type { Entry, Lang } from './schema.ts';
import { SEARCH_SETTINGS, SearchEngine } from './search.ts';

export type { Intent, SmallTalkKind } from './intent.ts';
export { detectLanguage } from './language.ts';
export type { ValidationProblem } from './loader.ts';
export type { Passage } from './passages.ts';
export { type ReplyAction, replyActions } from './reply-plan.ts';
export type { Entry, Lang } from './schema.ts';
export type { Contact };
export { KnowledgeValidationError };

export interface SearchHit {
  entry: Entry;
  confidence: number;
}

export interface PassageHit {
  passage: Passage;
  confidence: number;
}

export interface SearchOutcome {
  hits: SearchHit[];
  excerpt: PassageHit | null;
  /** Detected from the query; the answer is given in it, whatever the user's profile says. */
  lang: Lang;
  /** Small talk and grievances are recognised before search; off-topic when nothing matched. */
  intent: Intent;
  /** For small talk: greeting, thanks, goodbye or a plain acknowledgement. */
  smallTalk: SmallTalkKind | null;
}

export type Topic = LoadedTopic;

export interface KnowledgeBase {
  readonly entries: readonly Entry[];
  readonly topics: readonly Topic[];
  readonly passages: readonly Passage[];
  readonly contacts: readonly Contact[];
  getEntry(id: string): Entry | undefined;
  /**
   * The entry's source section in `lang` (the Vietnamese one when no translation is stored);
   * empty for an officer-written entry, which cites the officer instead.
   */
  sectionTitle(entry: Entry, lang: Lang): string;
  /** hits: only confident ones, best first, at most `limit` (default 4). excerpt: only when hits is empty. */
  search(query: string, options?: { limit?: number; threshold?: number }): SearchOutcome;
}

const DEFAULT_LIMIT = 4;

/**
 * Builds the in-memory index from already validated data. Separate from loading so the bench can
 * build a large generated base and tests can use tiny ones without touching the disk.
 */
export function buildKnowledgeBase(input: {
  entries: Entry[];
  topics: Topic[];
  passages: Passage[];
  contacts: Contact[];
  sections?: SectionTitle[];
}): KnowledgeBase {
  const sections = input.sections ?? [];
  const entries = [...input.entries];
  const passages = [...input.passages];
  const engine = new SearchEngine(entries, passages);
  const byId = new Map(entries.map((entry) => [entry.id, entry]));
  return {
    entries,
    topics: [...input.topics],
    passages,
    contacts: [...input.contacts],
    getEntry: (id) => byId.get(id),
    sectionTitle: (entry, lang) => {
      if (!('section' in entry.source)) return '';
      const { section } = entry.source;
      return lang === 'vi' ? section : (translateSection(section, sections) ?? section);
    },
    search(query, options) {
      const limit = Math.max(1, Math.floor(options?.limit ?? DEFAULT_LIMIT));
      let result = engine.search(query, limit, options?.threshold);
      const before = classifyIntent(result.expanded);
      if (before === 'smalltalk') {
        const smallTalk = smallTalkKind(result.expanded);
        return { hits: [], excerpt: null, lang: result.lang, intent: before, smallTalk };
      }
      if (before === 'grievance') {
        // The complaint button is the answer; the entry only adds what the report says.
        const threshold =
          (options?.threshold ?? SEARCH_SETTINGS.entryThreshold) +
          SEARCH_SETTINGS.grievanceStricter;
        const hits = result.ranked.filter((hit) => hit.confidence >= threshold).slice(0, limit);
        result = { ...result, hits, excerpt: null };
      }
      const hits: SearchHit[] = [];
      for (const hit of result.hits) {
        const entry = entries[hit.index];
        if (entry) hits.push({ entry, confidence: hit.confidence });
      }
      const passage = result.excerpt ? passages[result.excerpt.index] : undefined;
      const excerpt =
        result.excerpt && passage ? { passage, confidence: result.excerpt.confidence } : null;
      const nothing = hits.length === 0 && excerpt === null;
      const farFromAll =
        result.knownTerms === 0 || result.bestConfidence < SEARCH_SETTINGS.offTopicBelow;
      const intent: Intent = before === 'question' && nothing && farFromAll ? 'offtopic' : before;
      return { hits, excerpt, lang: result.lang, intent, smallTalk: null };
    },
  };
}

/**
 * Reads every topic file, the contacts file and the report, validates them (schema and
 * cross-file rules) and builds the search index. Throws {@link KnowledgeValidationError}
 * listing every problem when anything is wrong, so the bot never starts on bad data.
 */
export async function loadKnowledgeBase(paths: {
  knowledgeDir: string;
  sourceFile: string;
  contactsFile: string;
}): Promise<KnowledgeBase> {
  const loaded = await loadKnowledge(paths);
  return buildKnowledgeBase({
    entries: loaded.entries,
    topics: loaded.topics,
    passages: loaded.report.passages,
    contacts: loaded.contacts,
    sections: loaded.sections,
  });
}
