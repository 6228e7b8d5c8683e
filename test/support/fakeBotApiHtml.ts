import { badRequest } from './fakeBotApiTypes.ts';

/** Tags Telegram accepts with `parse_mode: 'HTML'`. */
const SUPPORTED_TAGS = new Set([
  'a',
  'b',
  'strong',
  'i',
  'em',
  'u',
  'ins',
  's',
  'strike',
  'del',
  'code',
  'pre',
  'tg-spoiler',
  'span',
  'blockquote',
  'tg-emoji',
]);

const NAMED_ENTITIES: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"' };
const ENTITY_PATTERN = /^&(?:#(\d{1,7})|#[xX]([0-9a-fA-F]{1,6})|(lt|gt|amp|quot));/;

export const MAX_TEXT_LENGTH = 4096;
export const MAX_CAPTION_LENGTH = 1024;

export type HtmlParseResult = { ok: true; text: string } | { ok: false; error: string };

const isSpace = (char: string | undefined): boolean => char !== undefined && /\s/.test(char);

/** Decodes the entity starting at `index`, or returns undefined when it is not one. */
function decodeEntity(source: string, index: number): { text: string; end: number } | undefined {
  const match = ENTITY_PATTERN.exec(source.slice(index, index + 12));
  if (!match) return undefined;
  const [whole, decimal, hex, named] = match;
  const end = index + whole.length;
  if (named !== undefined) return { text: NAMED_ENTITIES[named] ?? '', end };
  const codePoint = decimal !== undefined ? Number(decimal) : Number.parseInt(hex ?? '', 16);
  if (codePoint === 0 || codePoint > 0x10ffff) return undefined;
  return { text: String.fromCodePoint(codePoint), end };
}

/**
 * Parses Telegram-flavoured HTML the way the Bot API does (after TDLib's `parse_html`) and returns
 * the text the user would see. Stricter than Telegram on one point: a `&` that does not start one
 * of the entities Telegram knows is rejected, because it almost always means unescaped user input.
 */
export function parseTelegramHtml(source: string): HtmlParseResult {
  const at = (index: number): number => Buffer.byteLength(source.slice(0, index));
  const fail = (error: string): HtmlParseResult => ({ ok: false, error });
  const open: string[] = [];
  let text = '';
  let i = 0;
  while (i < source.length) {
    const char = source[i] ?? '';
    if (char === '&') {
      const entity = decodeEntity(source, i);
      if (!entity) return fail(`Unsupported HTML entity or unescaped "&" at byte offset ${at(i)}`);
      text += entity.text;
      i = entity.end;
      continue;
    }
    if (char !== '<') {
      text += char;
      i++;
      continue;
    }
    const begin = i;
    i++;
    if (source[i] === '/') {
      const tag = open.pop();
      if (tag === undefined) return fail(`Unexpected end tag at byte offset ${at(begin)}`);
      let end = i + 1;
      while (end < source.length && !isSpace(source[end]) && source[end] !== '>') end++;
      const endName = source.slice(i + 1, end).toLowerCase();
      i = end;
      while (isSpace(source[i])) i++;
      if (source[i] !== '>') return fail(`Unclosed end tag at byte offset ${at(begin)}`);
      if (endName !== '' && endName !== tag) {
        return fail(
          `Unmatched end tag at byte offset ${at(begin)}, expected "</${tag}>", found "</${endName}>"`,
        );
      }
      i++;
      continue;
    }
    let end = i;
    while (end < source.length && !isSpace(source[end]) && source[end] !== '>') end++;
    if (end >= source.length) return fail(`Unclosed start tag at byte offset ${at(begin)}`);
    const name = source.slice(i, end).toLowerCase();
    if (!SUPPORTED_TAGS.has(name)) {
      return fail(`Unsupported start tag "${name}" at byte offset ${at(begin)}`);
    }
    const parsed = parseAttributes(source, end, name, at(begin));
    if ('error' in parsed) return fail(parsed.error);
    if (name === 'span' && parsed.attributes.get('class') !== 'tg-spoiler') {
      return fail('Tag "span" must have class "tg-spoiler"');
    }
    if (name === 'tg-emoji' && !parsed.attributes.has('emoji-id')) {
      return fail('Custom emoji entity must contain a tag "emoji-id"');
    }
    open.push(name);
    i = parsed.end + 1;
  }
  const unclosed = open.at(-1);
  if (unclosed !== undefined) {
    return fail(`Can't find end tag corresponding to start tag "${unclosed}"`);
  }
  return { ok: true, text };
}

/** Parses attributes from `index` up to the closing `>` (whose index is returned as `end`). */
function parseAttributes(
  source: string,
  index: number,
  tag: string,
  offset: number,
): { attributes: Map<string, string>; end: number } | { error: string } {
  const attributes = new Map<string, string>();
  const unclosed = { error: `Unclosed start tag at byte offset ${offset}` };
  let i = index;
  for (;;) {
    while (isSpace(source[i])) i++;
    if (i >= source.length) return unclosed;
    if (source[i] === '>') return { attributes, end: i };
    const nameStart = i;
    while (i < source.length && !isSpace(source[i]) && source[i] !== '=' && source[i] !== '>') i++;
    const name = source.slice(nameStart, i).toLowerCase();
    if (name === '') {
      return { error: `Empty attribute name in the tag "${tag}" at byte offset ${offset}` };
    }
    while (isSpace(source[i])) i++;
    if (source[i] !== '=') {
      if (tag === 'blockquote' && name === 'expandable') {
        attributes.set(name, '');
        continue;
      }
      return {
        error: `Expected equal sign in declaration of an attribute of the tag "${tag}" at byte offset ${offset}`,
      };
    }
    i++;
    while (isSpace(source[i])) i++;
    if (i >= source.length) return unclosed;
    let value = '';
    const quote = source[i];
    if (quote === '"' || quote === "'") {
      i++;
      while (i < source.length && source[i] !== quote) {
        const entity = source[i] === '&' ? decodeEntity(source, i) : undefined;
        value += entity ? entity.text : (source[i] ?? '');
        i = entity ? entity.end : i + 1;
      }
      if (i < source.length) i++;
    } else {
      const tokenStart = i;
      while (i < source.length && /[A-Za-z0-9.-]/.test(source[i] ?? '')) i++;
      value = source.slice(tokenStart, i).toLowerCase();
      if (i < source.length && !isSpace(source[i]) && source[i] !== '>') {
        return { error: `Unexpected end of name token at byte offset ${offset}` };
      }
    }
    if (i >= source.length) return unclosed;
    attributes.set(name, value);
  }
}

/**
 * Validates message text or a caption like the Bot API and returns the text as the user sees it
 * (markup removed, entities decoded, trimmed). Markdown parse modes are passed through unparsed.
 */
export function validateText(
  raw: unknown,
  parseMode: unknown,
  kind: 'text' | 'caption',
): string | undefined {
  if (kind === 'caption' && (raw === undefined || raw === null)) return undefined;
  const source = typeof raw === 'string' ? raw : raw === undefined ? '' : String(raw);
  let shown = source;
  if (typeof parseMode === 'string' && parseMode !== '') {
    const mode = parseMode.toLowerCase();
    if (mode === 'html') {
      const parsed = parseTelegramHtml(source);
      if (!parsed.ok) badRequest(`can't parse entities: ${parsed.error}`);
      shown = parsed.text;
    } else if (mode !== 'markdown' && mode !== 'markdownv2') {
      badRequest('unsupported parse_mode');
    }
  }
  shown = shown.trim();
  if (kind === 'text') {
    if (shown === '') badRequest('message text is empty');
    if (shown.length > MAX_TEXT_LENGTH) badRequest('message is too long');
  } else if (shown.length > MAX_CAPTION_LENGTH) {
    badRequest('message caption is too long');
  }
  return shown;
}
