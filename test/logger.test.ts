import { Writable } from 'node:stream';
import { TelegramError } from 'telegraf';
import { describe, expect, it } from 'vitest';
import { createLogger } from '../src/logger.ts';

describe('logger', () => {
  it('logs a Telegram error without the chat id or text of the request that failed', () => {
    const lines: string[] = [];
    const sink = new Writable({
      write(chunk, _encoding, done) {
        lines.push(String(chunk));
        done();
      },
    });
    const logger = createLogger('info', sink);
    const error = new TelegramError(
      { error_code: 400, description: "Bad Request: can't parse entities" },
      { method: 'sendMessage', payload: { chat_id: 987654321, text: 'lương tôi bị nợ 3 tháng' } },
    );
    logger.error({ err: error }, 'handler failed');
    const line = lines.join('');
    expect(line).toContain("can't parse entities");
    expect(line).toContain('sendMessage');
    expect(line).not.toContain('987654321');
    expect(line).not.toContain('lương');
  });
});
