import { existsSync, readFileSync } from 'node:fs';
import { parseEnv } from 'node:util';

/** The process environment over `.env` (when present): real variables win, as operators expect. */
export function readEnvironment(file = '.env'): Record<string, string | undefined> {
  const fromFile = existsSync(file) ? parseEnv(readFileSync(file, 'utf8')) : {};
  return { ...fromFile, ...process.env };
}
