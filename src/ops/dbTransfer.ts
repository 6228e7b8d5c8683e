import { resolve } from 'node:path';
import { readEnvironment } from '../env.ts';
import { errorMessage } from '../errors.ts';
import { transfer } from './transfer.ts';

/** The command line of `npm run db:import -- <DATA_DIR>` and `npm run db:export -- <DIR>`. */
async function main(): Promise<void> {
  const [direction, folder] = process.argv.slice(2);
  if ((direction !== 'import' && direction !== 'export') || !folder) {
    throw new Error('usage: npm run db:import -- <DATA_DIR>  |  npm run db:export -- <DIR>');
  }
  const counts = await transfer(direction, resolve(folder), readEnvironment());
  const verb =
    direction === 'import'
      ? `Imported ${folder} into the database`
      : `Exported the database to ${folder}`;
  const lines = Object.entries(counts).map(([name, count]) => `  ${name}: ${count}`);
  process.stdout.write(`${verb}:\n${lines.join('\n')}\n`);
}

main().catch((error: unknown) => {
  process.stderr.write(`db transfer failed: ${errorMessage(error)}\n`);
  process.exit(1);
});
