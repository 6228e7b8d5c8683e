import { Composer } from 'telegraf';
import type { BotContext } from '../../context.ts';
import type { Feature } from '../feature.ts';
import type { TicketEnv } from './env.ts';
import { figuresComposer } from './figures.ts';
import { filerComposer } from './filer.ts';
import { filingComposer } from './filing.ts';
import { officerComposer } from './officer.ts';

export { ticketDigestService } from './digest.ts';
export type { TicketEnv } from './env.ts';
export { loadParks, ParksFileError } from './parks.ts';

/**
 * Confidential complaints (workers) and support requests (enterprises): filing, the officers'
 * handling, the filer's follow-up, figures and export.
 */
export function ticketsFeature(env: TicketEnv): Feature {
  const composer = new Composer<BotContext>();
  composer.use(filingComposer(env), officerComposer(env), filerComposer(env), figuresComposer(env));
  return {
    name: 'tickets',
    composer,
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
    ],
  };
}
