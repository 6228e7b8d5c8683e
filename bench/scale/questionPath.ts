import { UpdateBuilder } from '../../src/console/updates.ts';
import { BotHarness } from '../../test/support/botHarness.ts';

/**
 * The question path alone, in one process: the real bot (createBot, the store on a temporary
 * folder) with a recording transport instead of HTTP, so what is measured is the bot's own cost
 * per update. `tsx bench/scale/questionPath.ts [questions]`; run it under `node --cpu-prof`.
 */
const COUNT = Number(process.argv[2] ?? 20_000);
const AT_ONCE = 200;
const QUESTION = 'Thủ tục xin giấy phép lao động cho người nước ngoài ở KCN thế nào?';
const harness = await BotHarness.create({
  env: { FLOOD_MESSAGES_PER_MINUTE: '100000', FLOOD_BURST: '100000' },
});
const updates = new UpdateBuilder();
const users = Array.from({ length: 2000 }, (_, i) => ({
  id: 5_000_000 + i,
  is_bot: false,
  first_name: `Người ${i}`,
  language_code: 'en',
}));
for (const user of users) await harness.app.bot.handleUpdate(updates.text(user, '/start'));
let next = 0;
const cpuBefore = process.cpuUsage();
const began = performance.now();
await Promise.all(
  Array.from({ length: AT_ONCE }, async () => {
    while (next < COUNT) {
      const user = users[next % users.length];
      next += 1;
      if (user) await harness.app.bot.handleUpdate(updates.text(user, QUESTION));
    }
  }),
);
const seconds = (performance.now() - began) / 1000;
const cpu = process.cpuUsage(cpuBefore);
console.log(
  `${COUNT} questions: ${(COUNT / seconds).toFixed(0)}/s, ${((cpu.user + cpu.system) / COUNT / 1000).toFixed(3)} ms CPU each, ${harness.calls.length} calls`,
);
await harness.close();
await harness.store.close();
process.exit(0);
