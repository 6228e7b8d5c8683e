/** Tiny DOM helpers: elements are built with text nodes only, so no server text becomes markup. */

type Child = Node | string | null | undefined | false;

export function h<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  props: Record<string, string | boolean | ((event: Event) => void)> = {},
  ...children: Child[]
): HTMLElementTagNameMap[K] {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(props)) {
    if (typeof value === 'function') element.addEventListener(name.replace(/^on/, ''), value);
    else if (value === true) element.setAttribute(name, '');
    else if (value !== false) element.setAttribute(name, value);
  }
  for (const child of children) {
    if (child === null || child === undefined || child === false) continue;
    element.append(typeof child === 'string' ? document.createTextNode(child) : child);
  }
  return element;
}

/** Catalogue texts are HTML for Telegram; the page shows them as plain text. */
export function plain(html: string): string {
  const holder = document.createElement('template');
  holder.innerHTML = html;
  return holder.content.textContent ?? '';
}

/** An SVG string built by charts.ts (which escapes every label) as a node. */
export function svgNode(svg: string): Node {
  const holder = document.createElement('div');
  holder.className = 'chart';
  holder.innerHTML = svg;
  return holder;
}
