import { TZDate } from '@date-fns/tz';
import { addDays, set } from 'date-fns';
import type { Logger } from 'pino';
import { type BackgroundService, timerService } from '../lifecycle.ts';
import { createBackup, pruneBackups } from '../store/backup.ts';

/** The next `hour`:00 in `timeZone` strictly after `after`. */
export function nextBackupTime(after: Date, hour: number, timeZone: string): Date {
  const local = new TZDate(after.getTime(), timeZone);
  let candidate = set(local, { hours: hour, minutes: 0, seconds: 0, milliseconds: 0 });
  if (candidate.getTime() <= after.getTime()) candidate = addDays(candidate, 1);
  return new Date(candidate.getTime());
}

export interface DailyBackupOptions {
  dataDir: string;
  backupDir: string;
  keep: number;
  hour: number;
  timeZone: string;
  /** BACKUP_KEY, which signs each manifest. */
  key?: string | undefined;
  /** Makes every change so far durable before the copy. */
  flush: () => Promise<void>;
  logger: Logger;
}

/** A backup every day at BACKUP_HOUR local time, keeping the last BACKUP_KEEP. */
export function dailyBackupService(options: DailyBackupOptions): BackgroundService {
  return timerService({
    name: 'daily-backup',
    next: () => nextBackupTime(new Date(), options.hour, options.timeZone).getTime() - Date.now(),
    run: async () => {
      await options.flush();
      const path = await createBackup(options.dataDir, options.backupDir, new Date(), {
        ...(options.key ? { key: options.key } : {}),
      });
      const pruned = await pruneBackups(options.backupDir, options.keep);
      options.logger.info({ path, pruned: pruned.length }, 'daily backup written');
    },
    logger: options.logger,
  });
}
