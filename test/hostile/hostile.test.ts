import fc from 'fast-check';
import { pino } from 'pino';
import type { Update } from 'telegraf/types';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sessionSchema } from '../../src/bot/session.ts';
import { openStore } from '../../src/store/index.ts';
import { BotHarness, type HarnessCall, OFFICER } from '../support/botHarness.ts';
import { validateText } from '../support/fakeBotApiHtml.ts';
import { validateReplyMarkup } from '../support/fakeBotApiMarkup.ts';
import {
  callbackData,
  commandTextOf,
  hostileText,
  MALFORMED_SENDERS,
  SENDERS,
  UNLISTED_COMMANDS,
} from './arbitraries.ts';

const FILER = {
  userId: 314_159_265,
  chatId: 314_159_265,
  name: 'Bí Mật Tên Thật',
  username: 'whistleblower_42',
};
const SENT_TEXT = new Set(['sendMessage', 'editMessageText']);
const SENT_CAPTION = new Set(['sendPhoto', 'sendDocument', 'editMessageCaption', 'copyMessage']);

const errors: string[] = [];
const logger = pino(
  { level: 'warn' },
  { write: (line: string) => void (JSON.parse(line).level >= 50 && errors.push(line)) },
);
let harness: BotHarness;
let nextId = 10_000;

beforeAll(async () => {
  // Flood control would drop most of these updates unseen; this suite wants every handler to run.
  const unlimited = {
    FLOOD_BURST: '1000000',
    FLOOD_MESSAGES_PER_MINUTE: '1000000',
    FLOOD_BUTTONS_PER_MINUTE: '1000000',
  };
  harness = await BotHarness.create({ env: unlimited, logger });
  await harness.store.tickets.create({
    type: 'complaint',
    category: 'wages',
    parkId: null,
    company: null,
    description: 'Lương chậm <b>3 tháng</b> & bị đe doạ',
    attachments: [{ kind: 'photo', fileId: 'file-of-the-whistleblower' }],
    anonymous: true,
    filer: FILER,
  });
});
afterAll(() => harness.close());

type Sender = { id: number; is_bot: boolean; first_name?: string };
const chatOf = (kind: string, user: Sender) => {
  if (kind === 'group') return { id: -100_123, type: 'supergroup' as const, title: 'Nhóm' };
  if (kind === 'channel') return { id: -100_456, type: 'channel' as const, title: 'Kênh' };
  return { id: user.id, type: 'private' as const, first_name: user.first_name };
};

/** Any update Telegram might deliver, including ones with fields missing; `commands` are tried. */
const updateOf = (commands: readonly string[]) =>
  fc
    .tuple(
      fc.constantFrom<Sender>(...SENDERS, ...MALFORMED_SENDERS),
      fc.constantFrom('private', 'private', 'private', 'group', 'channel'),
      fc.oneof(
        hostileText.map((text) => ({ kind: 'text' as const, text })),
        commandTextOf(commands).map((text) => ({ kind: 'text' as const, text })),
        callbackData.map((data) => ({ kind: 'button' as const, data })),
        hostileText.map((text) => ({ kind: 'edited' as const, text })),
        fc.constant({ kind: 'photo' as const }),
        fc.constant({ kind: 'bare' as const }),
        hostileText.map((text) => ({ kind: 'channelPost' as const, text })),
        fc.constant({ kind: 'buttonWithoutMessage' as const, data: 'menu:help' }),
      ),
    )
    .map(([user, chatKind, content]): Update => {
      const update_id = nextId++;
      const chat = chatOf(chatKind, user);
      const base = { message_id: nextId, date: 1_790_000_000, chat, from: user };
      const entities = (text: string) =>
        text.startsWith('/')
          ? [{ type: 'bot_command', offset: 0, length: text.split(' ')[0]?.length ?? 1 }]
          : [];
      switch (content.kind) {
        case 'text':
          return {
            update_id,
            message: { ...base, text: content.text, entities: entities(content.text) },
          } as Update;
        case 'edited':
          return {
            update_id,
            edited_message: { ...base, edit_date: 1_790_000_100, text: content.text },
          } as Update;
        case 'photo':
          return {
            update_id,
            message: {
              ...base,
              photo: [{ file_id: 'p', file_unique_id: 'p', width: 1, height: 1 }],
            },
          } as Update;
        case 'bare':
          return {
            update_id,
            message: { message_id: nextId, date: 1_790_000_000, chat },
          } as unknown as Update;
        case 'channelPost':
          return {
            update_id,
            channel_post: {
              message_id: nextId,
              date: 1,
              chat: chatOf('channel', user),
              text: content.text,
            },
          } as Update;
        case 'buttonWithoutMessage':
          return {
            update_id,
            callback_query: {
              id: String(update_id),
              from: user,
              chat_instance: 'x',
              data: content.data,
            },
          } as Update;
        default:
          return {
            update_id,
            callback_query: {
              id: String(update_id),
              from: user,
              chat_instance: 'x',
              data: content.data,
              message: {
                ...base,
                from: { id: 1, is_bot: true, first_name: 'KCN' },
                text: 'earlier',
              },
            },
          } as Update;
      }
    });

/** Throws the way the Bot API would refuse the call, or returns normally. */
function assertTelegramAccepts(call: HarnessCall): void {
  const { method, payload } = call;
  if (SENT_TEXT.has(method)) validateText(payload.text, payload.parse_mode, 'text');
  if (SENT_CAPTION.has(method)) validateText(payload.caption, payload.parse_mode, 'caption');
  validateReplyMarkup(payload.reply_markup);
  if (method === 'answerCallbackQuery' && typeof payload.text === 'string') {
    expect(payload.text.length).toBeLessThanOrEqual(200);
  }
}

function payloadText(call: HarnessCall): string {
  return JSON.stringify(call.payload, (_key, value: unknown) =>
    value &&
    typeof value === 'object' &&
    'source' in value &&
    Buffer.isBuffer((value as { source: unknown }).source)
      ? (value as { source: Buffer }).source.toString('utf8')
      : value,
  );
}

/** Every command the features list (so a new feature's are tried too), and some they do not. */
const everyCommand = () => [
  ...harness.app.commands.map((spec) => spec.command),
  ...UNLISTED_COMMANDS,
];

describe('hostile input', () => {
  it('never lets a handler fail, never sends what Telegram refuses, never leaks an anonymous filer', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(updateOf(everyCommand()), { minLength: 1, maxLength: 25 }),
        async (updates) => {
          errors.length = 0;
          for (const item of updates) {
            const calls = await harness.deliver(item);
            for (const call of calls) {
              assertTelegramAccepts(call);
              if (call.payload.chat_id === OFFICER.id) {
                const text = payloadText(call);
                expect(text).not.toContain(String(FILER.userId));
                expect(text).not.toContain(FILER.name);
                expect(text).not.toContain(FILER.username);
              }
            }
          }
          expect(errors).toEqual([]);
          // Whatever the sequence wrote, the next start must still accept every data file.
          await harness.store.flush();
          await expect(
            openStore({ dataDir: harness.dataDir, sessionSchema }),
          ).resolves.toBeDefined();
        },
      ),
      { numRuns: 200 },
    );
  }, 180_000);

  it('lets officers page through the anonymous ticket without seeing who filed it', async () => {
    const from = harness.calls.length;
    const calls = [
      ...(await harness.send(OFFICER, '/tickets all')),
      ...(await harness.send(OFFICER, '/ticket KN-0001')),
      ...(await harness.send(OFFICER, '/export')),
      ...(await harness.press(OFFICER, 'tk:files:KN-0001')),
    ];
    // /export answers at once and sends the CSV when it is built: wait for that document.
    const exported = await harness.waitForCall(
      (call) => call.method === 'sendDocument' && call.payload.chat_id === OFFICER.id,
      from,
    );
    const document = exported.payload.document as { source?: unknown; filename?: unknown };
    expect(Buffer.isBuffer(document.source)).toBe(true);
    const csv = Buffer.isBuffer(document.source) ? document.source.toString('utf8') : '';
    const [header = '', ...rows] = csv
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\r\n');
    expect(header).toContain('filer');
    expect(rows.find((row) => row.startsWith('KN-0001'))).toContain('Lương chậm');
    for (const secret of [String(FILER.userId), FILER.name, FILER.username, String(FILER.chatId)]) {
      expect(csv).not.toContain(secret);
    }

    expect(calls.length).toBeGreaterThan(3);
    const seen = [...calls, exported].map(payloadText).join('\n');
    expect(seen).toContain('KN-0001');
    expect(seen).not.toContain(String(FILER.userId));
    expect(seen).not.toContain(FILER.name);
    for (const call of [...calls, exported]) assertTelegramAccepts(call);
  });
});
