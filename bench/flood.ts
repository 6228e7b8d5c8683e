import { rm } from 'node:fs/promises';
import { makeTempDataDir, startBotProcess } from '../test/support/botProcess.ts';
import { DEFAULT_TOKEN, FakeBotApi } from '../test/support/fakeBotApi.ts';

/**
 * Reply latency of the real bot process (`npm start` against the loopback fake Bot API): for a
 * first /start, and for another user asking /help once a second while one user floods 1,000
 * messages a second for 10 s. Targets: /start answered within 2 s, every reply under the flood
 * within 1 s. The end-to-end tests check the behaviour; the figures live here. Run with
 * `npm run bench:flood`.
 */

const FLOOD_PER_SECOND = 1000;
const FLOOD_SECONDS = 10;
const START_TARGET_MS = 2000;
const FLOOD_TARGET_MS = 1000;

const dataDir = await makeTempDataDir();
const api = await FakeBotApi.start();
const bot = startBotProcess({
  env: {
    BOT_TOKEN: DEFAULT_TOKEN,
    TELEGRAM_API_ROOT: api.apiRoot,
    DATA_DIR: dataDir,
    LOG_LEVEL: 'warn',
  },
});
try {
  await api.waitUntilPolling({ timeoutMs: 30_000 });
  const first = { id: 501, first_name: 'Lan', language_code: 'vi' };
  const askedAt = Date.now();
  api.sendText(first, '/start');
  await api.waitFor(() => api.textsTo(first.id).length > 0, { timeoutMs: 10_000 });
  const startMs = Date.now() - askedAt;

  const flooder = { id: 901, first_name: 'Script', language_code: 'vi' };
  const person = { id: 902, first_name: 'Người', language_code: 'vi' };
  let sent = 0;
  const started = Date.now();
  const total = FLOOD_PER_SECOND * FLOOD_SECONDS;
  const flood = setInterval(() => {
    const target = Math.min(total, Math.floor(((Date.now() - started) * FLOOD_PER_SECOND) / 1000));
    for (; sent < target; sent += 1) api.sendText(flooder, `spam ${sent}`);
  }, 10);
  const latencies: number[] = [];
  try {
    for (let second = 0; second < FLOOD_SECONDS; second += 1) {
      await new Promise((resolve) =>
        setTimeout(resolve, started + second * 1000 + 500 - Date.now()),
      );
      const before = api.textsTo(person.id).length;
      const asked = Date.now();
      api.sendText(person, '/help');
      await api.waitFor(() => api.textsTo(person.id).length > before, { timeoutMs: 10_000 });
      latencies.push(Date.now() - asked);
    }
  } finally {
    clearInterval(flood);
  }
  const sorted = [...latencies].sort((a, b) => a - b);
  const verdict = (ms: number, target: number) => (ms < target ? 'OK' : 'MISSED');
  console.log(
    `first /start answered in ${startMs} ms — target < ${START_TARGET_MS} ms: ${verdict(startMs, START_TARGET_MS)}`,
  );
  console.log(
    `flood of ${sent} messages in ${FLOOD_SECONDS} s: other user's replies p50 ${sorted[Math.floor(sorted.length / 2)]} ms, max ${sorted.at(-1)} ms — target < ${FLOOD_TARGET_MS} ms: ${verdict(sorted.at(-1) ?? Number.POSITIVE_INFINITY, FLOOD_TARGET_MS)}`,
  );
  console.log(`messages the flooder got back: ${api.textsTo(flooder.id).length}`);
} finally {
  await bot.stop('SIGTERM');
  await api.stop();
  await rm(dataDir, { recursive: true, force: true });
}
