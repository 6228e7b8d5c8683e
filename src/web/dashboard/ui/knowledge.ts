import type { KbDraftResponse, KbEntryResponse, KbListResponse } from '../schemas.ts';
import { ApiError, type App, api, newKey } from './app.ts';
import { h } from './dom.ts';
import { field, showFieldError } from './form.ts';

interface EditableEntry {
  id: string;
  audience: string;
  title: { vi: string; en: string };
  questions: { vi: string[]; en: string[] };
  answer: { vi: string; en: string };
  source: { section: string; quote: string[] };
  related: string[];
  action?: string;
}

const blank = (): EditableEntry => ({
  id: '',
  audience: 'all',
  title: { vi: '', en: '' },
  questions: { vi: [], en: [] },
  answer: { vi: '', en: '' },
  source: { section: '', quote: [] },
  related: [],
});
const lines = (text: string) =>
  text
    .split('\n')
    .map((line) => line.trim())
    .filter(Boolean);

/** The editor: every field named as `kb validate` names it, so its error shows in place. */
function editor(
  app: App,
  root: HTMLElement,
  topic: string,
  replaces: string | null,
  entry: EditableEntry,
) {
  const { t } = app;
  const notice = h('div', { class: 'notice', id: 'kb-notice', hidden: true });
  let key = newKey();
  const save = async () => {
    try {
      await api<KbDraftResponse>('/kb/drafts', {
        method: 'POST',
        key,
        body: { topic, replaces, entry },
      });
      // Saved: a further change after this is a new draft, with its own key.
      key = newKey();
      notice.hidden = false;
      notice.textContent = t('app.kb.draftSaved');
      showFieldError(root, undefined, '');
    } catch (error) {
      notice.hidden = false;
      notice.textContent = error instanceof ApiError ? error.message : t('app.error');
      if (error instanceof ApiError)
        showFieldError(root, error.body.field, error.body.detail ?? error.message);
    }
  };
  root.replaceChildren(
    h('button', { class: 'secondary', onclick: () => app.go('#kb') }, '‹'),
    h('h3', {}, `${t('app.kb.topic')}: ${topic}`),
    field('id', 'id', entry.id, (value) => {
      entry.id = value;
    }),
    field('audience (enterprise | worker | all)', 'audience', entry.audience, (value) => {
      entry.audience = value;
    }),
    ...(['vi', 'en'] as const).flatMap((lang) => [
      field(`title.${lang}`, `title.${lang}`, entry.title[lang], (value) => {
        entry.title[lang] = value;
      }),
      field(
        `questions.${lang}`,
        `questions.${lang}`,
        entry.questions[lang].join('\n'),
        (value) => {
          entry.questions[lang] = lines(value);
        },
        true,
      ),
      field(
        `answer.${lang}`,
        `answer.${lang}`,
        entry.answer[lang],
        (value) => {
          entry.answer[lang] = value;
        },
        true,
      ),
    ]),
    field('source.section', 'source.section', entry.source.section, (value) => {
      entry.source.section = value;
    }),
    field(
      'source.quote',
      'source.quote[0]',
      entry.source.quote.join('\n'),
      (value) => {
        entry.source.quote = lines(value);
      },
      true,
    ),
    field('related', 'related', entry.related.join(', '), (value) => {
      entry.related = value.split(/[\s,]+/).filter(Boolean);
    }),
    notice,
    h('button', { id: 'kb-save', onclick: () => void save() }, t('app.kb.saveDraft')),
  );
}

/** Browse and search the entries, open one to edit, create one, approve others' drafts. */
export async function knowledgeView(app: App, root: HTMLElement, id?: string): Promise<void> {
  const { t } = app;
  if (id?.startsWith('new:')) return editor(app, root, id.slice(4), null, blank());
  if (id) {
    const loaded = await api<KbEntryResponse>(`/kb/entries/${encodeURIComponent(id)}`);
    return editor(app, root, loaded.topic, id, {
      ...blank(),
      ...(loaded.entry as Partial<EditableEntry>),
    });
  }
  const list = h('div', { id: 'kb-list' });
  const notice = h('div', { class: 'notice', id: 'kb-notice', hidden: true });
  const drafts = h('div', { id: 'kb-drafts' });
  const topic = h('select', { name: 'topic' });
  const search = async (query: string) => {
    const data = await api<KbListResponse>(`/kb?q=${encodeURIComponent(query)}`);
    topic.replaceChildren(
      ...data.topics.map((item) => h('option', { value: item.topic }, item.title)),
    );
    list.replaceChildren(
      ...data.entries.map((entry) =>
        h(
          'div',
          { class: 'card link', 'data-entry': entry.id, onclick: () => app.go(`#kb/${entry.id}`) },
          h('strong', {}, entry.title),
          h('div', { class: 'muted' }, `${entry.topic} · ${entry.id}`),
        ),
      ),
    );
    drafts.replaceChildren(
      ...(data.drafts.length === 0 ? [h('p', { class: 'muted' }, t('app.kb.noDrafts'))] : []),
      ...data.drafts.map((draft) =>
        h(
          'div',
          { class: 'card' },
          h('strong', {}, draft.title || draft.replaces || draft.id),
          h(
            'div',
            { class: 'muted' },
            `${draft.topic} · ${t('app.kb.by', { name: draft.author })}`,
          ),
          h('p', {}, draft.answer),
          !draft.mine &&
            h(
              'div',
              { class: 'actions' },
              ...(['approve', 'reject'] as const).map((verb) => {
                const key = newKey();
                return h(
                  'button',
                  {
                    class: verb === 'reject' ? 'secondary' : '',
                    'data-draft': `${verb}:${draft.id}`,
                    onclick: async () => {
                      try {
                        await api(`/kb/drafts/${draft.id}/${verb}`, { method: 'POST', key });
                        await search('');
                        notice.textContent = t(
                          verb === 'approve' ? 'app.kb.approved' : 'app.kb.rejected',
                        );
                      } catch (error) {
                        notice.textContent =
                          error instanceof ApiError ? error.message : t('app.error');
                      }
                      notice.hidden = false;
                    },
                  },
                  t(`app.kb.${verb}`),
                );
              }),
            ),
        ),
      ),
    );
  };
  const input = h('input', {
    type: 'search',
    name: 'q',
    placeholder: t('app.kb.search'),
    onchange: (event: Event) => void search((event.target as HTMLInputElement).value),
  });
  root.replaceChildren(
    notice,
    h('h3', {}, t('app.kb.drafts')),
    drafts,
    h('div', { class: 'filters' }, input),
    h(
      'div',
      { class: 'actions' },
      topic,
      h(
        'button',
        { class: 'secondary', onclick: () => app.go(`#kb/new:${topic.value}`) },
        t('app.kb.new'),
      ),
    ),
    list,
  );
  await search('');
}
