import { MESSAGE_METHODS } from './fakeBotApiMethods.ts';
import type { RecordedCall } from './fakeBotApiTypes.ts';

/** Successful calls that put or edited a message in this chat, in order. */
export function callsToChat(calls: readonly RecordedCall[], chatId: number): RecordedCall[] {
  return calls.filter(
    (call) =>
      call.status === 200 &&
      MESSAGE_METHODS.has(call.method) &&
      call.messages?.some((message) => message.chat.id === chatId),
  );
}

/** Text or caption of each message these calls put in the chat, as the user sees it. */
export function textsInChat(calls: readonly RecordedCall[], chatId: number): string[] {
  return callsToChat(calls, chatId).flatMap((call) =>
    (call.messages ?? [])
      .filter((message) => message.chat.id === chatId)
      .map((message) => message.text ?? message.caption)
      .filter((text): text is string => text !== undefined),
  );
}

/** One line per recent call (method, chat, status, text), for failure messages. */
export function describeCalls(calls: readonly RecordedCall[], last = 15): string {
  const lines = calls.slice(-last).map((call) => {
    const chat = call.payload.chat_id === undefined ? '' : ` chat=${String(call.payload.chat_id)}`;
    const text = call.payload.text ?? call.payload.caption;
    const shown = typeof text === 'string' ? ` ${JSON.stringify(text.slice(0, 80))}` : '';
    return `  ${call.method}${chat} → ${call.status}${shown}`;
  });
  return `Last ${lines.length} of ${calls.length} calls:\n${lines.join('\n')}`;
}
