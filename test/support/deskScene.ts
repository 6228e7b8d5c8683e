import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { makeTempDataDir } from './botProcess.ts';
import type { FakeBotApi, FakeUser } from './fakeBotApi.ts';
import { FixedClock, type LiveBot, startLiveBot } from './liveBot.ts';

/** The people and the group of the desk's end-to-end tests. */
export const GROUP = -1001000000013;
export const OFFICER: FakeUser = {
  id: 713001,
  first_name: 'Hanh',
  username: 'hanh_officer',
  language_code: 'en',
};
export const OFFICER_B: FakeUser = { id: 713002, first_name: 'Tuan', language_code: 'en' };
export const WORKER: FakeUser = {
  id: 813001,
  first_name: 'Mai',
  last_name: 'Secretname',
  username: 'mai_secret',
  language_code: 'en',
};
export const ASKER: FakeUser = { id: 813050, first_name: 'Binh', language_code: 'en' };
export const STRANGER: FakeUser = { id: 813099, first_name: 'Outsider', language_code: 'en' };
export const WAIT = { timeoutMs: 20_000 };
export const SECOND = 1000;

/** Where an officer writes in the group: the general topic, or a ticket's topic. */
export const inGroup = (threadId?: number) => ({
  id: GROUP,
  type: 'supergroup' as const,
  title: 'Officers',
  is_forum: true,
  ...(threadId === undefined ? {} : { threadId }),
});

/** Local time in Bắc Ninh (UTC+7). */
export const local = (iso: string) => new Date(`${iso}+07:00`);

/** A parks file with Que Vo and a holidays file with Monday 14 December 2026. */
async function parksAndHolidays(): Promise<Record<string, string>> {
  const dir = await makeTempDataDir();
  const parks = join(dir, 'parks.yaml');
  const holidays = join(dir, 'holidays.yaml');
  await writeFile(parks, 'parks:\n  - id: que-vo\n    name: { vi: KCN Quế Võ, en: Que Vo IP }\n');
  await writeFile(holidays, 'holidays:\n  - 2026-12-14\n');
  return { PARKS_FILE: parks, HOLIDAYS_FILE: holidays };
}

/** The real bot with the forum group as officers' group, on `clock`; both officers said /start. */
export async function startDeskBot(fake: FakeBotApi, clock: FixedClock): Promise<LiveBot> {
  fake.addGroup(GROUP, { title: 'Officers' });
  const bot = await startLiveBot(fake, {
    clock,
    ownKnowledge: true,
    env: {
      OFFICER_IDS: `${OFFICER.id},${OFFICER_B.id}`,
      OFFICER_CHAT_ID: String(GROUP),
      DEFAULT_LANG: 'en',
      TICKET_RESPONSE_HOURS: '4',
      DESK_UNDO_SECONDS: '10',
      TARGET_CHECK_SECONDS: '1',
      ...(await parksAndHolidays()),
    },
  });
  const scene = new DeskScene(fake);
  await scene.expectText(OFFICER.id, () => fake.sendText(OFFICER, '/start'), /officer/i);
  await scene.expectText(OFFICER_B.id, () => fake.sendText(OFFICER_B, '/start'), /officer/i);
  return bot;
}

export { FixedClock };

/** What a person does in the tests: wait for the bot's answer, press by label, file a complaint. */
export class DeskScene {
  constructor(private readonly fake: FakeBotApi) {}

  /** Does `act`, then waits for a new text to `chatId` matching `pattern`. */
  async expectText(chatId: number, act: () => unknown, pattern: RegExp): Promise<string> {
    const before = this.fake.textsTo(chatId).length;
    act();
    return this.fake.waitFor(
      () =>
        this.fake
          .textsTo(chatId)
          .slice(before)
          .find((text) => pattern.test(text)),
      { ...WAIT, what: `a message to ${chatId} matching ${pattern}` },
    );
  }

  /** Presses the button labelled `label` on the bot's latest message to `user`. */
  press(user: FakeUser, label: RegExp): () => void {
    return () => {
      const shown = this.fake.lastMessageTo(user.id);
      const button = this.fake.buttonsOf(shown).find((candidate) => label.test(candidate.text));
      if (!shown || !button?.data) throw new Error(`no button ${label} on the last message`);
      this.fake.pressButton(user, shown, button.data);
    };
  }

  /** Files a complaint with one photo through the dialogue, by button labels; returns its code. */
  async fileComplaint(user: FakeUser, description: string, anonymous: boolean): Promise<string> {
    const say = (text: string) => () => this.fake.sendText(user, text);
    await this.expectText(user.id, say('/complaint'), /topic/);
    await this.expectText(user.id, this.press(user, /Wages/), /industrial park/);
    await this.expectText(user.id, this.press(user, /Que Vo/), /company/);
    await this.expectText(user.id, this.press(user, /Skip/), /Describe/);
    await this.expectText(user.id, say(description), /photos/);
    const photo = () => this.fake.sendPhoto(user, `photo-${description.length}`);
    await this.expectText(user.id, photo, /Received 1/);
    await this.expectText(user.id, this.press(user, /Done/), /anonymous/i);
    const identity = anonymous ? /Anonymous/ : /Show my name/;
    await this.expectText(user.id, this.press(user, identity), /Summary/);
    const filed = await this.expectText(user.id, this.press(user, /Send/), /Your code/);
    return /#(KN-\d{4})/.exec(filed)?.[1] ?? '';
  }
}
