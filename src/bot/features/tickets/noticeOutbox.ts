import { OutboxWorker, type SendFn } from '../../../delivery/outboxWorker.ts';
import { type TicketNoticeRef, ticketNoticeQueue } from '../../../delivery/ticketNotices.ts';
import type { BackgroundService } from '../../../lifecycle.ts';
import type { OfficerTicketView, TicketNotice } from '../../../store/tickets/index.ts';
import { callApiWith } from '../../api.ts';
import { FILER_ACTION, OFFICER_TICKET } from '../../callbackData.ts';
import { type Lang, languageOfUser, type Translate, translator } from '../../i18n/index.ts';
import { callbackButton } from '../../keyboard.ts';
import { classifySendError } from '../notices/send.ts';
import { digestText } from './digest.ts';
import type { TicketEnv } from './env.ts';
import { ratingKeyboard } from './keyboards.ts';
import type { Outgoing } from './notify.ts';
import { officerButtons, officerCard } from './render.ts';

const oneButton = (label: string, data: string) => ({
  reply_markup: { inline_keyboard: [[callbackButton(label, data)]] },
});

/** What a notice says, rendered when it is sent, in the recipient's language. */
export function renderNotice(
  env: TicketEnv,
  t: Translate,
  lang: Lang,
  view: OfficerTicketView,
  notice: Readonly<TicketNotice>,
): Outgoing {
  const { code } = view;
  const note = notice.note ?? '';
  switch (notice.event) {
    case 'new':
      return {
        text: `${t('tickets.notice.new')}\n${officerCard(env, t, lang, view)}`,
        extra: { reply_markup: { inline_keyboard: officerButtons(t, view) } },
      };
    case 'reopened':
      return { text: t('tickets.notice.reopened', { code }) };
    case 'info':
      return {
        text: t('tickets.notice.info', { code, text: note, files: notice.files ?? 0 }),
        extra: oneButton(t('tickets.btn.open'), OFFICER_TICKET.build('show', code)),
      };
    case 'edited':
      return {
        text: t('thread.noticeEdited', { code, text: note }),
        extra: oneButton(t('tickets.btn.open'), OFFICER_TICKET.build('show', code)),
      };
    case 'taken':
      return { text: t('tickets.filer.inProgress', { code }) };
    case 'reply':
    case 'ask':
      return {
        text: t(notice.event === 'reply' ? 'tickets.filer.reply' : 'tickets.filer.question', {
          code,
          text: note,
        }),
        extra: oneButton(t('tickets.btn.addInfo'), FILER_ACTION.build('info', code)),
      };
    case 'resolved':
      return {
        text: t('tickets.filer.resolved', { code, note, days: env.config.TICKET_AUTOCLOSE_DAYS }),
        extra: {
          reply_markup: {
            inline_keyboard: [
              [
                callbackButton(
                  t('tickets.btn.confirmResolution'),
                  FILER_ACTION.build('confirm', code),
                ),
                callbackButton(t('tickets.btn.reopen'), FILER_ACTION.build('reopen', code)),
              ],
            ],
          },
        },
      };
    case 'rejected':
      return { text: t('tickets.filer.rejected', { code, note }) };
    case 'autoClosed': {
      const days = env.config.TICKET_AUTOCLOSE_DAYS;
      return {
        text: `${t('tickets.filer.autoClosed', { code, days })}\n${t('tickets.rate.ask', { code })}`,
        extra: ratingKeyboard(code),
      };
    }
  }
}

/** Sends one ticket notice through the house API policy, without its 429 waiting. */
function noticeSender(env: TicketEnv): SendFn<TicketNoticeRef> {
  return async (chatId, ref) => {
    const lang = languageOfUser(env.users.get(chatId), env.config.DEFAULT_LANG);
    const t = translator(lang);
    let outgoing: Outgoing;
    if (ref.kind === 'digest') {
      outgoing = { text: digestText(env, t) };
    } else {
      const notice = env.tickets.notice(ref.code, ref.noticeId);
      const view = env.tickets.view(ref.code);
      if (chatId === 0 || !notice || !view) {
        return { ok: false, kind: 'failed', retryable: false, description: 'nowhere to send' };
      }
      outgoing = renderNotice(env, t, lang, view, notice);
    }
    const { text, extra } = outgoing;
    try {
      await callApiWith(
        env.telegram,
        'sendMessage',
        { chat_id: chatId, text, ...extra },
        { retryRateLimit: false },
      );
      return { ok: true };
    } catch (error) {
      return classifySendError(error);
    }
  };
}

/**
 * Delivers the notifications written on ticket records: officers told of a new ticket, filers
 * told of replies and status changes. Started with the bot, it first sends what a crash or a
 * stop left pending. `wake` is called after a write that added notices.
 */
export function ticketNoticeService(env: TicketEnv): {
  service: BackgroundService;
  wake: () => void;
} {
  const worker = new OutboxWorker<TicketNoticeRef>({
    outbox: ticketNoticeQueue(env.tickets),
    send: noticeSender(env),
    ratePerSecond: env.config.BROADCAST_RATE,
    perChatIntervalMs: env.config.NOTICE_CHAT_INTERVAL_MS,
    onBlocked: (chatId) => env.users.markInactive(chatId),
    onFailed: (_job, _chatId, description) =>
      env.logger.warn({ description }, 'a ticket notice could not be delivered'),
    logger: env.logger,
  });
  return {
    service: {
      name: 'ticket-notices',
      start: () => worker.start(),
      async stop() {
        await worker.stop();
        await env.tickets.flush();
      },
    },
    wake: () => worker.notify(),
  };
}
