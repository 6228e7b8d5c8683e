import { subMonths } from 'date-fns';
import type { Logger } from 'pino';
import type { BackgroundService } from '../bot/app.ts';
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
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<void> = Promise.resolve();
  const sweep = () => {
    running = options.tickets
      .eraseClosedBefore(subMonths(options.now(), options.months))
      .then((codes) => {
        if (codes.length > 0)
          options.logger.info({ erased: codes.length }, 'ticket personal data erased');
      })
      .catch((error: unknown) => options.logger.error({ err: error }, 'retention sweep failed'));
  };
  return {
    name: 'retention',
    start() {
      sweep();
      timer = setInterval(sweep, CHECK_EVERY_MS);
      timer.unref();
    },
    async stop() {
      if (timer) clearInterval(timer);
      await running;
    },
  };
}
