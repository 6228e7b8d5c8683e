import type { SessionResponse } from '../schemas.ts';
import { ApiError, type App, api, makeTranslator, webApp } from './app.ts';
import { broadcastsView } from './broadcasts.ts';
import { h } from './dom.ts';
import { figuresView } from './figures.ts';
import { knowledgeView } from './knowledge.ts';
import { queueView } from './queue.ts';
import { setupView } from './setup.ts';
import { ticketView } from './ticket.ts';

const root = document.getElementById('app') as HTMLElement;

/** Shown when the server refuses the sign-in: the reason, and no data at all. */
function refuse(message: string): void {
  root.replaceChildren(h('div', { class: 'refusal', role: 'alert', id: 'refusal' }, message));
}

async function start(): Promise<void> {
  webApp()?.ready();
  webApp()?.expand();
  let session: SessionResponse;
  try {
    session = await api<SessionResponse>('/session');
  } catch (error) {
    refuse(error instanceof ApiError ? error.message : 'Error');
    return;
  }
  document.documentElement.lang = session.lang;
  const t = makeTranslator(session);
  document.title = t('app.title');
  const main = h('main', { id: 'view' });
  const tabs: [string, string][] = [
    ['#queue', t('app.nav.queue')],
    ['#figures', t('app.nav.figures')],
    ['#broadcasts', t('app.nav.broadcasts')],
    ['#kb', t('app.nav.kb')],
    ['#setup', t('app.nav.setup')],
  ];
  const nav = h(
    'nav',
    {},
    ...tabs.map(([hash, label]) =>
      h('button', { class: 'secondary', 'data-tab': hash, onclick: () => app.go(hash) }, label),
    ),
  );
  root.replaceChildren(nav, main);
  const app: App = {
    session,
    t,
    go(hash) {
      if (location.hash === hash) void render();
      else location.hash = hash;
    },
  };
  const render = async () => {
    const [view, code] = location.hash.replace(/^#/, '').split('/');
    for (const button of nav.querySelectorAll('button')) {
      const current = button.dataset.tab === `#${view === 'ticket' ? 'queue' : view}`;
      if (current) button.setAttribute('aria-current', 'page');
      else button.removeAttribute('aria-current');
    }
    main.replaceChildren(h('p', { class: 'muted' }, t('app.loading')));
    try {
      if (view === 'ticket' && code) await ticketView(app, main, code);
      else if (view === 'figures') await figuresView(app, main);
      else if (view === 'broadcasts') await broadcastsView(app, main);
      else if (view === 'setup') await setupView(app, main);
      else if (view === 'kb')
        await knowledgeView(app, main, code ? decodeURIComponent(code) : undefined);
      else await queueView(app, main);
    } catch (error) {
      if (error instanceof ApiError && error.status === 401) return refuse(error.message);
      main.replaceChildren(
        h('div', { class: 'notice' }, error instanceof ApiError ? error.message : t('app.error')),
      );
    }
  };
  window.addEventListener('hashchange', () => void render());
  await render();
}

void start();
