import { createHash } from 'node:crypto';
import { officerName } from '../../bot/features/desk/assign.ts';
import { decideDraft, draftSummary, proposeEntry } from '../../bot/features/desk/drafts.ts';
import { OFFICER_ANSWERS_FILE } from '../../bot/features/desk/entryFile.ts';
import type { Lang } from '../../bot/i18n/index.ts';
import { officerSourceOf } from '../../knowledge/schema.ts';
import type { Remembered } from './actionLog.ts';
import type { ApiAnswer, ApiRequest, DashboardDeps } from './apiTypes.ts';
import {
  type ErrorResponse,
  kbDraftRequestSchema,
  kbDraftResponseSchema,
  kbEntryResponseSchema,
  kbListResponseSchema,
} from './schemas.ts';

const fail = (status: number, error: ErrorResponse): ApiAnswer => ({ status, json: error });

/** Runs a change once per idempotency key (see actionLog.ts); `replay` answers a retry. */
export type Once = <M>(
  run: () => Promise<Remembered<M>>,
  replay: (memory: M) => ApiAnswer | Promise<ApiAnswer>,
) => Promise<ApiAnswer>;

const draftAnswer = (json: { draftId?: string; live: boolean; state?: string }): ApiAnswer => ({
  status: 200,
  json: kbDraftResponseSchema.parse(json),
});

/**
 * The knowledge base in the dashboard: browse and search the live base, propose an edit or a new
 * entry (validated as `kb validate` does, the error named at its field), and approve or reject
 * another officer's draft. Drafts are the desk's: the same list, review and approval as in
 * Telegram (features/desk/drafts.ts), whichever surface wrote them.
 */
export async function routeKnowledge(
  deps: DashboardDeps,
  request: ApiRequest,
  lang: Lang,
  once: Once,
): Promise<ApiAnswer> {
  const base = deps.knowledge.current;
  const officer = request.officer.id;
  if (request.method === 'GET' && request.path === '/kb') {
    const query = (request.query.get('q') ?? '').trim();
    const entries = query
      ? base.search(query, { limit: 20 }).hits.map((hit) => hit.entry)
      : base.entries;
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
        drafts: deps.desk.deskStore.pendingDrafts().map((draft) => {
          const summary = draftSummary(deps.desk, draft);
          return {
            id: draft.id,
            topic: draft.file ?? OFFICER_ANSWERS_FILE,
            replaces: draft.replaces ?? null,
            title: summary.title,
            answer: summary.vi,
            author: officerName(deps.desk, draft.officerId),
            mine: draft.officerId === officer,
            createdAt: draft.createdAt,
          };
        }),
      }),
    };
  }
  const entryPath = /^\/kb\/entries\/([a-z0-9-]+)$/.exec(request.path);
  if (request.method === 'GET' && entryPath?.[1]) {
    const entry = base.getEntry(entryPath[1]);
    if (!entry) return fail(404, { error: 'not_found', reason: 'app.error' });
    // Officers' answers sit in their own file and name their topic; the others' file is the topic.
    const { topic, ...inFile } = entry;
    const own = officerSourceOf(entry) !== undefined && entry.id.startsWith('oa-');
    return {
      status: 200,
      json: kbEntryResponseSchema.parse(
        own ? { topic: OFFICER_ANSWERS_FILE, entry } : { topic, entry: inFile },
      ),
    };
  }
  if (request.method === 'POST' && request.path === '/kb/drafts') {
    const parsed = kbDraftRequestSchema.safeParse(request.body);
    if (!parsed.success) {
      const field = String(parsed.error.issues[0]?.path[0] ?? '');
      return fail(400, { error: 'bad_request', reason: 'app.error', field });
    }
    const { topic, replaces, entry } = parsed.data;
    // The draft's id comes from the officer's key, so a retry finds the draft it made.
    const id = createHash('sha256')
      .update(`draft:${officer}:${request.key ?? ''}`)
      .digest('hex')
      .slice(0, 8);
    return once(
      async () => {
        const result = await proposeEntry(deps.desk, officer, { file: topic, replaces, entry }, id);
        if (!result.ok) {
          const error: ErrorResponse = {
            error: 'bad_request',
            reason: 'app.kb.invalid',
            field: result.field,
            detail: result.message,
          };
          return { answer: fail(400, error) };
        }
        return {
          answer: draftAnswer({ draftId: result.draft.id, live: false }),
          memory: result.draft.id,
        };
      },
      (draftId: string) => draftAnswer({ draftId, live: false }),
    );
  }
  const decidePath = /^\/kb\/drafts\/([0-9a-f]{8})\/(approve|reject)$/.exec(request.path);
  if (request.method === 'POST' && decidePath?.[1]) {
    const id = decidePath[1];
    const approve = decidePath[2] === 'approve';
    return once(
      async () => {
        const decision = await decideDraft(deps.desk, officer, id, approve);
        if (decision.ok) {
          deps.logger.info({ officer, state: decision.state }, 'knowledge draft decided');
          const answer = draftAnswer({
            live: decision.state === 'approved',
            state: decision.state,
          });
          return { answer, memory: decision.state };
        }
        if (decision.reason === 'sameOfficer')
          return { answer: fail(403, { error: 'refused', reason: 'app.kb.secondOfficer' }) };
        if (decision.reason === 'settled')
          return { answer: fail(409, { error: 'refused', reason: 'app.kb.settled' }) };
        const error: ErrorResponse = {
          error: 'bad_request',
          reason: 'app.kb.invalid',
          field: decision.field,
          detail: decision.message,
        };
        return { answer: fail(400, error) };
      },
      (state: string) => draftAnswer({ live: state === 'approved', state }),
    );
  }
  return fail(404, { error: 'not_found', reason: 'app.error' });
}
