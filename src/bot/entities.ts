import type { MessageEntity } from 'telegraf/types';
import { escapeHtml } from './html.ts';

/**
 * Telegram hands a formatted message to the bot as plain text plus entities (offsets in UTF-16
 * code units, like JavaScript strings). Re-sending that text as HTML would lose the officer's bold,
 * links and quotes, and escaping alone would show typed `<b>` literally, which is right for text
 * but wrong for formatting. This turns text + entities back into Telegram HTML, with every
 * character of the text escaped.
 */
export function entitiesToHtml(
  text: string,
  entities: readonly MessageEntity[] | undefined,
): string {
  const sorted = [...(entities ?? [])]
    .filter((entity) => entity.length > 0 && entity.offset >= 0)
    .sort((a, b) => a.offset - b.offset || b.length - a.length);
  return render(text, 0, text.length, sorted);
}

function render(text: string, from: number, to: number, entities: MessageEntity[]): string {
  let html = '';
  let position = from;
  let index = 0;
  while (index < entities.length) {
    const entity = entities[index] as MessageEntity;
    const end = Math.min(entity.offset + entity.length, to);
    index += 1;
    // Telegram never sends partly overlapping entities; if one does, its formatting is dropped.
    if (entity.offset < position || entity.offset >= to) continue;
    const children: MessageEntity[] = [];
    while (index < entities.length && (entities[index] as MessageEntity).offset < end) {
      children.push(entities[index] as MessageEntity);
      index += 1;
    }
    html += escapeHtml(text.slice(position, entity.offset));
    const inner = render(text, entity.offset, end, children);
    html += wrap(entity, inner, text.slice(entity.offset, end));
    position = end;
  }
  return html + escapeHtml(text.slice(position, to));
}

/** Telegram HTML for one entity around its already rendered content. */
function wrap(entity: MessageEntity, inner: string, raw: string): string {
  switch (entity.type) {
    case 'bold':
      return `<b>${inner}</b>`;
    case 'italic':
      return `<i>${inner}</i>`;
    case 'underline':
      return `<u>${inner}</u>`;
    case 'strikethrough':
      return `<s>${inner}</s>`;
    case 'spoiler':
      return `<tg-spoiler>${inner}</tg-spoiler>`;
    case 'code':
      return `<code>${escapeHtml(raw)}</code>`;
    case 'pre': {
      const language = entity.language ? ` class="language-${escapeHtml(entity.language)}"` : '';
      return `<pre><code${language}>${escapeHtml(raw)}</code></pre>`;
    }
    case 'text_link':
      return `<a href="${escapeHtml(entity.url)}">${inner}</a>`;
    case 'text_mention':
      return `<a href="tg://user?id=${entity.user.id}">${inner}</a>`;
    case 'custom_emoji':
      return `<tg-emoji emoji-id="${escapeHtml(entity.custom_emoji_id)}">${inner}</tg-emoji>`;
    default:
      return blockquote(entity.type, inner);
  }
}

/** Quotes are newer than telegraf's types (Bot API 7.1): read by name, not by type. */
function blockquote(type: string, inner: string): string {
  if (type === 'blockquote') return `<blockquote>${inner}</blockquote>`;
  if (type === 'expandable_blockquote') return `<blockquote expandable>${inner}</blockquote>`;
  // url, mention, hashtag, email, phone_number, bot_command…: Telegram finds these again itself.
  return inner;
}
