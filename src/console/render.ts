import { htmlToPlainText } from '../bot/html.ts';

const useColour = process.stdout.isTTY === true;
const bold = (text: string) => (useColour ? `\u001b[1m${text}\u001b[22m` : text);
const dim = (text: string) => (useColour ? `\u001b[2m${text}\u001b[22m` : text);

/** Shows Telegram HTML in a terminal: bold kept (when a terminal), other tags dropped. */
export function renderHtml(html: string): string {
  const withBold = html.replace(/<(b|strong)>([\s\S]*?)<\/\1>/g, (_, __, inner: string) =>
    bold(inner),
  );
  return htmlToPlainText(withBold);
}

export interface ButtonView {
  text: string;
  data?: string | undefined;
  url?: string | undefined;
}

/** Numbered buttons, pressed by typing `#N`. */
export function renderButtons(buttons: ButtonView[]): string {
  return buttons
    .map(
      (button, index) => `  [#${index + 1}] ${button.text}${button.url ? ` (${button.url})` : ''}`,
    )
    .join('\n');
}

export { dim };
