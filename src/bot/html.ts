/** Telegram's hard limit on a message's text. */
export const TELEGRAM_TEXT_LIMIT = 4096;
/** Chunks stay a little under the limit: closing tags added to balance a chunk need room. */
const CHUNK_LIMIT = 3900;

const HTML_ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
};

/** Makes user-supplied text safe inside an HTML message, so `<b>` typed by a user stays text. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"]/g, (char) => HTML_ESCAPES[char] ?? char);
}

/** Removes tags and decodes entities: what a reader sees, for the console and for length checks. */
export function htmlToPlainText(html: string): string {
  return html
    .replace(/<[^>]*>/g, '')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#(\d+);/g, (_, code: string) => String.fromCodePoint(Number(code)))
    .replace(/&amp;/g, '&');
}

const TAG = /<(\/?)([a-z-]+)(?:\s[^>]*)?>/gi;

/** Tags still open at the end of `html`, outermost first, as their opening text. */
function openTagsAfter(html: string, inherited: string[]): string[] {
  const stack = [...inherited];
  for (const match of html.matchAll(TAG)) {
    const [whole, closing, name] = match;
    if (closing) {
      const index = stack.findLastIndex((open) => tagName(open) === name?.toLowerCase());
      if (index >= 0) stack.splice(index, 1);
    } else {
      stack.push(whole);
    }
  }
  return stack;
}

function tagName(openTag: string): string {
  return /^<([a-z-]+)/i.exec(openTag)?.[1]?.toLowerCase() ?? '';
}

/** Where a piece of `text` longer than `limit` may be cut: paragraph, line, word, else anywhere safe. */
function cutPoint(text: string, limit: number): number {
  const window = text.slice(0, limit);
  for (const separator of ['\n\n', '\n', ' ']) {
    const at = window.lastIndexOf(separator);
    if (at > limit / 3) return at + separator.length;
  }
  // Never cut inside a tag or an entity.
  const lastLt = window.lastIndexOf('<');
  const lastAmp = window.lastIndexOf('&');
  if (lastLt > window.lastIndexOf('>')) return lastLt;
  if (lastAmp > window.lastIndexOf(';')) return lastAmp;
  return keepSurrogatePair(text, limit);
}

/** Moves a cut off the middle of a surrogate pair (an emoji, a rare CJK character). */
function keepSurrogatePair(text: string, at: number): number {
  const before = text.charCodeAt(at - 1);
  const after = text.charCodeAt(at);
  const highBefore = before >= 0xd800 && before <= 0xdbff;
  const lowAfter = after >= 0xdc00 && after <= 0xdfff;
  return highBefore && lowAfter && at > 1 ? at - 1 : at;
}

/**
 * Splits an HTML message into parts Telegram accepts, preferring paragraph boundaries,
 * and closes then reopens any tag that a cut would leave unbalanced.
 */
export function splitHtmlMessage(html: string, limit = CHUNK_LIMIT): string[] {
  const parts: string[] = [];
  let rest = html.trim();
  let inherited: string[] = [];
  while (rest.length > 0) {
    const prefix = inherited.join('');
    const room = limit - prefix.length - inherited.length * 16;
    const cut = rest.length <= room ? rest.length : cutPoint(rest, room);
    const piece = rest.slice(0, cut);
    const open = openTagsAfter(piece, inherited);
    const closing = [...open]
      .reverse()
      .map((tag) => `</${tagName(tag)}>`)
      .join('');
    const body = `${prefix}${piece.trimEnd()}${closing}`;
    if (htmlToPlainText(body).trim().length > 0) parts.push(body);
    inherited = open;
    rest = rest.slice(cut).trimStart();
  }
  return parts.length > 0 ? parts : [html];
}
