import fc from 'fast-check';
import type { User } from 'telegraf/types';
import { describe, expect, it } from 'vitest';
import { translator } from '../../src/bot/i18n/index.ts';
import type { Session } from '../../src/bot/session.ts';
import { BotHarness, type HarnessCall, OFFICER } from '../support/botHarness.ts';
import { Conversation } from '../support/conversation.ts';

const WORKER: User = { id: 690001, is_bot: false, first_name: 'Quỳnh', language_code: 'vi' };
const QUESTION = 'có bao nhiêu khu công nghiệp';
const SEND = /^📨 Gửi$/;
const vi = translator('vi');
/**
 * What the bot says when a draft goes without being filed: discarded for a fresh one, cancelled,
 * replaced, or all data erased. "Kept as a draft" is not among them: a kept draft has not gone.
 */
const TOLD_GONE = [
  vi('draft.discarded'),
  vi('filing.cancelled', { type: 'khiếu nại' }).split(' khiếu nại')[0] ?? '',
  vi('draft.replaced'),
  'Đã xoá',
];

type Step =
  | { who: 'officer' | 'worker'; kind: 'say'; text: string }
  | { who: 'officer' | 'worker'; kind: 'press'; pick: number }
  | { who: 'officer' | 'worker'; kind: 'media' };

const officerSays = fc.constantFrom(
  '/tickets',
  '/stats',
  '/cancel',
  '/start',
  '/ticket KN-0001',
  '/ticket KN-0001',
  '/reply KN-0001 MARK',
  '/ask KN-0001 MARK',
  QUESTION,
  'MARK',
  'MARK',
);
const workerSays = fc.constantFrom(
  '/complaint',
  '/remind 8h sáng mai nộp hồ sơ',
  '/cancel',
  '/mytickets',
  '/start',
  '/help',
  QUESTION,
  'Công ty nợ lương hai tháng',
  'xưởng số 3',
);
const step: fc.Arbitrary<Step> = fc.oneof(
  officerSays.map((text) => ({ who: 'officer' as const, kind: 'say' as const, text })),
  workerSays.map((text) => ({ who: 'worker' as const, kind: 'say' as const, text })),
  // Mostly the newest buttons, as people press them; sometimes an old one further up.
  fc.nat(8).map((pick) => ({ who: 'officer' as const, kind: 'press' as const, pick })),
  fc.nat(8).map((pick) => ({ who: 'officer' as const, kind: 'press' as const, pick })),
  fc.nat(50).map((pick) => ({ who: 'worker' as const, kind: 'press' as const, pick })),
  fc.nat(8).map((pick) => ({ who: 'worker' as const, kind: 'press' as const, pick })),
  fc
    .constantFrom('officer' as const, 'worker' as const)
    .map((who) => ({ who, kind: 'media' as const })),
);

/** Dialogue steps whose typed text is the step's input rather than a question. */
function readsText(session: Session | undefined): boolean {
  const dialogue = session?.dialogue;
  if (!dialogue) return false;
  if (
    ['ticket_officer', 'ticket_info', 'reminderRetime', 'broadcastCompose'].includes(dialogue.kind)
  ) {
    return true;
  }
  if (dialogue.kind.startsWith('schedule') && dialogue.kind !== 'scheduleConfirm') return true;
  if (dialogue.kind !== 'ticket_filing') return false;
  return (
    dialogue.step === 'company' || dialogue.step === 'description' || dialogue.parkOther === true
  );
}

/** The drafts in a session, open or kept aside, by their submission id. */
const drafts = (session: Session | undefined): Set<string> =>
  new Set(
    [session?.dialogue, ...(session?.suspended ?? [])].flatMap((d) =>
      d?.kind === 'ticket_filing' ? [d.draft.submissionId ?? 'unnamed'] : [],
    ),
  );

async function run(steps: Step[]) {
  const bot = await BotHarness.create({
    env: {
      TICKET_LIMIT_PER_HOUR: '100',
      FLOOD_BURST: '1000000',
      FLOOD_MESSAGES_PER_MINUTE: '1000000',
      FLOOD_BUTTONS_PER_MINUTE: '1000000',
    },
  });
  try {
    await bot.store.tickets.create({
      type: 'complaint',
      category: 'wages',
      parkId: null,
      company: null,
      description: 'Nợ lương',
      attachments: [],
      anonymous: true,
      filer: { userId: WORKER.id, chatId: WORKER.id, name: 'Quỳnh' },
    });
    const chats = {
      officer: new Conversation(bot, OFFICER),
      worker: new Conversation(bot, WORKER),
    };
    const confirmed = new Set<string>();
    const session = (user: User) => bot.store.sessions.get(`${user.id}:${user.id}`);
    for (const [index, action] of steps.entries()) {
      const chat = chats[action.who];
      const mark = `OFF${index}X`;
      const before = session(chat.user);
      const ticketsBefore = bot.store.tickets.list().length;
      const awaiting = bot.store.tickets
        .byFiler(WORKER.id)
        .some((t) => t.history.at(-1)?.action === 'ask');
      let calls: HarnessCall[] = [];
      if (action.kind === 'say') {
        calls = await chat.say(action.text.replace('MARK', mark));
      } else if (action.kind === 'media') {
        calls = await chat.sendMedia('photo', { caption: action.who === 'officer' ? mark : 'ảnh' });
      } else {
        const buttons = chat
          .shown()
          .flatMap((shown) => shown.buttons.flat().map((button) => ({ shown, button })));
        const chosen = buttons[buttons.length - 1 - (action.pick % Math.max(1, buttons.length))];
        if (!chosen || chosen.button.data === 'fm:yes') continue;
        if (action.who === 'officer' && SEND.test(chosen.button.text)) {
          for (const found of chosen.shown.text.matchAll(/OFF\d+X/g)) confirmed.add(found[0]);
        }
        calls = await chat.press(chosen.button.text, chosen.shown.messageId);
      }
      // 1. Officer text reaches the filer only after Send on a preview showing it.
      for (const text of BotHarness.texts(bot.calls, WORKER.id)) {
        for (const found of text.matchAll(/OFF\d+X/g)) expect(confirmed).toContain(found[0]);
      }
      const texts = chat.texts(calls).join('\n');
      // 2. A question outside a pending input is answered.
      const isQuestion = action.kind === 'say' && action.text === QUESTION;
      if (isQuestion && !readsText(before) && !(action.who === 'worker' && awaiting)) {
        expect(texts).toContain('Nguồn');
      }
      // 3. No draft disappears without the user being told: filed (a new ticket), or named gone.
      const after = drafts(session(chat.user));
      const gone = [...drafts(before)].filter((id) => !after.has(id));
      if (gone.length > 0 && bot.store.tickets.list().length === ticketsBefore) {
        expect({ gone, told: TOLD_GONE.some((line) => texts.includes(line)) }).toEqual({
          gone,
          told: true,
        });
      }
    }
  } finally {
    await bot.close();
  }
}

describe('dialogues under random interleavings', () => {
  it('never leak officer text, never swallow a question, never lose a draft silently', async () => {
    await fc.assert(fc.asyncProperty(fc.array(step, { minLength: 5, maxLength: 30 }), run), {
      numRuns: 40,
    });
  }, 240_000);
});
