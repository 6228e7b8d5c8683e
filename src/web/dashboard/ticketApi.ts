import { createHash } from 'node:crypto';
import { assignTicket } from '../../bot/features/desk/assign.ts';
import { holdReply, undoRelay } from '../../bot/features/desk/relay.ts';
import { carryOutOfficerAction, takeTicketAs } from '../../bot/features/tickets/officerService.ts';
import type { Relay } from '../../store/index.ts';
import type { Remembered } from './actionLog.ts';
import type { ApiAnswer, ApiRequest, DashboardDeps } from './apiTypes.ts';
import {
  type ErrorResponse,
  relayViewSchema,
  type TicketActionResponse,
  ticketActionRequestSchema,
  ticketActionResponseSchema,
} from './schemas.ts';
import { toDetail, type ViewContext } from './views.ts';

const fail = (status: number, error: ErrorResponse): ApiAnswer => ({ status, json: error });
const notFound = () => fail(404, { error: 'not_found', reason: 'app.refusal.notFound' });

/** What a ticket action remembers under its idempotency key: the outcome, never the ticket. */
export interface ActionMemory {
  outcome: TicketActionResponse['outcome'];
  relayId?: string;
}

const relayView = (relay: Relay) =>
  relayViewSchema.parse({ id: relay.id, state: relay.state, dueAt: relay.dueAt });

/** The answer to an action, built from the ticket as it is now (also when a retry replays it). */
export function actionAnswer(
  deps: DashboardDeps,
  code: string,
  context: ViewContext,
  memory: ActionMemory,
): ApiAnswer {
  const view = deps.desk.tickets.view(code);
  if (!view) return notFound();
  const relay =
    memory.relayId === undefined ? undefined : deps.desk.deskStore.relay(memory.relayId);
  return {
    status: 200,
    json: ticketActionResponseSchema.parse({
      outcome: memory.outcome,
      ticket: toDetail(view, { ...context, now: deps.now() }),
      ...(relay ? { relay: relayView(relay) } : {}),
    }),
  };
}

/**
 * A relay id from the officer's idempotency key: a retried reply finds the relay the first try
 * held (durable in the desk's file) instead of holding a second one.
 */
function relayIdFor(
  deps: DashboardDeps,
  officerId: number,
  key: string,
  code: string,
  text: string,
) {
  const id = createHash('sha256').update(`${officerId}:${key}`).digest('hex').slice(0, 8);
  const existing = deps.desk.deskStore.relay(id);
  const same =
    existing?.code === code && existing.officerId === officerId && existing.text === text;
  return existing === undefined || same ? id : undefined;
}

/**
 * One officer action on a ticket, through the tickets feature's own handling (the repository
 * with the desk's topic sync and the ticket outbox): take, assign, reply (held for the desk's undo
 * window, the relay the chat uses), ask, resolve, reject. `key` is the request's idempotency key.
 */
export async function actOnTicket(
  deps: DashboardDeps,
  request: ApiRequest,
  code: string,
  context: ViewContext,
  key: string,
): Promise<Remembered<ActionMemory>> {
  const parsed = ticketActionRequestSchema.safeParse(request.body);
  if (!parsed.success) {
    const field = String(parsed.error.issues[0]?.path[0] ?? '');
    return { answer: fail(400, { error: 'bad_request', reason: 'app.error', field }) };
  }
  const { action, text, to } = parsed.data;
  if (action !== 'take' && action !== 'assign' && text === '')
    return {
      answer: fail(400, { error: 'bad_request', reason: 'app.action.needText', field: 'text' }),
    };
  const env = deps.desk;
  const officerId = request.officer.id;
  const done = (memory: ActionMemory) => ({
    answer: actionAnswer(deps, code, context, memory),
    memory,
  });
  if (action === 'assign') {
    if (to === undefined)
      return { answer: fail(400, { error: 'bad_request', reason: 'app.error', field: 'to' }) };
    const assigned = await assignTicket(env, code, to, officerId);
    if (assigned === 'notOfficer')
      return {
        answer: fail(400, { error: 'bad_request', reason: 'app.refusal.notOfficer', field: 'to' }),
      };
    if (assigned === 'closed') {
      if (!env.tickets.get(code)) return { answer: notFound() };
      return { answer: fail(409, { error: 'refused', reason: 'app.refusal.badTransition' }) };
    }
    // 'same': the ticket already has that owner, so there is nothing to change.
    if (assigned === 'assigned') deps.logger.info({ code, action }, 'dashboard ticket action');
    return done({ outcome: 'done' });
  }
  if (action === 'reply') {
    const id = relayIdFor(deps, officerId, key, code, text);
    const held = await holdReply(env, {
      code,
      officerId,
      kind: 'text',
      text,
      ...(id === undefined ? {} : { id }),
    });
    if (held.kind === 'notFound') return { answer: notFound() };
    if (held.kind === 'tooLong')
      return {
        answer: fail(400, { error: 'bad_request', reason: 'app.refusal.tooLong', field: 'text' }),
      };
    if (held.kind === 'erased') return done({ outcome: 'erased' });
    deps.logger.info({ code, action }, 'dashboard reply held for the undo window');
    return done({ outcome: 'held', relayId: held.relay.id });
  }
  const changeKey = `app:${officerId}:${key}`;
  const outcome =
    action === 'take'
      ? await takeTicketAs(env, officerId, code, changeKey)
      : await carryOutOfficerAction(env, officerId, action, code, text, changeKey);
  if (outcome.kind === 'notFound') return { answer: notFound() };
  if (outcome.kind === 'badTransition')
    return { answer: fail(409, { error: 'refused', reason: 'app.refusal.badTransition' }) };
  if (outcome.kind === 'tooLong')
    return {
      answer: fail(400, { error: 'bad_request', reason: 'app.refusal.tooLong', field: 'text' }),
    };
  deps.logger.info({ code, action }, 'dashboard ticket action');
  return done({ outcome: outcome.kind === 'done' ? 'done' : outcome.delivery });
}

/** The officer's own relay (a reply in its undo window): its state, or undo it. */
export async function routeRelay(
  deps: DashboardDeps,
  request: ApiRequest,
  id: string,
  undo: boolean,
): Promise<Remembered<{ undone: true }>> {
  const relay = deps.desk.deskStore.relay(id);
  // Another officer's relay is as unknown as a missing one.
  if (!relay || relay.officerId !== request.officer.id)
    return { answer: fail(404, { error: 'not_found', reason: 'app.error' }) };
  if (!undo) return { answer: { status: 200, json: relayView(relay) } };
  if (!(await undoRelay(deps.desk, id)) && deps.desk.deskStore.relay(id)?.state !== 'undone')
    return { answer: fail(409, { error: 'refused', reason: 'app.relay.tooLate' }) };
  const now = deps.desk.deskStore.relay(id) ?? relay;
  return { answer: { status: 200, json: relayView(now) }, memory: { undone: true } };
}
