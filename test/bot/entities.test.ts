import type { MessageEntity } from 'telegraf/types';
import { describe, expect, it } from 'vitest';
import { entitiesToHtml } from '../../src/bot/entities.ts';

describe('entitiesToHtml', () => {
  it('escapes typed tags and keeps real formatting', () => {
    const text = 'Họp <b> lúc 8h & đúng giờ';
    const entities: MessageEntity[] = [{ type: 'bold', offset: 8, length: 6 }];
    expect(entitiesToHtml(text, entities)).toBe('Họp &lt;b&gt; <b>lúc 8h</b> &amp; đúng giờ');
  });

  it('nests entities and keeps code verbatim', () => {
    const text = 'bold italic code';
    const entities: MessageEntity[] = [
      { type: 'bold', offset: 0, length: 11 },
      { type: 'italic', offset: 5, length: 6 },
      { type: 'code', offset: 12, length: 4 },
    ];
    expect(entitiesToHtml(text, entities)).toBe('<b>bold <i>italic</i></b> <code>code</code>');
  });

  it('counts offsets in UTF-16 units, so emoji before a link do not shift it', () => {
    const text = '📢 Xem tại đây';
    const entities: MessageEntity[] = [
      { type: 'text_link', offset: 7, length: 7, url: 'https://example.org/?a=1&b="2"' },
    ];
    expect(entitiesToHtml(text, entities)).toBe(
      '📢 Xem <a href="https://example.org/?a=1&amp;b=&quot;2&quot;">tại đây</a>',
    );
  });

  it('renders quotes, spoilers and pre blocks with a language', () => {
    const text = 'quote secret x=1';
    const entities = [
      { type: 'blockquote', offset: 0, length: 5 },
      { type: 'spoiler', offset: 6, length: 6 },
      { type: 'pre', offset: 13, length: 3, language: 'js' },
    ] as MessageEntity[];
    expect(entitiesToHtml(text, entities)).toBe(
      '<blockquote>quote</blockquote> <tg-spoiler>secret</tg-spoiler> <pre><code class="language-js">x=1</code></pre>',
    );
  });

  it('leaves plain entities (urls, hashtags) as escaped text, clips a partial overlap, ignores bad offsets', () => {
    const text = '#KCN https://x.vn <tag>';
    const entities: MessageEntity[] = [
      { type: 'hashtag', offset: 0, length: 4 },
      { type: 'url', offset: 5, length: 12 },
      { type: 'bold', offset: 3, length: 4 },
      { type: 'italic', offset: 40, length: 3 },
    ];
    expect(entitiesToHtml(text, entities)).toBe('#KC<b>N</b> https://x.vn &lt;tag&gt;');
  });
});
