import type {
  RelayView,
  TicketActionName,
  TicketActionResponse,
  TicketDetail,
} from '../schemas.ts';
import { ApiError, type App, api, newKey } from './app.ts';
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
 * A reply held for the desk's undo window: "Sending in 10 s", Undo until then, then what became
 * of it. The relay is the same one a reply written in Telegram makes.
 */
function showHeld(app: App, notice: HTMLElement, relay: RelayView): void {
  const { t } = app;
  const settled = (state: RelayView['state']) => {
    notice.replaceChildren(t(state === 'undone' ? 'app.relay.undone' : `app.relay.${state}`));
  };
  const left = Math.max(0, new Date(relay.dueAt).getTime() - Date.now());
  const key = newKey();
  const undo = h(
    'button',
    {
      id: 'undo-reply',
      class: 'secondary',
      onclick: async () => {
        undo.setAttribute('disabled', '');
        try {
          settled(
            (await api<RelayView>(`/relays/${relay.id}/undo`, { method: 'POST', key })).state,
          );
        } catch (error) {
          notice.replaceChildren(error instanceof ApiError ? error.message : t('app.error'));
        }
      },
    },
    t('app.relay.undo'),
  );
  notice.hidden = false;
  notice.replaceChildren(t('app.outcome.held', { seconds: Math.ceil(left / 1000) }), ' ', undo);
  const check = async () => {
    if (!notice.isConnected || !notice.contains(undo)) return;
    const now = await api<RelayView>(`/relays/${relay.id}`).catch(() => undefined);
    if (now && now.state !== 'pending') settled(now.state);
    else setTimeout(() => void check(), 1000);
  };
  setTimeout(() => void check(), left + 700);
}

/**
 * One ticket: what was filed, its thread and history, and the officer's actions. Actions go
 * through the same officer service as the bot's buttons; the server re-checks each one. Each
 * action carries one idempotency key, so a double click or a retried request acts once.
 */
export async function ticketView(app: App, root: HTMLElement, code: string): Promise<void> {
  const { t, session } = app;
  const ticket = await api<TicketDetail>(`/tickets/${encodeURIComponent(code)}`);
  const notice = h('div', { class: 'notice', id: 'action-notice', hidden: true });
  const text = h('textarea', { name: 'text', placeholder: t('app.action.text') });
  const assignee = h(
    'select',
    { name: 'assignee', 'aria-label': t('app.action.assignTo') },
    ...session.officers.map((officer) =>
      h(
        'option',
        { value: String(officer.id), selected: officer.id === ticket.assignee },
        officer.name,
      ),
    ),
  );
  const key = newKey();
  const run = async (action: TicketActionName) => {
    if (action !== 'take' && action !== 'assign' && text.value.trim() === '') {
      notice.hidden = false;
      notice.textContent = t('app.action.needText');
      return;
    }
    for (const button of root.querySelectorAll('button[data-action]'))
      button.setAttribute('disabled', '');
    try {
      const result = await api<TicketActionResponse>(
        `/tickets/${encodeURIComponent(code)}/action`,
        {
          method: 'POST',
          key,
          body:
            action === 'assign'
              ? { action, to: Number(assignee.value) }
              : { action, text: text.value },
        },
      );
      await ticketView(app, root, code);
      const shown = root.querySelector<HTMLElement>('#action-notice');
      if (!shown) return;
      shown.hidden = false;
      if (result.outcome === 'held' && result.relay) showHeld(app, shown, result.relay);
      else
        shown.textContent = t(
          action === 'assign' && result.outcome === 'done'
            ? 'app.outcome.assigned'
            : `app.outcome.${result.outcome}`,
        );
    } catch (error) {
      for (const button of root.querySelectorAll('button[data-action]'))
        button.removeAttribute('disabled');
      notice.hidden = false;
      notice.textContent = error instanceof ApiError ? error.message : t('app.error');
    }
  };
  const needsText = ticket.actions.filter((action) => action !== 'take' && action !== 'assign');
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
            ticket.actions.includes('assign') &&
              h('label', { class: 'field' }, t('app.action.assignTo'), assignee),
            needsText.length > 0 && text,
            h(
              'div',
              { class: 'actions' },
              ...ticket.actions.map((action) =>
                h(
                  'button',
                  {
                    class: action === 'take' || action === 'assign' ? 'secondary' : '',
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
