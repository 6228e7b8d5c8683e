import { join } from 'node:path';
import { createInterface } from 'node:readline';
import type { Update } from 'telegraf/types';
import { boot } from '../boot.ts';
import { createBot } from '../bot/app.ts';
import { readEnvironment } from '../env.ts';
import { stopAll } from '../lifecycle.ts';
import { parseCode } from '../store/tickets/index.ts';
import { consoleIdentities } from './identities.ts';
import { dim } from './render.ts';
import { ConsoleTransport } from './transport.ts';
import { UpdateBuilder } from './updates.ts';

const OFFLINE_TOKEN = '0:offline-console-token-not-for-telegram';
const DEFAULT_CONSOLE_OFFICER = '900000001';
/** The officers' forum group the console plays with `/as group`, unless OFFICER_CHAT_ID is set. */
const CONSOLE_GROUP = '-1000000000013';

const HELP = `Offline console: you are a Telegram user talking to the bot; nothing leaves this machine.
  type text or /commands as a user would      #N  press button N of the last keyboard
  /as worker | /as enterprise | /as officer | /as <id>   switch who you are
  /as group [KN-0001]   an officer writing in the officers' group (in that ticket's topic)
  /photo [caption]   send a photo      /doc [caption]   send a document      /quit   leave`;

/** `npm run chat`: the real bot, handlers and store, driven from the terminal with no network. */
async function main(): Promise<void> {
  const env = readEnvironment();
  const { config, logger, store, knowledge, parks, unlock } = await boot(
    {
      ...env,
      BOT_TOKEN: OFFLINE_TOKEN,
      DATA_DIR: env.CONSOLE_DATA_DIR ?? env.DATA_DIR ?? join('data', 'runtime', 'console'),
      OFFICER_IDS: env.OFFICER_IDS || DEFAULT_CONSOLE_OFFICER,
      OFFICER_CHAT_ID: env.OFFICER_CHAT_ID || CONSOLE_GROUP,
      LOG_LEVEL: env.CONSOLE_LOG_LEVEL ?? 'warn',
      WEBHOOK_URL: undefined,
    },
    process.stderr,
  );

  const officerId = config.OFFICER_IDS[0] ?? Number(DEFAULT_CONSOLE_OFFICER);
  const people = consoleIdentities(officerId, config.DEFAULT_LANG);
  const print = (line: string) => process.stdout.write(`${line}\n`);
  const group = config.OFFICER_CHAT_ID;
  /** Where the console user writes: their private chat, or the group (and a topic in it). */
  let place: { chatId: number; threadId?: number } | null = null;
  const currentChatId = () => place?.chatId ?? people.current.id;
  const screen = new ConsoleTransport(print, currentChatId, join(config.DATA_DIR, 'files'), group);
  const botInfo = {
    id: 1,
    is_bot: true as const,
    first_name: 'KCN Bắc Ninh',
    username: 'kcn_offline_bot',
    can_join_groups: false,
    can_read_all_group_messages: false,
    supports_inline_queries: false,
  };
  const { bot, services } = createBot({
    config,
    store,
    logger,
    knowledge,
    parks,
    transport: screen.transport,
    botInfo,
  });
  for (const service of services) service.start();

  const updates = new UpdateBuilder();
  /** Moves a private-chat update into the officers' group (and topic) while `/as group`. */
  const placed = (update: Update, threadId = place?.threadId): Update => {
    if (!place) return update;
    const chat = {
      id: place.chatId,
      type: 'supergroup' as const,
      title: 'Officers',
      is_forum: true as const,
    };
    const topic =
      threadId === undefined ? {} : { message_thread_id: threadId, is_topic_message: true };
    if ('message' in update) return { ...update, message: { ...update.message, chat, ...topic } };
    if ('callback_query' in update && update.callback_query.message) {
      const message = { ...update.callback_query.message, chat, ...topic };
      return { ...update, callback_query: { ...update.callback_query, message } } as Update;
    }
    return update;
  };
  const toUpdate = (line: string): Update | string => {
    const press = /^#(\d+)$/.exec(line);
    if (press) {
      const shown = screen.keyboardOf(currentChatId());
      const button = shown?.buttons[Number(press[1]) - 1];
      if (!shown || !button?.data) return 'No such button on the last keyboard.';
      return placed(updates.press(people.current, button.data, shown), shown.threadId);
    }
    const [command = '', ...rest] = line.split(' ');
    const caption = rest.join(' ') || undefined;
    if (command === '/photo') return placed(updates.photo(people.current, caption));
    if (command === '/doc') return placed(updates.document(people.current, caption));
    return placed(updates.text(people.current, line));
  };

  print(dim(HELP));
  const input = createInterface({ input: process.stdin, terminal: false });
  for await (const raw of input) {
    const line = raw.trim();
    if (!line) continue;
    if (line === '/quit') break;
    const asGroup = /^\/as group(?:\s+#?((?:KN|HT)-?\d{1,9}))?$/i.exec(line);
    if (asGroup && group !== undefined) {
      people.switchTo('officer');
      const code = asGroup[1] ? parseCode(asGroup[1]) : null;
      const threadId = code ? store.desk.topicOf(code)?.threadId : undefined;
      if (code && threadId === undefined) {
        print(dim(`#${code} has no topic in the group (yet).`));
        continue;
      }
      place = { chatId: group, ...(threadId === undefined ? {} : { threadId }) };
      const topic = threadId === undefined ? 'the general topic' : screen.topicName(threadId);
      print(dim(`You are an officer writing in the officers' group, ${topic ?? `#${code}`}.`));
      continue;
    }
    if (line.startsWith('/as ')) {
      place = null;
      const who = people.switchTo(line.slice(4));
      print(
        dim(
          who
            ? `You are now ${who.first_name} (${who.id}).`
            : 'Use /as worker, enterprise, officer or a numeric id.',
        ),
      );
      continue;
    }
    print(dim(`${people.current.first_name}> ${line}`));
    const update = toUpdate(line);
    if (typeof update === 'string') print(dim(update));
    else await bot.handleUpdate(update);
  }
  await stopAll(services, store, unlock);
  process.exit(0);
}

main().catch((error: unknown) => {
  process.stderr.write(`Console failed: ${error instanceof Error ? error.stack : String(error)}\n`);
  process.exit(1);
});
