import type { TicketActionName, TicketActionResponse, TicketDetail } from '../schemas.ts';
import { ApiError, type App, api } from './app.ts';
import { h } from './dom.ts';

const time = (iso: string, lang: string) =>
  new Date(iso).toLocaleString(lang === 'vi' ? 'vi-VN' : 'en-GB', {
    dateStyle: 'short',
    timeStyle: 'short',
  });

function historyList(app: App, ticket: TicketDetail): HTMLElement {
  const { t, session } = app;
  return h(
    'ol',
    { class: 'history' },
    ...ticket.history.map((entry) => {
      const who = entry.by === 'officer' ? (entry.officer ?? '') : t(`app.who.${entry.by}`);
      const status = entry.status ? ` → ${t(`tickets.status.${entry.status}`)}` : '';
      return h(
        'li',
        {},
        h('span', { class: 'muted' }, `${time(entry.at, session.lang)} · ${who} · `),
        `${t(`tickets.action.${entry.action}`)}${status}`,
        entry.note ? h('div', {}, entry.note) : null,
      );
    }),
  );
}

/**
 * One ticket: what was filed, its thread and history, and the officer's actions. Actions go
 * through the same officer service as the bot's buttons; the server re-checks each one.
 */
export async function ticketView(app: App, root: HTMLElement, code: string): Promise<void> {
  const { t } = app;
  const ticket = await api<TicketDetail>(`/tickets/${encodeURIComponent(code)}`);
  const notice = h('div', { class: 'notice', id: 'action-notice', hidden: true });
  const text = h('textarea', { name: 'text', placeholder: t('app.action.text') });
  const run = async (action: TicketActionName) => {
    if (action !== 'take' && text.value.trim() === '') {
      notice.hidden = false;
      notice.textContent = t('app.action.needText');
      return;
    }
    try {
      const result = await api<TicketActionResponse>(
        `/tickets/${encodeURIComponent(code)}/action`,
        { method: 'POST', body: { action, text: text.value } },
      );
      await ticketView(app, root, code);
      const shown = root.querySelector<HTMLElement>('#action-notice');
      if (shown) {
        shown.hidden = false;
        shown.textContent = t(`app.outcome.${result.outcome}`);
      }
    } catch (error) {
      notice.hidden = false;
      notice.textContent = error instanceof ApiError ? error.message : t('app.error');
    }
  };
  const needsText = ticket.actions.filter((action) => action !== 'take');
  root.replaceChildren(
    h('button', { class: 'secondary', onclick: () => app.go('#queue') }, t('app.ticket.back')),
    h(
      'div',
      { class: 'card' },
      h(
        'div',
        { class: 'row' },
        h('strong', {}, `#${ticket.code}`),
        h('span', { class: 'badge', id: 'ticket-status' }, t(`tickets.status.${ticket.status}`)),
      ),
      h(
        'div',
        { class: 'muted' },
        `${t(`tickets.type.${ticket.type}`)} · ${t(`tickets.cat.${ticket.category}`)} · ${ticket.parkName}`,
      ),
      ticket.anonymous
        ? h('div', { class: 'muted' }, t('app.ticket.anonymous'))
        : ticket.filedBy !== undefined &&
            h('div', { class: 'muted' }, t('app.ticket.filedBy', { name: ticket.filedBy })),
      ticket.company &&
        h('div', { class: 'muted' }, t('app.ticket.company', { company: ticket.company })),
      ticket.overdue && h('span', { class: 'badge overdue' }, t('app.ticket.overdue')),
      h('p', {}, ticket.description),
      ticket.attachments.length > 0 &&
        h(
          'div',
          { class: 'muted' },
          t('app.ticket.attachments', { count: ticket.attachments.length }),
          ` (${ticket.attachments.map((attachment) => attachment.kind).join(', ')})`,
        ),
    ),
    h('h3', {}, t('app.ticket.history')),
    historyList(app, ticket),
    notice,
    ...(ticket.actions.length === 0
      ? []
      : [
          h(
            'div',
            { class: 'card' },
            needsText.length > 0 && text,
            h(
              'div',
              { class: 'actions' },
              ...ticket.actions.map((action) =>
                h(
                  'button',
                  {
                    class: action === 'take' ? 'secondary' : '',
                    'data-action': action,
                    onclick: () => void run(action),
                  },
                  t(`app.action.${action}`),
                ),
              ),
            ),
          ),
        ]),
  );
}
