import { describe, expect, it } from 'vitest';
import { escapeHtml, htmlToPlainText, splitHtmlMessage } from '../../src/bot/html.ts';

const TAGS = /<\/?([a-z-]+)[^>]*>/g;
function isBalanced(html: string): boolean {
  const stack: string[] = [];
  for (const [tag, name] of html.matchAll(TAGS)) {
    if (tag.startsWith('</')) {
      if (stack.pop() !== name) return false;
    } else if (name) stack.push(name);
  }
  return stack.length === 0;
}

describe('escapeHtml', () => {
  it('keeps user markup as text', () => {
    expect(escapeHtml('<b>wage</b> & <script>"x"')).toBe(
      '&lt;b&gt;wage&lt;/b&gt; &amp; &lt;script&gt;&quot;x&quot;',
    );
    expect(htmlToPlainText(escapeHtml('a < b & c'))).toBe('a < b & c');
  });
});

describe('splitHtmlMessage', () => {
  it('leaves a short message whole', () => {
    expect(splitHtmlMessage('<b>Xin chào</b>')).toEqual(['<b>Xin chào</b>']);
  });

  it('cuts long text on paragraph boundaries, every part under the limit', () => {
    const paragraphs = Array.from({ length: 40 }, (_, i) =>
      `Đoạn ${i}: ${'chữ '.repeat(60)}`.trim(),
    );
    const parts = splitHtmlMessage(paragraphs.join('\n\n'));
    expect(parts.length).toBeGreaterThan(1);
    for (const part of parts) {
      expect(part.length).toBeLessThanOrEqual(4096);
      expect(part.startsWith('Đoạn')).toBe(true);
    }
    expect(parts.join('\n\n')).toBe(paragraphs.join('\n\n'));
  });

  it('closes and reopens a tag that spans a cut', () => {
    const parts = splitHtmlMessage(`<pre>${'x'.repeat(9000)}</pre>`);
    expect(parts.length).toBe(3);
    for (const part of parts) {
      expect(part.startsWith('<pre>')).toBe(true);
      expect(isBalanced(part)).toBe(true);
    }
    expect(parts.map(htmlToPlainText).join('')).toBe('x'.repeat(9000));
  });

  it('never cuts inside an entity', () => {
    const parts = splitHtmlMessage('&amp;'.repeat(2000));
    for (const part of parts) expect(part).toMatch(/^(&amp;)+$/);
  });
});

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

describe('splitHtmlMessage and surrogate pairs', () => {
  it('never cuts an emoji in half, whatever the offset', () => {
    for (const lead of ['', 'a', 'ab']) {
      const text = `${lead}${'😀'.repeat(4000)}`;
      const parts = splitHtmlMessage(text);
      expect(parts.length).toBeGreaterThan(1);
      for (const part of parts) {
        expect(LONE_SURROGATE.test(part), `part ${JSON.stringify(part.slice(0, 4))}`).toBe(false);
      }
      expect(parts.join('')).toBe(text);
    }
  });
});
