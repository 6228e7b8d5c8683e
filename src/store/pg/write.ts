import pg from 'pg';
import type { z } from 'zod';
import { firstProblem, StoreUnavailableError, StoreValidationError } from '../envelope.ts';
import { withTransaction } from './db.ts';

/**
 * One change, committed whole or not at all. A failure of the database itself (connection lost,
 * server gone, a constraint) becomes StoreUnavailableError, which the bot tells as "not saved,
 * send it again"; the repositories' own errors (a refused transition) pass through unchanged.
 */
export async function commit<T>(
  pool: pg.Pool,
  work: (client: pg.PoolClient) => Promise<T>,
): Promise<T> {
  try {
    return await withTransaction(pool, work);
  } catch (error) {
    throw isDatabaseFailure(error) ? new StoreUnavailableError(error) : error;
  }
}

function isDatabaseFailure(error: unknown): boolean {
  if (error instanceof pg.DatabaseError) return true;
  if (!(error instanceof Error)) return false;
  const code = (error as NodeJS.ErrnoException).code;
  if (typeof code === 'string' && /^E[A-Z]+$/.test(code)) return true;
  return /Connection terminated|timeout exceeded when trying to connect|Client has encountered a connection error/.test(
    error.message,
  );
}

/**
 * Checks a record against the schema the lowdb store and `db:import` check it with, so the two
 * backends refuse the same changes (StoreValidationError, nothing written).
 */
export function checked<T>(table: string, schema: z.ZodType<T>, record: unknown): T {
  const parsed = schema.safeParse(record);
  if (!parsed.success) throw new StoreValidationError(table, firstProblem(parsed.error, table));
  return parsed.data;
}
