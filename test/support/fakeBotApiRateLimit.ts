const WINDOW_MS = 1000;

/** Limits in messages per second, as Telegram applies them to sending methods. */
export interface RateLimit {
  global: number;
  perChat: number;
}

/** Sliding one-second windows: one across all chats and one per chat. */
export class RateLimiter {
  private globalSends: number[] = [];
  private readonly chatSends = new Map<number, number[]>();

  constructor(private readonly limit: RateLimit) {}

  /**
   * Admits one sending call to `chatId` at `now` (ms), or returns the `retry_after` in whole
   * seconds (at least 1) that Telegram would answer with 429. A media group counts as one.
   */
  admit(chatId: number, now: number): number | undefined {
    const recent = (times: number[]): number[] => times.filter((at) => at > now - WINDOW_MS);
    this.globalSends = recent(this.globalSends);
    const chatSends = recent(this.chatSends.get(chatId) ?? []);
    this.chatSends.set(chatId, chatSends);
    const overGlobal = this.globalSends.length >= this.limit.global;
    const overChat = chatSends.length >= this.limit.perChat;
    if (overGlobal || overChat) {
      const oldest = (overChat ? chatSends[0] : this.globalSends[0]) ?? now;
      return Math.max(1, Math.ceil((oldest + WINDOW_MS - now) / 1000));
    }
    this.globalSends.push(now);
    chatSends.push(now);
    return undefined;
  }
}
