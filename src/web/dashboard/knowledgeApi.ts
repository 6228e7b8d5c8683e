import { join } from 'node:path';
import type { Lang } from '../../bot/i18n/index.ts';
import type { ApiAnswer, ApiRequest, DashboardDeps } from './apiTypes.ts';
import { approveDraft, type KnowledgeEditDeps, proposeEdit, readDrafts } from './knowledgeEdit.ts';
import {
  type ErrorResponse,
  kbDraftRequestSchema,
  kbDraftResponseSchema,
  kbEntryResponseSchema,
  kbListResponseSchema,
} from './schemas.ts';

const fail = (status: number, error: ErrorResponse): ApiAnswer => ({ status, json: error });

function titleOf(entry: unknown, lang: Lang): string {
  if (entry && typeof entry === 'object' && 'title' in entry) {
    const title = entry.title;
    if (title && typeof title === 'object' && lang in title) {
      const text = (title as Record<string, unknown>)[lang];
      if (typeof text === 'string') return text;
    }
  }
  return '';
}

/**
 * The knowledge base in the dashboard: browse and search the live base, propose an edit or a new
 * entry (validated as `kb validate` does, the error named at its field), and approve another
 * officer's draft, which writes the topic file and reloads the base live.
 */
export async function routeKnowledge(
  deps: DashboardDeps,
  request: ApiRequest,
  lang: Lang,
): Promise<ApiAnswer> {
  const edit: KnowledgeEditDeps = {
    knowledge: deps.knowledge,
    paths: deps.knowledgePaths,
    draftsFile: join(deps.config.DATA_DIR, 'kb-drafts.json'),
    now: deps.now,
  };
  const base = deps.knowledge.current;
  const officerName = (id: number) => deps.store.users.get(id)?.firstName ?? `#${id}`;
  if (request.method === 'GET' && request.path === '/kb') {
    const query = (request.query.get('q') ?? '').trim();
    const entries = query
      ? base.search(query, { limit: 20 }).hits.map((hit) => hit.entry)
      : base.entries;
    const drafts = await readDrafts(edit.draftsFile);
    return {
      status: 200,
      json: kbListResponseSchema.parse({
        topics: base.topics.map((topic) => ({ topic: topic.topic, title: topic.title[lang] })),
        entries: entries.map((entry) => ({
          id: entry.id,
          topic: entry.topic,
          title: entry.title[lang],
          audience: entry.audience,
        })),
        drafts: drafts.map((draft) => ({
          id: draft.id,
          topic: draft.topic,
          replaces: draft.replaces,
          title: titleOf(draft.entry, lang),
          author: officerName(draft.author),
          mine: draft.author === request.officer.id,
          createdAt: draft.createdAt,
        })),
      }),
    };
  }
  const entryPath = /^\/kb\/entries\/([a-z0-9-]+)$/.exec(request.path);
  if (request.method === 'GET' && entryPath?.[1]) {
    const entry = base.getEntry(entryPath[1]);
    if (!entry) return fail(404, { error: 'not_found', reason: 'app.error' });
    const { topic, ...inFile } = entry;
    return { status: 200, json: kbEntryResponseSchema.parse({ topic, entry: inFile }) };
  }
  if (request.method === 'POST' && request.path === '/kb/drafts') {
    const parsed = kbDraftRequestSchema.safeParse(request.body);
    if (!parsed.success) {
      const field = String(parsed.error.issues[0]?.path[0] ?? '');
      return fail(400, { error: 'bad_request', reason: 'app.error', field });
    }
    const { topic, replaces, entry } = parsed.data;
    const result = await proposeEdit(edit, request.officer.id, topic, replaces, entry);
    if (!result.ok)
      return fail(400, {
        error: 'bad_request',
        reason: 'app.kb.invalid',
        field: result.field,
        detail: result.message,
      });
    return {
      status: 200,
      json: kbDraftResponseSchema.parse({ draftId: result.draft?.id, live: false }),
    };
  }
  const approvePath = /^\/kb\/drafts\/([0-9a-f-]{36})\/approve$/.exec(request.path);
  if (request.method === 'POST' && approvePath?.[1]) {
    const result = await approveDraft(edit, request.officer.id, approvePath[1]);
    if (result.ok) {
      deps.logger.info({ officer: request.officer.id }, 'knowledge draft approved');
      return { status: 200, json: kbDraftResponseSchema.parse({ live: true }) };
    }
    if (result.reason === 'same_officer')
      return fail(403, { error: 'refused', reason: 'app.kb.secondOfficer' });
    if (result.reason === 'not_found')
      return fail(404, { error: 'not_found', reason: 'app.error' });
    return fail(400, {
      error: 'bad_request',
      reason: 'app.kb.invalid',
      field: result.field,
      detail: result.message,
    });
  }
  return fail(404, { error: 'not_found', reason: 'app.error' });
}
