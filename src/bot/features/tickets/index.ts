import { Composer } from 'telegraf';
import { retentionService } from '../../../ops/retention.ts';
import { MENU, OFFICER_PREVIEW, OFFICER_TICKET, TICKET_LIST } from '../../callbackData.ts';
import type { BotContext } from '../../context.ts';
import { officerOnly } from '../../officerGuard.ts';
import { deskDialogueSchemas } from '../desk/faqDialogue.ts';
import { createDesk } from '../desk/index.ts';
import type { Feature, FeatureDeps, FeatureParts } from '../feature.ts';
import { workingCalendar } from './calendar.ts';
import { ticketDialogueSchemas } from './dialogues.ts';
import { ticketDigestServices } from './digest.ts';
import type { TicketEnv } from './env.ts';
import { figuresComposer } from './figures.ts';
import { filerComposer } from './filer.ts';
import { filingComposer } from './filing.ts';
import { filingStep } from './filingStep.ts';
import { myTicketsComposer } from './mytickets.ts';
import { ticketNoticeService } from './noticeOutbox.ts';
import { officerComposer } from './officer.ts';
import { officerReplyComposer, officerReplySteps } from './officerReply.ts';
import { threadComposer, threadSteps } from './thread.ts';

export type { TicketEnv } from './env.ts';

type TicketsDeps = Pick<
  FeatureDeps,
  'config' | 'parks' | 'telegram' | 'logger' | 'now' | 'knowledge' | 'layer'
> & {
  store: Pick<FeatureDeps['store'], 'tickets' | 'users' | 'desk' | 'feedback'>;
};

/**
 * Confidential complaints (workers) and support requests (enterprises): filing, the officers'
 * handling, the filer's follow-up, figures and export.
 */
export const ticketsFeature: Feature<TicketsDeps> = {
  name: 'tickets',
  dialogues: [...ticketDialogueSchemas, ...deskDialogueSchemas],
  create: ticketsParts,
};

function ticketsParts(deps: TicketsDeps): FeatureParts {
  const env: TicketEnv = {
    config: deps.config,
    tickets: deps.store.tickets,
    users: deps.store.users,
    parks: deps.parks,
    telegram: deps.telegram,
    logger: deps.logger,
    now: deps.now,
    calendar: workingCalendar(deps.config),
    wakeOutbox: () => undefined,
  };
  const notices = ticketNoticeService(env);
  env.wakeOutbox = notices.wake;
  // The officers' desk (features/desk) serves this feature: built here, it sees every ticket
  // change through the repository, so topic names and states follow the ticket.
  const desk = createDesk(env, {
    deskStore: deps.store.desk,
    knowledge: deps.knowledge,
    feedback: deps.store.feedback,
    layer: deps.layer,
  });
  env.tickets = withDeskSync(env.tickets, desk.port.sync);
  desk.env.tickets = env.tickets;
  env.desk = desk.port;
  const composer = new Composer<BotContext>();
  composer.use(
    desk.topicComposer,
    officerOnly(
      {
        commands: [
          'tickets',
          'ticket',
          'reply',
          'ask',
          'stats',
          'export',
          ...desk.surface.commands,
        ],
        callbacks: [
          OFFICER_TICKET.pattern,
          OFFICER_PREVIEW.pattern,
          TICKET_LIST.pattern,
          ...desk.surface.callbacks,
        ],
      },
      desk.officerComposer,
      officerReplyComposer(env),
      officerComposer(env),
      figuresComposer(env),
    ),
    filingComposer(env),
    myTicketsComposer(env),
    filerComposer(env),
    threadComposer(env),
  );
  return {
    composer,
    officerDesk: desk.env,
    steps: [...officerReplySteps(env), filingStep(env), ...threadSteps(env), ...desk.steps],
    services: [
      notices.service,
      ...desk.services,
      ...ticketDigestServices(env),
      retentionService({
        tickets: env.tickets,
        months: env.config.RETENTION_MONTHS,
        now: env.now,
        logger: env.logger,
      }),
    ],
    commands: [
      { command: 'complaint', description: 'cmd.complaint', audience: 'worker' },
      { command: 'request', description: 'cmd.request', audience: 'enterprise' },
      { command: 'mytickets', description: 'cmd.mytickets', audience: 'everyone' },
      { command: 'tickets', description: 'cmd.tickets', audience: 'officer' },
      { command: 'ticket', description: 'cmd.ticket', audience: 'officer' },
      { command: 'reply', description: 'cmd.reply', audience: 'officer' },
      { command: 'ask', description: 'cmd.ask', audience: 'officer' },
      { command: 'stats', description: 'cmd.stats', audience: 'officer' },
      { command: 'export', description: 'cmd.export', audience: 'officer' },
      ...desk.commands,
    ],
    menu: [
      { label: 'menu.complaint', data: MENU.build('complaint'), audience: 'worker' },
      { label: 'menu.request', data: MENU.build('request'), audience: 'enterprise' },
      { label: 'menu.officerOpen', data: TICKET_LIST.build('open', 0), audience: 'officer' },
      { label: 'menu.officerOverdue', data: TICKET_LIST.build('overdue', 0), audience: 'officer' },
    ],
  };
}

/** The repository, with the desk told of every change that can alter a ticket's topic. */
function withDeskSync(
  tickets: TicketEnv['tickets'],
  sync: (code: string) => Promise<void>,
): TicketEnv['tickets'] {
  const after = async <T extends { code: string }>(result: Promise<T>): Promise<T> => {
    const ticket = await result;
    await sync(ticket.code);
    return ticket;
  };
  // Every argument passes on: the idempotency key and the notices ride in the last one.
  const overrides: Partial<TicketEnv['tickets']> = {
    transition: (...args) => after(tickets.transition(...args)),
    take: (...args) => after(tickets.take(...args)),
    respond: (...args) => after(tickets.respond(...args)),
    assign: (...args) => after(tickets.assign(...args)),
    async autoClose(...args) {
      const codes = await tickets.autoClose(...args);
      for (const code of codes) await sync(code);
      return codes;
    },
  };
  // A proxy rather than a copy, so whatever else the repository offers (now or later) passes on.
  return new Proxy(tickets, {
    get(target, property) {
      if (typeof property === 'string' && Object.hasOwn(overrides, property)) {
        return overrides[property as keyof typeof overrides];
      }
      const value: unknown = Reflect.get(target, property);
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });
}
