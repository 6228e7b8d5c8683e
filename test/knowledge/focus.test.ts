import { describe, expect, it } from 'vitest';
import { asksAboutYearAfter, clausesOf } from '../../src/knowledge/focus.ts';
import { expandShorthand } from '../../src/knowledge/shorthand.ts';

const focusOf = (text: string) =>
  clausesOf(expandShorthand(text))
    .filter((clause) => clause.focus)
    .map((clause) => clause.text);

describe('the question inside a long message', () => {
  it('keeps the greeting and the story as context and the asking clause as focus', () => {
    const clauses = clausesOf(
      'Dạ chào chị, em mới có bầu được 3 tháng, em làm ở công ty may trong khu Tiên Sơn. ' +
        'Em muốn biết nghỉ sinh thì được nghỉ bao lâu ạ?',
    );
    expect(clauses.filter((clause) => !clause.focus).map((clause) => clause.text)).toEqual([
      'Dạ chào chị',
      'em mới có bầu được 3 tháng',
      'em làm ở công ty may trong khu Tiên Sơn',
    ]);
    expect(clauses.filter((clause) => clause.focus)).toHaveLength(1);
  });

  it('reads a short message as one question however it is punctuated', () => {
    expect(focusOf('I was dismissed, what are my rights?')).toEqual([
      'I was dismissed',
      'what are my rights?',
    ]);
    expect(focusOf('bi duoi viec, phai lam sao')).toHaveLength(2);
  });

  it('finds questions in unaccented and teencode Vietnamese and in English', () => {
    expect(focusOf('chao ad, minh lam o cty 2 nam, vay minh co duoc boi thuong gi ko a')).toEqual([
      'vay minh co duoc boi thuong gi không ạ',
    ]);
    expect(
      focusOf('Good day, we lease land in Que Vo park. Do we need a construction permit?'),
    ).toEqual(['Do we need a construction permit?']);
  });

  it('cuts a clause before an asking formula that starts in its middle', () => {
    expect(focusOf('em làm ở Quế Võ đã lâu rồi cho em hỏi lương bình quân bao nhiêu')).toEqual([
      'cho em hỏi lương bình quân bao nhiêu',
    ]);
  });

  it('treats a one-clause message, or one where nothing visibly asks, as all focus', () => {
    expect(focusOf('lương công nhân bao nhiêu')).toEqual(['lương công nhân bao nhiêu']);
    expect(focusOf('công ty nợ lương, quản lý bảo chờ')).toEqual([
      'công ty nợ lương',
      'quản lý bảo chờ',
    ]);
  });

  it('does not read "mấy" (several) as the English "may" in accented text', () => {
    expect(
      focusOf('nhà em ở gần KCN, mấy tháng nay có mùi khét, em báo ở đâu ạ?').map((t) =>
        t.includes('mấy'),
      ),
    ).toEqual([false]);
  });
});

describe('years after the report', () => {
  it('is noticed only in a clause that asks', () => {
    expect(asksAboutYearAfter(clausesOf('năm 2024 các KCN thu hút bao nhiêu vốn'), 2018)).toBe(
      true,
    );
    expect(asksAboutYearAfter(clausesOf('năm 2017 các KCN thu hút bao nhiêu vốn'), 2018)).toBe(
      false,
    );
    const story = 'công ty đóng bảo hiểm cho em từ năm 2019, em muốn hỏi bảo hiểm bị nợ thì sao?';
    expect(asksAboutYearAfter(clausesOf(story), 2018)).toBe(false);
  });
});
