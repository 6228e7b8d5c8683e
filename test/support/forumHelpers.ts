import type { FakeBotApi, FakeButton, FakeMessage, FakeUser } from './fakeBotApi.ts';

/** The message as the chat shows it now: the latest snapshot of each bot message id. */
function latest(fake: FakeBotApi, chatId: number): Map<number, FakeMessage> {
  const byId = new Map<number, FakeMessage>();
  for (const call of fake.sentTo(chatId)) {
    for (const message of call.messages ?? []) {
      if (message.chat.id === chatId) byId.set(message.message_id, message);
    }
  }
  return byId;
}

/** The newest bot message in this chat (and topic, when given) whose keyboard has `label`. */
export function findButton(
  fake: FakeBotApi,
  chatId: number,
  label: RegExp,
  threadId?: number,
): { message: FakeMessage; button: FakeButton } | undefined {
  const messages = [...latest(fake, chatId).values()].reverse();
  for (const message of messages) {
    if (threadId !== undefined && message.message_thread_id !== threadId) continue;
    const button = fake.buttonsOf(message).find((candidate) => label.test(candidate.text));
    if (button?.data) return { message, button };
  }
  return undefined;
}

/** Presses the button labelled `label` that the bot sent into this chat or topic. */
export function pressIn(
  fake: FakeBotApi,
  user: FakeUser,
  chatId: number,
  label: RegExp,
  threadId?: number,
): void {
  const found = findButton(fake, chatId, label, threadId);
  if (!found?.button.data) throw new Error(`no button ${label} in chat ${chatId}`);
  fake.pressButton(user, found.message, found.button.data);
}

/** Messages the bot put into one topic, in the order they were sent (snapshots). */
export function messagesInThread(
  fake: FakeBotApi,
  chatId: number,
  threadId: number,
): FakeMessage[] {
  return fake
    .sentTo(chatId)
    .flatMap((call) => call.messages ?? [])
    .filter((message) => message.chat.id === chatId && message.message_thread_id === threadId);
}

/** Texts (or captions) the bot put into one topic, as they read now. */
export function threadTexts(fake: FakeBotApi, chatId: number, threadId: number): string[] {
  return [...latest(fake, chatId).values()]
    .filter((message) => message.message_thread_id === threadId)
    .map((message) => message.text ?? message.caption ?? '');
}
