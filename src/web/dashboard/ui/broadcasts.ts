import type { BroadcastsResponse } from '../schemas.ts';
import { type App, api } from './app.ts';
import { h } from './dom.ts';

/** Broadcast history with delivered, failed and blocked counts. */
export async function broadcastsView(app: App, root: HTMLElement): Promise<void> {
  const { t, session } = app;
  const data = await api<BroadcastsResponse>('/broadcasts');
  root.replaceChildren(
    ...(data.broadcasts.length === 0
      ? [h('p', { class: 'muted' }, t('app.broadcasts.empty'))]
      : []),
    ...data.broadcasts.map((broadcast) =>
      h(
        'div',
        { class: 'card' },
        h(
          'div',
          { class: 'row' },
          h(
            'span',
            { class: 'muted' },
            new Date(broadcast.createdAt).toLocaleString(session.lang === 'vi' ? 'vi-VN' : 'en-GB'),
          ),
          h('span', { class: 'badge' }, t(`app.broadcasts.status.${broadcast.status}`)),
        ),
        h('div', {}, broadcast.text),
        h('div', { class: 'muted' }, t('app.broadcasts.counts', broadcast)),
      ),
    ),
  );
}
