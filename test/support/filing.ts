import { BotHarness } from './botHarness.ts';
import type { Conversation } from './conversation.ts';

/** Files an anonymous wage complaint as a worker would, pressing the buttons shown; returns its code. */
export async function fileComplaint(worker: Conversation, description: string): Promise<string> {
  await worker.say('/complaint');
  await worker.press('Tiền lương');
  await worker.press('Khác / không rõ');
  await worker.press('Bỏ qua');
  await worker.press('Bỏ qua');
  await worker.say(description);
  await worker.press('Xong');
  await worker.press('Ẩn danh');
  const calls = await worker.press('Gửi');
  const filed = BotHarness.texts(calls, worker.user.id).join('\n');
  const code = /#((?:KN|HT)-\d{4})/.exec(filed)?.[1];
  if (!code) throw new Error(`no code in ${filed}`);
  return code;
}
