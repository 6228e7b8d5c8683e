import { EventEmitter, once } from 'node:events';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type Logger, pino } from 'pino';
import type { Update, User } from 'telegraf/types';
import { type BotApp, createBot } from '../../src/bot/app.ts';
import type { Feature } from '../../src/bot/features/feature.ts';
import { type Session, sessionIsIdle, sessionSchema } from '../../src/bot/session.ts';
import { type Config, loadConfig } from '../../src/config.ts';
import { UpdateBuilder } from '../../src/console/updates.ts';
import { defaultKnowledgePaths, LiveKnowledge } from '../../src/knowledge/live.ts';
import { loadParks } from '../../src/parks/index.ts';
import { openStore, type Store } from '../../src/store/index.ts';

export const OFFICER: User = { id: 900, is_bot: false, first_name: 'Cán bộ', language_code: 'vi' };
export const TEST_TOKEN = '123456:TESTtokenTESTtokenTESTtoken';

export interface HarnessCall {
  method: string;
  payload: Record<string, unknown>;
  /** What the fake API answered (the sent message for send* and editMessageText). */
  result: unknown;
}

interface InlineButton {
  text: string;
  callback_data?: string;
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
  /** A feature list other than src/bot/features/index.ts. */
  features?: readonly Feature[];
  /** Calls an earlier harness recorded, kept so keyboards sent before a restart can be pressed. */
  history?: HarnessCall[];
  /** The bot's clock, for steps that lapse. */
  now?: () => Date;
  /** A store the test opened (PostgreSQL) instead of lowdb on the data folder; the test closes it. */
  store?: Store<Session>;
}

/**
 * The real bot and store on a temporary folder, driven with `handleUpdate`; the transport
 * records every Bot API call instead of sending it, so no test needs network or mocks.
 */
export class BotHarness {
  private readonly updates = new UpdateBuilder();
  /** Emits 'call' with each HarnessCall as the bot makes it, so tests wait on events, not polls. */
  readonly events = new EventEmitter<{ call: [HarnessCall] }>();

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
      NOTICE_CHAT_INTERVAL_MS: '0',
      ...options.env,
    });
    // As the bot opens it (src/boot.ts), so a session dropped as idle is dropped here too.
    const store = options.store ?? (await openStore({ dataDir, sessionSchema, sessionIsIdle }));
    const calls: HarnessCall[] = [...(options.history ?? [])];
    let messageId = calls.length + 1;
    const events = new EventEmitter<{ call: [HarnessCall] }>();
    const app = createBot({
      config,
      store,
      logger: options.logger ?? pino({ level: 'silent' }),
      knowledge: options.knowledge ?? (await sharedKnowledge()),
      ...(options.now ? { now: options.now } : {}),
      parks: loadParks(config.PARKS_FILE),
      ...(options.features ? { features: options.features } : {}),
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
        let result: SentMessage | true = true;
        if (method.startsWith('send') || method === 'editMessageText') {
          result = {
            message_id:
              method === 'editMessageText' && typeof payload.message_id === 'number'
                ? payload.message_id
                : messageId++,
            chat: { id: Number(payload.chat_id), type: 'private' },
            date: Math.floor(Date.now() / 1000),
            text: typeof payload.text === 'string' ? payload.text : undefined,
            reply_markup: payload.reply_markup,
          };
        }
        const call = { method, payload, result };
        calls.push(call);
        events.emit('call', call);
        return result;
      },
    });
    // Ticket notices go through their outbox worker, as in the running bot.
    for (const service of app.services) if (service.name === 'ticket-notices') service.start();
    const harness = new BotHarness(calls, app, store, config, dataDir);
    events.on('call', (call) => harness.events.emit('call', call));
    return harness;
  }

  /**
   * Stops this bot and starts a new one on the same data folder with `env` (as after a restart
   * with a changed configuration, e.g. an officer removed from OFFICER_IDS).
   */
  async restart(env: Record<string, string> = {}): Promise<BotHarness> {
    await Promise.allSettled(this.app.services.map((service) => service.stop()));
    await this.store.flush();
    return BotHarness.create({ env, dataDir: this.dataDir, history: this.calls });
  }

  /** Resolves with the first call from `fromIndex` on (made or still to come) that `matches`. */
  async waitForCall(matches: (call: HarnessCall) => boolean, fromIndex = 0): Promise<HarnessCall> {
    const made = this.calls.slice(fromIndex).find(matches);
    if (made) return made;
    const controller = new AbortController();
    const waiting = (async () => {
      for (;;) {
        const [call] = await once(this.events, 'call', { signal: controller.signal });
        if (matches(call)) return call as HarnessCall;
      }
    })();
    return waiting.finally(() => controller.abort());
  }

  /**
   * Presses the button labelled `label` (or matching it) on the latest message the bot sent
   * `user` with such a button, exactly as Telegram would deliver the press.
   */
  async pressButton(user: User, label: string | RegExp): Promise<HarnessCall[]> {
    const found = this.findButton(user.id, label);
    if (!found) throw new Error(`no button "${label}" in any keyboard sent to ${user.id}`);
    return this.deliver(
      this.updates.press(user, found.button.callback_data ?? '', {
        message_id: found.messageId,
        text: found.text,
      }),
    );
  }

  /** The latest button sent to `chatId` whose label is or matches `label`. */
  findButton(chatId: number, label: string | RegExp) {
    const fits = (text: string) => (typeof label === 'string' ? text === label : label.test(text));
    for (const call of [...this.calls].reverse()) {
      if (call.payload.chat_id !== chatId) continue;
      const markup = call.payload.reply_markup as
        | { inline_keyboard?: InlineButton[][] }
        | undefined;
      const button = markup?.inline_keyboard?.flat().find((b) => fits(b.text));
      if (!button) continue;
      const sent = call.result as Partial<SentMessage> | true;
      const messageId = sent === true ? Number(call.payload.message_id) : (sent.message_id ?? 0);
      return { button, messageId, text: String(call.payload.text ?? '') };
    }
    return undefined;
  }

  /** Resolves once every ticket notice written so far has been answered by the transport. */
  async settleNotices(timeoutMs = 5000): Promise<void> {
    const until = Date.now() + timeoutMs;
    while (this.store.tickets.pendingNotices().length > 0) {
      if (Date.now() > until) throw new Error('ticket notices still pending');
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
  }

  /** Sends a text message (a command when it starts with '/') from `user` in their private chat. */
  async send(user: User, text: string): Promise<HarnessCall[]> {
    return this.deliver(this.updates.text(user, text));
  }

  /** Sends a photo, with an optional caption, from `user` in their private chat. */
  async sendPhoto(user: User, caption?: string): Promise<HarnessCall[]> {
    return this.deliver(this.updates.photo(user, caption));
  }

  /**
   * Sends a press with raw callback `data`, as a forged or replayed press would arrive; tests of
   * what a user does press by label with {@link pressButton}.
   */
  async press(user: User, data: string): Promise<HarnessCall[]> {
    return this.deliver(this.updates.press(user, data, { message_id: 1, text: 'earlier message' }));
  }

  async deliver(update: Update): Promise<HarnessCall[]> {
    const before = this.calls.length;
    await this.app.bot.handleUpdate(update);
    await this.settleNotices();
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
        | { inline_keyboard?: InlineButton[][] }
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
