export type { ApiAnswer, ApiRequest, DashboardDeps } from './apiTypes.ts';

import type { z } from 'zod';
import { officerName } from '../../bot/features/desk/assign.ts';
import { broadcastJobId } from '../../bot/features/notices/broadcast.ts';
import { en } from '../../bot/i18n/en/index.ts';
import {
  type Lang,
  languageFromTelegram,
  type MessageKey,
  translator,
} from '../../bot/i18n/index.ts';
import { vi } from '../../bot/i18n/vi/index.ts';
import { jobStats } from '../../store/outbox.ts';
import {
  COMPLAINT_CATEGORIES,
  REQUEST_CATEGORIES,
  ticketStatusSchema,
} from '../../store/tickets/index.ts';
import { type ActionLog, IDEMPOTENCY_HEADER, idempotencyKeySchema } from './actionLog.ts';
import type { ApiAnswer, ApiRequest, DashboardDeps } from './apiTypes.ts';
import { figuresCsv } from './csv.ts';
import { computeFigures, defaultRange } from './figures.ts';
import type { InitDataUser } from './initData.ts';
import { routeKnowledge } from './knowledgeApi.ts';
import {
  broadcastsResponseSchema,
  type ErrorResponse,
  figuresQuerySchema,
  figuresResponseSchema,
  queueQuerySchema,
  queueResponseSchema,
  saveContactsRequestSchema,
  saveParksRequestSchema,
  sessionResponseSchema,
  setupResponseSchema,
  ticketDetailSchema,
} from './schemas.ts';
import { readSetup, type SetupDeps, saveContacts, saveParks } from './setup.ts';
import { actionAnswer, actOnTicket, routeRelay } from './ticketApi.ts';
import { matchesQueue, toDetail, toSummary, type ViewContext } from './views.ts';

const fail = (status: number, error: ErrorResponse): ApiAnswer => ({ status, json: error });

function answer<S extends z.ZodType>(schema: S, value: z.input<S>): ApiAnswer {
  return { status: 200, json: schema.parse(value) };
}

const PAGE_KEYS = (key: string) =>
  key.startsWith('app.') ||
  key.startsWith('tickets.cat.') ||
  key.startsWith('tickets.status.') ||
  key.startsWith('tickets.type.') ||
  key.startsWith('tickets.action.') ||
  key === 'tickets.park.other';

function pageStrings(lang: Lang): Record<string, string> {
  const catalogue: Record<MessageKey, string> = lang === 'vi' ? vi : en;
  return Object.fromEntries(Object.entries(catalogue).filter(([key]) => PAGE_KEYS(key)));
}

/** The officer's language: the one they chose in the bot, else Telegram's. */
function langOf(deps: DashboardDeps, officer: InitDataUser): Lang {
  const chosen = deps.store.users.get(officer.id)?.lang;
  return chosen ?? languageFromTelegram(officer.language_code, deps.config.DEFAULT_LANG);
}

/**
 * Routes one signed-in officer's request. Every route reads the same repositories the bot's
 * officer commands read and changes tickets through the same officer service.
 */
export async function routeApi(
  deps: DashboardDeps,
  request: ApiRequest,
  log: ActionLog,
): Promise<ApiAnswer> {
  const lang = langOf(deps, request.officer);
  const context: ViewContext = {
    config: deps.config,
    parks: deps.parks,
    users: deps.store.users,
    lang,
    otherPark: translator(lang)('tickets.park.other'),
    officerId: request.officer.id,
    now: deps.now(),
  };
  const badRequest = (issues: z.core.$ZodIssue[]) =>
    fail(400, {
      error: 'bad_request',
      reason: 'app.error',
      field: String(issues[0]?.path[0] ?? ''),
    });
  const { method, path } = request;
  const query = Object.fromEntries(request.query);
  // Every change carries the officer's idempotency key: a retry or a double click changes nothing twice.
  const key = idempotencyKeySchema.safeParse(request.key);
  if (method === 'POST' && !key.success)
    return fail(400, { error: 'bad_request', reason: 'app.error', field: IDEMPOTENCY_HEADER });
  const once = <M>(
    run: () => Promise<{ answer: ApiAnswer; memory?: M }>,
    replay: (memory: M) => ApiAnswer | Promise<ApiAnswer>,
  ) => log.once(request.officer.id, key.data ?? '', { path, body: request.body }, run, replay);

  if (method === 'GET' && path === '/session') {
    return answer(sessionResponseSchema, {
      officer: { id: request.officer.id, firstName: request.officer.first_name },
      lang,
      strings: pageStrings(lang),
      parks: deps.parks.list().map((park) => ({ id: park.id, name: park.name[lang] })),
      officers: deps.config.OFFICER_IDS.map((id) => ({ id, name: officerName(deps.desk, id) })),
      undoSeconds: deps.config.DESK_UNDO_SECONDS,
      categories: [...new Set([...COMPLAINT_CATEGORIES, ...REQUEST_CATEGORIES])],
      statuses: ticketStatusSchema.options,
    });
  }
  if (method === 'GET' && path === '/queue') {
    const parsed = queueQuerySchema.safeParse(query);
    if (!parsed.success) return badRequest(parsed.error.issues);
    const all = deps.store.tickets.list();
    const byStatus: Record<string, number> = {};
    let overdue = 0;
    let mine = 0;
    for (const view of all) {
      byStatus[view.status] = (byStatus[view.status] ?? 0) + 1;
      if (toSummary(view, context).overdue) overdue += 1;
      if (view.assignee === request.officer.id) mine += 1;
    }
    const shown = all.filter((view) => matchesQueue(view, parsed.data, context));
    return answer(queueResponseSchema, {
      counts: { byStatus, overdue, mine, shown: shown.length },
      tickets: shown.slice(0, 200).map((view) => toSummary(view, context)),
    });
  }
  const ticketPath = /^\/tickets\/((?:KN|HT)-\d{4,})(\/action)?$/.exec(path);
  if (ticketPath?.[1]) {
    const code = ticketPath[1];
    if (method === 'GET' && !ticketPath[2]) {
      const view = deps.store.tickets.view(code);
      if (!view) return fail(404, { error: 'not_found', reason: 'app.refusal.notFound' });
      return answer(ticketDetailSchema, toDetail(view, context));
    }
    if (method === 'POST' && ticketPath[2])
      return once(
        () => actOnTicket(deps, request, code, context, key.data ?? ''),
        (memory) => actionAnswer(deps, code, context, memory),
      );
  }
  const relayPath = /^\/relays\/([0-9a-f]{8})(\/undo)?$/.exec(path);
  if (relayPath?.[1]) {
    const id = relayPath[1];
    if (method === 'GET' && !relayPath[2])
      return (await routeRelay(deps, request, id, false)).answer;
    if (method === 'POST' && relayPath[2])
      return once(
        () => routeRelay(deps, request, id, true),
        async () => (await routeRelay(deps, request, id, false)).answer,
      );
  }
  if (method === 'GET' && (path === '/figures' || path === '/figures.csv')) {
    const parsed = figuresQuerySchema.safeParse(query);
    if (!parsed.success) return badRequest(parsed.error.issues);
    const fallback = defaultRange(context.now, deps.config.TZ);
    const range = {
      from: parsed.data.from ?? fallback.from,
      until: parsed.data.until ?? fallback.until,
    };
    const figures = figuresResponseSchema.parse(
      computeFigures(
        deps.config,
        deps.store.tickets.list(),
        deps.store.feedback.unansweredTimes(),
        range,
        context.now,
      ),
    );
    if (path === '/figures') return { status: 200, json: figures };
    return {
      status: 200,
      csv: figuresCsv(figures, translator(lang), (id) =>
        deps.parks.name(id, lang, context.otherPark),
      ),
      filename: `figures-${range.from}-${range.until}.csv`,
    };
  }
  if (method === 'GET' && path === '/broadcasts') {
    return answer(broadcastsResponseSchema, {
      broadcasts: deps.store.notices.broadcasts.recent(50).map((broadcast) => {
        const job = deps.store.notices.outbox.get(broadcastJobId(broadcast.id));
        const counts =
          broadcast.result ?? (job ? jobStats(job) : { sent: 0, failed: 0, blocked: 0 });
        return {
          id: broadcast.id,
          createdAt: broadcast.createdAt,
          text: broadcast.text.slice(0, 300),
          status: broadcast.status,
          recipients: broadcast.recipients,
          delivered: counts.sent,
          failed: counts.failed,
          blocked: counts.blocked,
        };
      }),
    });
  }
  if (path === '/setup' || path.startsWith('/setup/')) {
    if (method !== 'POST') return (await setup(deps, request, badRequest)).answer;
    return once(
      () => setup(deps, request, badRequest),
      async () => answer(setupResponseSchema, await readSetup(setupDeps(deps))),
    );
  }
  if (path === '/kb' || path.startsWith('/kb/')) return routeKnowledge(deps, request, lang, once);
  return fail(404, { error: 'not_found', reason: 'app.error' });
}

const setupDeps = (deps: DashboardDeps): SetupDeps => ({
  knowledge: deps.knowledge,
  parks: deps.parks,
  contactsFile: deps.knowledgePaths.contactsFile,
  parksFile: deps.config.PARKS_FILE,
  ...(deps.layer ? { layer: deps.layer } : {}),
});

/** Contacts and parks: saved to the operator files with their own validation, live at once. */
async function setup(
  deps: DashboardDeps,
  request: ApiRequest,
  badRequest: (issues: z.core.$ZodIssue[]) => ApiAnswer,
): Promise<{ answer: ApiAnswer; memory?: true }> {
  const files = setupDeps(deps);
  if (request.method === 'GET' && request.path === '/setup') {
    return { answer: answer(setupResponseSchema, await readSetup(files)) };
  }
  let saved: Awaited<ReturnType<typeof saveContacts>> | undefined;
  if (request.method === 'POST' && request.path === '/setup/contacts') {
    const parsed = saveContactsRequestSchema.safeParse(request.body);
    if (!parsed.success) return { answer: badRequest(parsed.error.issues) };
    saved = await saveContacts(files, parsed.data.contacts);
  } else if (request.method === 'POST' && request.path === '/setup/parks') {
    const parsed = saveParksRequestSchema.safeParse(request.body);
    if (!parsed.success) return { answer: badRequest(parsed.error.issues) };
    saved = await saveParks(files, parsed.data.parks);
  }
  if (!saved) return { answer: fail(404, { error: 'not_found', reason: 'app.error' }) };
  if (!saved.ok) {
    return {
      answer: fail(400, {
        error: 'bad_request',
        reason: 'app.setup.invalid',
        field: saved.field,
        detail: saved.message,
      }),
    };
  }
  deps.logger.info({ officer: request.officer.id, what: request.path }, 'dashboard setup saved');
  return { answer: answer(setupResponseSchema, await readSetup(files)), memory: true };
}
