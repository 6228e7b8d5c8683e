import type { SetupResponse } from '../schemas.ts';
import { ApiError, type App, api, newKey } from './app.ts';
import { h } from './dom.ts';
import { field, showFieldError } from './form.ts';

type Contact = SetupResponse['contacts'][number];
type Park = SetupResponse['parks'][number];
const CONTACT_FIELDS = ['phone', 'email', 'address', 'hours', 'website'] as const;

/** Contacts and parks, saved to the operator files and live at once; what a release still lacks. */
export async function setupView(app: App, root: HTMLElement): Promise<void> {
  const { t, session } = app;
  const data = await api<SetupResponse>('/setup');
  const contacts: Contact[] = structuredClone(data.contacts);
  const parks: Park[] = structuredClone(data.parks);
  const notice = h('div', { class: 'notice', id: 'setup-notice', hidden: true });
  // One key per form shown: a double click or a retried save writes once.
  const keys = { '/setup/contacts': newKey(), '/setup/parks': newKey() };
  const save = async (path: '/setup/contacts' | '/setup/parks') => {
    const body = path === '/setup/contacts' ? { contacts } : { parks };
    try {
      await api<SetupResponse>(path, { method: 'POST', body, key: keys[path] });
      await setupView(app, root);
      const shown = root.querySelector<HTMLElement>('#setup-notice');
      if (shown) {
        shown.hidden = false;
        shown.textContent = t('app.setup.saved');
      }
    } catch (error) {
      notice.hidden = false;
      notice.textContent = error instanceof ApiError ? error.message : t('app.error');
      if (error instanceof ApiError)
        showFieldError(root, error.body.field, error.body.detail ?? error.message);
    }
  };
  const parkList = h('div', {});
  const drawParks = () =>
    parkList.replaceChildren(
      ...parks.map((park, index) =>
        h(
          'div',
          { class: 'card' },
          field(t('app.setup.id'), `parks[${index}].id`, park.id, (value) => {
            park.id = value;
          }),
          field(t('app.setup.nameVi'), `parks[${index}].name.vi`, park.name.vi, (value) => {
            park.name.vi = value;
          }),
          field(t('app.setup.nameEn'), `parks[${index}].name.en`, park.name.en, (value) => {
            park.name.en = value;
          }),
        ),
      ),
    );
  drawParks();
  root.replaceChildren(
    notice,
    h('h3', {}, t('app.setup.missing')),
    data.missing.length === 0
      ? h('p', { class: 'muted' }, t('app.setup.nothingMissing'))
      : h(
          'ul',
          { id: 'setup-missing' },
          ...data.missing.map((problem) => h('li', {}, `${problem.field}: ${problem.message}`)),
        ),
    h('h3', {}, t('app.setup.contacts')),
    ...contacts.map((contact, index) =>
      h(
        'div',
        { class: 'card' },
        h('strong', {}, contact.name[session.lang]),
        field(t('app.setup.nameVi'), `contacts[${index}].name.vi`, contact.name.vi, (value) => {
          contact.name.vi = value;
        }),
        field(t('app.setup.nameEn'), `contacts[${index}].name.en`, contact.name.en, (value) => {
          contact.name.en = value;
        }),
        ...CONTACT_FIELDS.map((name) =>
          field(
            t(`app.setup.${name}`),
            `contacts[${index}].${name}`,
            contact[name] ?? '',
            (value) => {
              contact[name] = value.trim() === '' ? null : value;
            },
          ),
        ),
      ),
    ),
    h(
      'button',
      { id: 'save-contacts', onclick: () => void save('/setup/contacts') },
      t('app.setup.save'),
    ),
    h('h3', {}, t('app.setup.parks')),
    parkList,
    h(
      'div',
      { class: 'actions' },
      h(
        'button',
        {
          class: 'secondary',
          onclick: () => {
            parks.push({ id: '', name: { vi: '', en: '' } });
            drawParks();
          },
        },
        t('app.setup.addPark'),
      ),
      h(
        'button',
        { id: 'save-parks', onclick: () => void save('/setup/parks') },
        t('app.setup.save'),
      ),
    ),
  );
}
