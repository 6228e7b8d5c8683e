import type { QueueResponse } from '../schemas.ts';
import { type App, api } from './app.ts';
import { h } from './dom.ts';

const filters: Record<string, string> = { status: 'open', owner: 'anyone' };

function select(
  label: string,
  name: string,
  options: [string, string][],
  onChange: () => void,
): HTMLElement {
  const control = h(
    'select',
    {
      name,
      onchange: (event: Event) => {
        const value = (event.target as HTMLSelectElement).value;
        if (value === '') delete filters[name];
        else filters[name] = value;
        onChange();
      },
    },
    ...options.map(([value, text]) =>
      h('option', { value, selected: (filters[name] ?? '') === value }, text),
    ),
  );
  return h('label', {}, label, control);
}

/** The queue: filters by status, park, category, owner and overdue, with counts. */
export async function queueView(app: App, root: HTMLElement): Promise<void> {
  const { t, session } = app;
  const list = h('div', { id: 'queue-list' });
  const counts = h('div', { class: 'counts' });
  const refresh = async () => {
    const query = new URLSearchParams(filters).toString();
    const data = await api<QueueResponse>(`/queue?${query}`);
    const byStatus = session.statuses
      .map((status) => `${t(`tickets.status.${status}`)} ${data.counts.byStatus[status] ?? 0}`)
      .join(' · ');
    counts.replaceChildren(
      `${t('app.queue.shown', { shown: data.counts.shown })} — ${byStatus} · ${t('app.queue.overdueCount', { count: data.counts.overdue })} · ${t('app.queue.mineCount', { count: data.counts.mine })}`,
    );
    list.replaceChildren(
      ...(data.tickets.length === 0 ? [h('p', { class: 'muted' }, t('app.queue.empty'))] : []),
      ...data.tickets.map((ticket) =>
        h(
          'div',
          {
            class: 'card link',
            role: 'button',
            'data-code': ticket.code,
            onclick: () => app.go(`#ticket/${ticket.code}`),
          },
          h(
            'div',
            { class: 'row' },
            h('strong', {}, `#${ticket.code}`),
            h('span', { class: 'badge' }, t(`tickets.status.${ticket.status}`)),
          ),
          h(
            'div',
            { class: 'muted' },
            `${t(`tickets.cat.${ticket.category}`)} · ${ticket.parkName}`,
            ticket.anonymous ? ` · ${t('app.ticket.anonymous')}` : '',
          ),
          ticket.overdue && h('span', { class: 'badge overdue' }, t('app.ticket.overdue')),
          h('div', {}, ticket.excerpt),
        ),
      ),
    );
  };
  const change = () => void refresh().catch(() => counts.replaceChildren(t('app.error')));
  const any: [string, string] = ['', t('app.filter.any')];
  root.replaceChildren(
    h(
      'div',
      { class: 'filters' },
      select(
        t('app.filter.status'),
        'status',
        [
          ['open', t('app.status.open')],
          ['all', t('app.status.all')],
          ...session.statuses.map((s): [string, string] => [s, t(`tickets.status.${s}`)]),
        ],
        change,
      ),
      select(
        t('app.filter.park'),
        'park',
        [
          any,
          ...session.parks.map((park): [string, string] => [park.id, park.name]),
          ['-', t('tickets.park.other')],
        ],
        change,
      ),
      select(
        t('app.filter.category'),
        'category',
        [any, ...session.categories.map((c): [string, string] => [c, t(`tickets.cat.${c}`)])],
        change,
      ),
      select(
        t('app.filter.owner'),
        'owner',
        [
          ['anyone', t('app.owner.anyone')],
          ['me', t('app.owner.me')],
          ['nobody', t('app.owner.nobody')],
        ],
        change,
      ),
      h(
        'label',
        {},
        t('app.filter.overdue'),
        h('input', {
          type: 'checkbox',
          name: 'overdue',
          checked: filters.overdue === '1',
          onchange: (event: Event) => {
            if ((event.target as HTMLInputElement).checked) filters.overdue = '1';
            else delete filters.overdue;
            change();
          },
        }),
      ),
    ),
    counts,
    list,
  );
  await refresh();
}
