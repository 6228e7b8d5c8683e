import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type Logger, pino } from 'pino';
import type { Update, User } from 'telegraf/types';
import { type BotApp, createBot } from '../../src/bot/app.ts';
import { type Session, sessionSchema } from '../../src/bot/session.ts';
import { type Config, loadConfig } from '../../src/config.ts';
import { defaultKnowledgePaths, LiveKnowledge } from '../../src/knowledge/live.ts';
import { loadParks } from '../../src/parks/index.ts';
import { openStore, type Store } from '../../src/store/index.ts';

export const OFFICER: User = { id: 900, is_bot: false, first_name: 'Cán bộ', language_code: 'vi' };
export const TEST_TOKEN = '123456:TESTtokenTESTtokenTESTtoken';

export interface HarnessCall {
  method: string;
  payload: Record<string, unknown>;
}

interface SentMessage {
  message_id: number;
  chat: { id: number; type: 'private' };
  date: number;
  text?: string;
  reply_markup?: unknown;
}

let knowledgeLoading: Promise<LiveKnowledge> | undefined;
/** The shipped knowledge base, loaded once per test file: it is read-only for the bot. */
function sharedKnowledge(): Promise<LiveKnowledge> {
  knowledgeLoading ??= LiveKnowledge.load(defaultKnowledgePaths());
  return knowledgeLoading;
}

export interface HarnessOptions {
  /** Environment variables on top of the test defaults. */
  env?: Record<string, string>;
  logger?: Logger;
  /** Reopen an earlier harness's data folder, as after a restart. */
  dataDir?: string;
  knowledge?: LiveKnowledge;
}

/**
 * The real bot and store on a temporary folder, driven with `handleUpdate`; the transport
 * records every Bot API call instead of sending it, so no test needs network or mocks.
 */
export class BotHarness {
  private nextUpdateId = 1;
  private nextMessageId = 1;

  private constructor(
    readonly calls: HarnessCall[],
    readonly app: BotApp,
    readonly store: Store<Session>,
    readonly config: Config,
    readonly dataDir: string,
  ) {}

  static async create(options: HarnessOptions = {}): Promise<BotHarness> {
    const dataDir = options.dataDir ?? (await mkdtemp(join(tmpdir(), 'kcn-bot-')));
    const config = loadConfig({
      BOT_TOKEN: TEST_TOKEN,
      DATA_DIR: dataDir,
      OFFICER_IDS: String(OFFICER.id),
      ...options.env,
    });
    const store = await openStore({ dataDir, sessionSchema });
    const calls: HarnessCall[] = [];
    let messageId = 1;
    const app = createBot({
      config,
      store,
      logger: options.logger ?? pino({ level: 'silent' }),
      knowledge: options.knowledge ?? (await sharedKnowledge()),
      parks: loadParks(config.PARKS_FILE),
      botInfo: {
        id: 1,
        is_bot: true,
        first_name: 'KCN',
        username: 'kcn_test_bot',
        can_join_groups: false,
        can_read_all_group_messages: false,
        supports_inline_queries: false,
      },
      transport: async (method, payload) => {
        calls.push({ method, payload });
        if (method.startsWith('send') || method === 'editMessageText') {
          const sent: SentMessage = {
            message_id: messageId++,
            chat: { id: Number(payload.chat_id), type: 'private' },
            date: Math.floor(Date.now() / 1000),
            text: typeof payload.text === 'string' ? payload.text : undefined,
            reply_markup: payload.reply_markup,
          };
          return sent;
        }
        return true;
      },
    });
    return new BotHarness(calls, app, store, config, dataDir);
  }

  /** Sends a text message (a command when it starts with '/') from `user` in their private chat. */
  async send(user: User, text: string): Promise<HarnessCall[]> {
    const entities = text.startsWith('/')
      ? [{ type: 'bot_command' as const, offset: 0, length: text.split(' ')[0]?.length ?? 1 }]
      : undefined;
    return this.deliver({
      update_id: this.nextUpdateId++,
      message: {
        message_id: this.nextMessageId++,
        date: Math.floor(Date.now() / 1000),
        chat: { id: user.id, type: 'private', first_name: user.first_name },
        from: user,
        text,
        ...(entities ? { entities } : {}),
      },
    } as Update);
  }

  /** Presses a button with `data`, as if on the last message sent to the user. */
  async press(user: User, data: string): Promise<HarnessCall[]> {
    return this.deliver({
      update_id: this.nextUpdateId++,
      callback_query: {
        id: String(this.nextUpdateId),
        from: user,
        chat_instance: 'test',
        data,
        message: {
          message_id: 1,
          date: Math.floor(Date.now() / 1000),
          chat: { id: user.id, type: 'private', first_name: user.first_name },
          text: 'earlier message',
        },
      },
    } as Update);
  }

  async deliver(update: Update): Promise<HarnessCall[]> {
    const before = this.calls.length;
    await this.app.bot.handleUpdate(update);
    return this.calls.slice(before);
  }

  /** Texts of the messages the bot sent to `chatId` during `calls`. */
  static texts(calls: HarnessCall[], chatId?: number): string[] {
    return calls
      .filter((call) => call.method === 'sendMessage')
      .filter((call) => chatId === undefined || call.payload.chat_id === chatId)
      .map((call) => String(call.payload.text));
  }

  /** Callback data of every inline button in `calls`' messages. */
  static buttons(calls: HarnessCall[]): { text: string; data: string }[] {
    return calls.flatMap((call) => {
      const markup = call.payload.reply_markup as
        | { inline_keyboard?: { text: string; callback_data?: string }[][] }
        | undefined;
      return (markup?.inline_keyboard ?? [])
        .flat()
        .map((button) => ({ text: button.text, data: button.callback_data ?? '' }));
    });
  }

  async close(): Promise<void> {
    await Promise.allSettled(this.app.services.map((service) => service.stop()));
    await this.store.flush();
    await rm(this.dataDir, { recursive: true, force: true });
  }
}
