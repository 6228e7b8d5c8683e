export type { ApiAnswer, ApiRequest, DashboardDeps } from './apiTypes.ts';

import type { z } from 'zod';
import { broadcastJobId } from '../../bot/features/notices/broadcast.ts';
import { workingCalendar } from '../../bot/features/tickets/calendar.ts';
import type { TicketEnv } from '../../bot/features/tickets/env.ts';
import { carryOutOfficerAction, takeTicketAs } from '../../bot/features/tickets/officerService.ts';
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
  ticketActionRequestSchema,
  ticketActionResponseSchema,
  ticketDetailSchema,
} from './schemas.ts';
import { readSetup, type SetupDeps, saveContacts, saveParks } from './setup.ts';
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
export async function routeApi(deps: DashboardDeps, request: ApiRequest): Promise<ApiAnswer> {
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

  if (method === 'GET' && path === '/session') {
    return answer(sessionResponseSchema, {
      officer: { id: request.officer.id, firstName: request.officer.first_name },
      lang,
      strings: pageStrings(lang),
      parks: deps.parks.list().map((park) => ({ id: park.id, name: park.name[lang] })),
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
    if (method === 'POST' && ticketPath[2]) return act(deps, request, code, context);
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
  if (path === '/setup' || path.startsWith('/setup/')) return setup(deps, request, badRequest);
  if (path === '/kb' || path.startsWith('/kb/')) return routeKnowledge(deps, request, lang);
  return fail(404, { error: 'not_found', reason: 'app.error' });
}

/** Contacts and parks: saved to the operator files with their own validation, live at once. */
async function setup(
  deps: DashboardDeps,
  request: ApiRequest,
  badRequest: (issues: z.core.$ZodIssue[]) => ApiAnswer,
): Promise<ApiAnswer> {
  const setupDeps: SetupDeps = {
    knowledge: deps.knowledge,
    parks: deps.parks,
    contactsFile: deps.knowledgePaths.contactsFile,
    parksFile: deps.config.PARKS_FILE,
  };
  if (request.method === 'GET' && request.path === '/setup') {
    return answer(setupResponseSchema, await readSetup(setupDeps));
  }
  let saved: Awaited<ReturnType<typeof saveContacts>> | undefined;
  if (request.method === 'POST' && request.path === '/setup/contacts') {
    const parsed = saveContactsRequestSchema.safeParse(request.body);
    if (!parsed.success) return badRequest(parsed.error.issues);
    saved = await saveContacts(setupDeps, parsed.data.contacts);
  } else if (request.method === 'POST' && request.path === '/setup/parks') {
    const parsed = saveParksRequestSchema.safeParse(request.body);
    if (!parsed.success) return badRequest(parsed.error.issues);
    saved = await saveParks(setupDeps, parsed.data.parks);
  }
  if (!saved) return fail(404, { error: 'not_found', reason: 'app.error' });
  if (!saved.ok) {
    return fail(400, {
      error: 'bad_request',
      reason: 'app.setup.invalid',
      field: saved.field,
      detail: saved.message,
    });
  }
  deps.logger.info({ officer: request.officer.id, what: request.path }, 'dashboard setup saved');
  return answer(setupResponseSchema, await readSetup(setupDeps));
}

async function act(
  deps: DashboardDeps,
  request: ApiRequest,
  code: string,
  context: ViewContext,
): Promise<ApiAnswer> {
  const parsed = ticketActionRequestSchema.safeParse(request.body);
  if (!parsed.success)
    return fail(400, {
      error: 'bad_request',
      reason: 'app.error',
      field: String(parsed.error.issues[0]?.path[0] ?? ''),
    });
  const { action, text } = parsed.data;
  if (action !== 'take' && text === '')
    return fail(400, { error: 'bad_request', reason: 'app.action.needText', field: 'text' });
  const env: TicketEnv = {
    config: deps.config,
    tickets: deps.store.tickets,
    users: deps.store.users,
    parks: deps.parks,
    telegram: deps.telegram,
    logger: deps.logger,
    now: deps.now,
    calendar: workingCalendar(deps.config),
    // The bot's ticket notice worker looks at the written notices at least once a second.
    wakeOutbox: () => undefined,
  };
  const officerId = request.officer.id;
  const outcome =
    action === 'take'
      ? await takeTicketAs(env, officerId, code)
      : await carryOutOfficerAction(env, officerId, action, code, text);
  if (outcome.kind === 'notFound')
    return fail(404, { error: 'not_found', reason: 'app.refusal.notFound' });
  if (outcome.kind === 'badTransition')
    return fail(409, { error: 'refused', reason: 'app.refusal.badTransition' });
  if (outcome.kind === 'tooLong')
    return fail(400, { error: 'bad_request', reason: 'app.refusal.tooLong', field: 'text' });
  const view = deps.store.tickets.view(code);
  if (!view) return fail(404, { error: 'not_found', reason: 'app.refusal.notFound' });
  deps.logger.info({ code, action }, 'dashboard ticket action');
  return answer(ticketActionResponseSchema, {
    outcome: outcome.kind === 'done' ? 'done' : outcome.delivery,
    ticket: toDetail(view, { ...context, now: deps.now() }),
  });
}
