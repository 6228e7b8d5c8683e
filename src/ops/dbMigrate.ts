import { loadConfig } from '../config.ts';
import { readEnvironment } from '../env.ts';
import { errorMessage } from '../errors.ts';
import { createPool } from '../store/pg/db.ts';
import { migrate } from '../store/pg/migrate.ts';

/**
 * `npm run db:migrate`: brings the PostgreSQL schema at DATABASE_URL up to date and stops.
 * The bot does the same at start; this lets an operator migrate before starting instances.
 */
async function main(): Promise<void> {
  const env = readEnvironment();
  const config = loadConfig({
    ...env,
    BOT_TOKEN: env.BOT_TOKEN || '0:migrate-needs-no-token-xxxxxx',
  });
  if (!config.DATABASE_URL) throw new Error('DATABASE_URL is not set');
  const pool = createPool(config.DATABASE_URL, { max: 1, applicationName: 'kcn-db-migrate' });
  try {
    const result = await migrate(pool);
    const applied = result.applied.length
      ? `applied ${result.applied.map((v) => String(v).padStart(3, '0')).join(', ')}`
      : 'nothing to apply';
    process.stdout.write(`Database schema at version ${result.version} (${applied})\n`);
  } finally {
    await pool.end();
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`Migration failed: ${errorMessage(error)}\n`);
  process.exit(1);
});
