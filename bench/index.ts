import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** `npm run bench`: runs every bench/*.ts in its own process, one after another. */
const here = dirname(fileURLToPath(import.meta.url));
const benches = readdirSync(here)
  .filter((name) => name.endsWith('.ts') && name !== 'index.ts')
  .sort();
const failed: string[] = [];
for (const name of benches) {
  console.log(`\n=== bench/${name} ===`);
  const result = spawnSync(process.execPath, ['--import', 'tsx', join(here, name)], {
    stdio: 'inherit',
  });
  if (result.status !== 0) failed.push(name);
}
console.log(
  failed.length === 0
    ? '\nAll benches ran; read each target line above.'
    : `\nFailed: ${failed.join(', ')}`,
);
if (failed.length > 0) process.exitCode = 1;
