import { subMonths } from 'date-fns';
import type { Logger } from 'pino';
import { type BackgroundService, timerService } from '../lifecycle.ts';
import type { TicketRepository } from '../store/index.ts';

const CHECK_EVERY_MS = 6 * 60 * 60 * 1000;

/**
 * Personal data is kept no longer than needed: RETENTION_MONTHS after a ticket closed, its
 * filer's identity, chat link, texts and attachments are erased; the figures stay.
 */
export function retentionService(options: {
  tickets: TicketRepository;
  months: number;
  now: () => Date;
  logger: Logger;
}): BackgroundService {
  return timerService({
    name: 'retention',
    runAtStart: true,
    next: () => CHECK_EVERY_MS,
    run: async () => {
      const codes = await options.tickets.eraseClosedBefore(
        subMonths(options.now(), options.months),
      );
      if (codes.length > 0)
        options.logger.info({ erased: codes.length }, 'ticket personal data erased');
    },
    logger: options.logger,
  });
}
