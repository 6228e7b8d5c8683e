import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sessionSchema } from '../src/bot/session.ts';
import { openStore } from '../src/store/index.ts';
import { fillDataDir } from './scale/fill.ts';

const dir = process.argv[2] ?? (await mkdtemp(join(tmpdir(), 'mem-')));
if (!process.argv[2]) {
  await fillDataDir(dir, { users: 300000, reminders: 100000 });
  console.log(dir);
  process.exit(0);
}
const mb = () => {
  const m = process.memoryUsage();
  return `rss ${(m.rss / 1e6) | 0} heap ${(m.heapUsed / 1e6) | 0}`;
};
console.log('before', mb());
const t = performance.now();
const c0 = process.cpuUsage();
const store = await openStore({ dataDir: dir, sessionSchema });
console.log(
  'open',
  (performance.now() - t) | 0,
  'ms wall',
  ((process.cpuUsage(c0).user + process.cpuUsage(c0).system) / 1000) | 0,
  'ms cpu',
  mb(),
);
(globalThis as { gc?: () => void }).gc?.();
console.log('after gc', mb());
store.notices.recipients?.(['all']);
(globalThis as { gc?: () => void }).gc?.();
console.log('after index use', mb());
