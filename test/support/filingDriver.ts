import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { FakeBotApi, FakeUser } from './fakeBotApi.ts';

/** A step of the complaint dialogue: what the user does, and the prompt that proves it was taken. */
interface Step {
  act: (fake: FakeBotApi, user: FakeUser) => void;
  /** The next prompt's button (by its label) or text, as the user sees it. */
  until: RegExp;
}

/** Presses the button whose label matches `label` on the bot's latest message to the user. */
export function pressLabel(fake: FakeBotApi, user: FakeUser, label: RegExp): void {
  const message = fake.lastMessageTo(user.id);
  const button = fake.buttonsOf(message).find((candidate) => label.test(candidate.text));
  if (!message || !button?.data) {
    throw new Error(`no button ${label} for ${user.id}; last message: ${message?.text}`);
  }
  fake.pressButton(user, message, button.data);
}

const lastShows = (fake: FakeBotApi, user: FakeUser, pattern: RegExp): boolean => {
  const message = fake.lastMessageTo(user.id);
  if (!message) return false;
  return (
    pattern.test(message.text) ||
    fake.buttonsOf(message).some((button) => pattern.test(button.text))
  );
};

/** The English complaint dialogue up to (not including) the Send press. */
export function complaintSteps(anonymous: (user: FakeUser) => boolean): Step[] {
  return [
    { act: (fake, u) => fake.sendText(u, '/complaint'), until: /Wages and benefits/ },
    { act: (fake, u) => pressLabel(fake, u, /Wages and benefits/), until: /Other \/ not sure/ },
    {
      act: (fake, u) => pressLabel(fake, u, /Other \/ not sure/),
      until: /name of your industrial park/,
    },
    { act: (fake, u) => pressLabel(fake, u, /^Skip$/), until: /company/ },
    { act: (fake, u) => pressLabel(fake, u, /⏭ Skip/), until: /Describe/ },
    { act: (fake, u) => fake.sendText(u, `Unpaid overtime, line ${u.id}`), until: /Done/ },
    { act: (fake, u) => pressLabel(fake, u, /Done/), until: /Anonymous/ },
    {
      act: (fake, u) => pressLabel(fake, u, anonymous(u) ? /Anonymous/ : /Show my name/),
      until: /Send/,
    },
  ];
}

/** Walks every user through the steps together, one step at a time for all. */
export async function walk(fake: FakeBotApi, users: FakeUser[], steps: Step[]): Promise<void> {
  for (const step of steps) {
    for (const user of users) step.act(fake, user);
    await fake.waitFor(() => users.every((user) => lastShows(fake, user, step.until)), {
      timeoutMs: 60_000,
      what: `${users.length} users to see ${step.until}`,
    });
  }
}

export interface StoredTickets {
  /** Ticket code → the user it belongs to (named: its filer; anonymous: its reply chat). */
  owner: Map<string, number>;
  codes: string[];
}

/** Reads the ticket shards and the anonymous reply links straight from disk. */
export async function readStoredTickets(dataDir: string): Promise<StoredTickets> {
  const owner = new Map<string, number>();
  const dir = join(dataDir, 'tickets');
  const contactsFile = join(dataDir, 'private', 'anonymous-contacts.json');
  const contacts = JSON.parse(await readFile(contactsFile, 'utf8').catch(() => '{"data":{}}'))
    .data as Record<string, { chatId: number }>;
  const codes: string[] = [];
  for (const name of await readdir(dir).catch(() => [] as string[])) {
    if (!name.endsWith('.json')) continue;
    const shard = JSON.parse(await readFile(join(dir, name), 'utf8')).data as Record<
      string,
      { anonymous: boolean; filer: { userId: number } }
    >;
    for (const [code, ticket] of Object.entries(shard)) {
      codes.push(code);
      owner.set(code, ticket.anonymous ? (contacts[code]?.chatId ?? 0) : ticket.filer.userId);
    }
  }
  return { owner, codes };
}

/** The ticket codes a chat was told, from the texts it received. */
export function codesToldTo(fake: FakeBotApi, chatId: number, pattern: RegExp): Set<string> {
  const codes = new Set<string>();
  for (const text of fake.textsTo(chatId)) {
    if (!pattern.test(text)) continue;
    for (const match of text.matchAll(/#((?:KN|HT)-\d{4,})/g)) codes.add(match[1] ?? '');
  }
  return codes;
}
