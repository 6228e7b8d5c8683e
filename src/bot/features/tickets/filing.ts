import { randomUUID } from 'node:crypto';
import { Composer } from 'telegraf';
import {
  COMPLAINT_CATEGORIES,
  REQUEST_CATEGORIES,
  type TicketType,
  ticketCategorySchema,
} from '../../../store/tickets/index.ts';
import { DRAFT, FILING, MENU, NEW_TICKET, narrow, onCallback } from '../../callbackData.ts';
import type { BotContext } from '../../context.ts';
import { callbackButton, clearButtons, rows } from '../../keyboard.ts';
import { FILING_STEPS, type FilingStep, type TicketFilingDialogue } from './dialogues.ts';
import type { TicketEnv } from './env.ts';
import { offersAnonymity, submitTicket, underLimit } from './filingSubmit.ts';
import { categoryLabel } from './labels.ts';
import { draftSummary } from './render.ts';
import { remember } from './threadMemory.ts';

/** A long paste arrives in parts of 4,096 characters, joined up to this length. */
export const DESCRIPTION_LIMIT = 12_000;
/** One Telegram message: the longest single part of a description. */
export const PART_LIMIT = 4096;
export const PARK_NAME_LIMIT = 100;
export const COMPANY_LIMIT = 200;
export const MAX_ATTACHMENTS = 5;
const EDITABLE: Exclude<FilingStep, 'confirm' | 'anonymity'>[] = [
  'category',
  'park',
  'company',
  'description',
  'attachments',
];

const filing = (ctx: BotContext): TicketFilingDialogue | null =>
  ctx.session.dialogue.kind === 'ticket_filing' ? ctx.session.dialogue : null;

const keyboard = (buttons: ReturnType<typeof callbackButton>[][]) => ({
  reply_markup: { inline_keyboard: buttons },
});

/** Sends the prompt for the dialogue's current step. */
export function prompt(env: TicketEnv, ctx: BotContext, dialogue: TicketFilingDialogue) {
  const { t } = ctx;
  const { draft } = dialogue;
  switch (dialogue.step) {
    case 'category': {
      const list = draft.type === 'complaint' ? COMPLAINT_CATEGORIES : REQUEST_CATEGORIES;
      const buttons = list.map((cat) =>
        callbackButton(categoryLabel(t, cat), FILING.build('cat', cat)),
      );
      return ctx.reply(t('tickets.ask.category'), keyboard(rows(buttons, 2)));
    }
    case 'park': {
      const buttons = env.parks
        .list()
        .map((park) => callbackButton(park.name[ctx.lang], FILING.build('park', park.id)));
      buttons.push(callbackButton(t('tickets.park.other'), FILING.build('park', '-')));
      return ctx.reply(t('tickets.ask.park'), keyboard(rows(buttons, 2)));
    }
    case 'company':
      return draft.type === 'complaint'
        ? ctx.reply(
            t('tickets.ask.companyOptional'),
            keyboard([[callbackButton(t('tickets.btn.skip'), FILING.build('skip'))]]),
          )
        : ctx.reply(t('tickets.ask.company'));
    case 'description':
      return ctx.reply(t('tickets.ask.description', { limit: DESCRIPTION_LIMIT }));
    case 'attachments':
      return ctx.reply(
        t('tickets.ask.attachments', { max: MAX_ATTACHMENTS }),
        keyboard([[callbackButton(t('tickets.btn.done'), FILING.build('done'))]]),
      );
    case 'anonymity':
      return ctx.reply(
        t('tickets.ask.anonymity'),
        keyboard([
          [callbackButton(t('tickets.btn.anonymous'), FILING.build('anon', '1'))],
          [callbackButton(t('tickets.btn.named'), FILING.build('anon', '0'))],
        ]),
      );
    case 'confirm':
      return ctx.reply(
        `${draftSummary(env, t, ctx.lang, draft)}\n\n${t('tickets.ask.confirm')}`,
        keyboard([
          [
            callbackButton(t('tickets.btn.confirm'), FILING.build('confirm')),
            callbackButton(t('tickets.btn.edit'), FILING.build('edit')),
          ],
        ]),
      );
  }
}

/** Moves to the next step (or back to the summary when editing), saves, then prompts. */
export async function advance(env: TicketEnv, ctx: BotContext, dialogue: TicketFilingDialogue) {
  if (dialogue.editing) {
    dialogue.step = 'confirm';
    dialogue.editing = false;
  } else {
    let next = FILING_STEPS[FILING_STEPS.indexOf(dialogue.step) + 1] ?? 'confirm';
    if (next === 'anonymity' && !offersAnonymity(ctx, dialogue.draft)) next = 'confirm';
    dialogue.step = next;
  }
  await ctx.saveSession();
  await prompt(env, ctx, dialogue);
}

/** A complaint or request put aside by a command, offered back by /complaint or /request. */
function suspendedDraft(ctx: BotContext, type: TicketType): TicketFilingDialogue | null {
  for (const kept of ctx.session.suspended ?? []) {
    if (kept.kind === 'ticket_filing' && kept.draft.type === type) return kept;
  }
  return null;
}

/** Starts filing after the hourly cap check, offering first to resume a kept draft. */
export async function startFiling(env: TicketEnv, ctx: BotContext, type: TicketType) {
  if (suspendedDraft(ctx, type)) {
    await ctx.reply(ctx.t('draft.offer'), {
      reply_markup: {
        inline_keyboard: [
          [
            callbackButton(ctx.t('draft.resume'), DRAFT.build('resume', type)),
            callbackButton(ctx.t('draft.fresh'), DRAFT.build('fresh', type)),
          ],
        ],
      },
    });
    return;
  }
  await startFresh(env, ctx, type);
}

async function startFresh(env: TicketEnv, ctx: BotContext, type: TicketType) {
  if (!underLimit(env, ctx)) {
    await ctx.reply(ctx.t('tickets.limit', { limit: env.config.TICKET_LIMIT_PER_HOUR }));
    return;
  }
  const dialogue: TicketFilingDialogue = {
    kind: 'ticket_filing',
    step: 'category',
    editing: false,
    draft: { type, attachments: [], submissionId: randomUUID() },
  };
  ctx.session.dialogue = dialogue;
  await ctx.saveSession();
  await ctx.reply(
    ctx.t(type === 'complaint' ? 'tickets.intro.complaint' : 'tickets.intro.request'),
  );
  await prompt(env, ctx, dialogue);
}

/** The guided filing dialogue: entry points, its buttons (`tn:*`) and its typed answers. */
export function filingComposer(env: TicketEnv): Composer<BotContext> {
  const composer = new Composer<BotContext>();
  composer.command('complaint', (ctx) => startFiling(env, ctx, 'complaint'));
  composer.command('request', (ctx) => startFiling(env, ctx, 'request'));
  onCallback(composer, narrow(MENU, 'complaint', 'request'), async (ctx, type) => {
    await ctx.answerCbQuery();
    await startFiling(env, ctx, type === 'request' ? 'request' : 'complaint');
  });
  onCallback(composer, NEW_TICKET, async (ctx, type) => {
    await ctx.answerCbQuery();
    await startFiling(env, ctx, type);
  });

  onCallback(composer, FILING, async (ctx, action, value = '') => {
    const dialogue = filing(ctx);
    if (!dialogue) return ctx.answerCbQuery(ctx.t('error.staleButton'));
    await ctx.answerCbQuery();
    await clearButtons(ctx);
    const { draft } = dialogue;
    const at = (step: FilingStep) => dialogue.step === step;
    if (action === 'cat' && at('category')) {
      const category = ticketCategorySchema.safeParse(value);
      if (!category.success) return prompt(env, ctx, dialogue);
      draft.category = category.data;
    } else if (action === 'park' && at('park')) {
      if (value !== '-' && !env.parks.list().some((park) => park.id === value)) {
        return prompt(env, ctx, dialogue);
      }
      draft.parkId = value === '-' ? null : value;
      if (value === '-') {
        dialogue.parkOther = true;
        await ctx.saveSession();
        return ctx.reply(
          ctx.t('park.otherAsk'),
          keyboard([[callbackButton(ctx.t('park.otherSkip'), FILING.build('parkskip'))]]),
        );
      }
      draft.parkName = null;
    } else if (action === 'parkskip' && at('park') && dialogue.parkOther) {
      dialogue.parkOther = false;
      draft.parkName = null;
    } else if (action === 'skip' && at('company') && draft.type === 'complaint') {
      draft.company = null;
    } else if (action === 'done' && at('attachments')) {
      // Nothing to record: attachments were added as they arrived.
    } else if (action === 'anon' && at('anonymity')) {
      draft.anonymous = value === '1';
    } else if (action === 'edit' && at('confirm')) {
      const fields: Exclude<FilingStep, 'confirm'>[] = offersAnonymity(ctx, draft)
        ? [...EDITABLE, 'anonymity']
        : EDITABLE;
      const buttons = fields.map((field) =>
        callbackButton(ctx.t(`tickets.field.${field}`), FILING.build('field', field)),
      );
      return ctx.reply(ctx.t('tickets.ask.field'), keyboard(rows(buttons, 2)));
    } else if (action === 'field' && at('confirm')) {
      const step = FILING_STEPS.find((candidate) => candidate === value);
      if (!step || step === 'confirm') return prompt(env, ctx, dialogue);
      dialogue.step = step;
      dialogue.editing = true;
      await ctx.saveSession();
      return prompt(env, ctx, dialogue);
    } else if (action === 'confirm' && at('confirm')) {
      await submitTicket(env, ctx, dialogue);
      const [filed] = env.tickets.byFiler(ctx.profile.id);
      // Filed now: an edit of the description message is added to the ticket from here on.
      if (filed && ctx.session.dialogue.kind === 'idle' && dialogue.descriptionMessageId) {
        remember(ctx, [dialogue.descriptionMessageId], filed.code);
      }
      return;
    } else {
      return prompt(env, ctx, dialogue);
    }
    return advance(env, ctx, dialogue);
  });

  onCallback(composer, DRAFT, async (ctx, verb, type) => {
    await ctx.answerCbQuery();
    await ctx.editMessageReplyMarkup(undefined).catch(() => undefined);
    const kept = suspendedDraft(ctx, type);
    // Only this draft leaves the kept ones; a draft of the other type stays.
    ctx.session.suspended = (ctx.session.suspended ?? []).filter((other) => other !== kept);
    if (verb === 'fresh' || !kept) {
      if (kept) await ctx.reply(ctx.t('draft.discarded'));
      return startFresh(env, ctx, type);
    }
    ctx.session.dialogue = kept;
    await ctx.saveSession();
    await ctx.reply(ctx.t('draft.resumed'));
    return prompt(env, ctx, kept);
  });
  return composer;
}
