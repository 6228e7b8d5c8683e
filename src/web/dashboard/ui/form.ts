import { h } from './dom.ts';

/** A labelled input (or textarea) bound to `path`, so a refusal naming that path shows under it. */
export function field(
  label: string,
  path: string,
  value: string,
  onInput: (value: string) => void,
  multiline = false,
): HTMLElement {
  const props = {
    name: path,
    oninput: (event: Event) => onInput((event.target as HTMLInputElement).value),
  };
  const control = multiline ? h('textarea', props, value) : h('input', { ...props, value });
  return h(
    'label',
    { class: 'field', 'data-field': path },
    label,
    control,
    h('span', { class: 'field-error', role: 'alert' }),
  );
}

/** Clears earlier errors and shows `message` under the field the server named. */
export function showFieldError(root: HTMLElement, path: string | undefined, message: string) {
  for (const shown of root.querySelectorAll('.field-error')) shown.textContent = '';
  const target = path
    ? root.querySelector(`[data-field="${CSS.escape(path)}"] .field-error`)
    : null;
  if (target) {
    target.textContent = message;
    target.parentElement?.scrollIntoView({ block: 'center' });
  }
}
