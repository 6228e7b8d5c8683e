import { Composer } from 'telegraf';
import { retentionService } from '../../../ops/retention.ts';
import type { BotContext } from '../../context.ts';
import { officerOnly } from '../../officerGuard.ts';
import type { Feature, FeatureDeps, FeatureParts } from '../feature.ts';
import { ticketDialogueSchemas } from './dialogues.ts';
import { ticketDigestServices } from './digest.ts';
import type { TicketEnv } from './env.ts';
import { figuresComposer } from './figures.ts';
import { filerComposer } from './filer.ts';
import { filingComposer } from './filing.ts';
import { filingStep } from './filingStep.ts';
import { myTicketsComposer } from './mytickets.ts';
import { officerComposer } from './officer.ts';
import { officerReplyComposer, officerReplySteps } from './officerReply.ts';
import { threadComposer, threadSteps } from './thread.ts';

export type { TicketEnv } from './env.ts';

type TicketsDeps = Pick<FeatureDeps, 'config' | 'parks' | 'telegram' | 'logger' | 'now'> & {
  store: Pick<FeatureDeps['store'], 'tickets' | 'users'>;
};

/**
 * Confidential complaints (workers) and support requests (enterprises): filing, the officers'
 * handling, the filer's follow-up, figures and export.
 */
export const ticketsFeature: Feature<TicketsDeps> = {
  name: 'tickets',
  dialogues: ticketDialogueSchemas,
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
  };
  const composer = new Composer<BotContext>();
  composer.use(
    officerOnly(
      {
        commands: ['tickets', 'ticket', 'reply', 'ask', 'stats', 'export'],
        callbacks: [/^tk:/, /^tko:/, /^tl:/],
      },
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
    steps: [...officerReplySteps(env), filingStep(env), ...threadSteps(env)],
    services: [
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
    ],
    menu: [
      { label: 'menu.complaint', data: 'menu:complaint', audience: 'worker' },
      { label: 'menu.request', data: 'menu:request', audience: 'enterprise' },
      { label: 'menu.officerOpen', data: 'tl:open:0', audience: 'officer' },
      { label: 'menu.officerOverdue', data: 'tl:overdue:0', audience: 'officer' },
    ],
  };
}
