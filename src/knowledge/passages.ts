/**
 * Splits the board's report into sentence-sized passages that remember where they came from
 * (part, numbered section, paragraph, sentence), so an excerpt can be cited precisely.
 *
 * The report has two numbered lists (achievements 1–5, then tasks 1–12) separated by salutations
 * ("Kính thưa quý vị đại biểu…!"). A salutation or a restart of the numbering opens a new part
 * (I, II, III…); numbered headings become sections "I.1", "II.3"; text before the first heading
 * of a part is section "II"; an unnumbered lead-in after numbered sections is "I.a", "I.b"….
 */

export interface Passage {
  /** Stable citation id: `<section>:<paragraph>.<sentence>`, e.g. "I.2:3.1". */
  id: string;
  section: string;
  sectionTitle: string;
  /** 1-based paragraph number inside the section. */
  paragraph: number;
  /** 1-based sentence number inside the paragraph. */
  sentence: number;
  text: string;
}

export interface ParsedReport {
  title: string;
  /** The report text without the web page's navigation; verbatim quotes are checked against it. */
  body: string;
  passages: Passage[];
}

/** The report's last line; everything after it on the saved page is site navigation. */
const END_OF_REPORT = /^\s*Xin trân trọng cảm ơn/i;
const TIMESTAMP_LINE = /^\d{1,2}:\d{2}\s+\d{1,2}\/\d{1,2}\/\d{4}$/;
const SALUTATION_PARAGRAPH = /^(Kính thưa|Thưa)\b[^.]{0,150}!$/u;
const SALUTATION_SENTENCE = /^(Kính thưa|Thưa)\b[^.!]*!$/u;
const NUMBERED_HEADING = /^(\d{1,2})\.\s+(\S.*)$/u;
const BULLET = /^[-–•+]\s+/u;
const ROMAN = ['I', 'II', 'III', 'IV', 'V', 'VI', 'VII', 'VIII', 'IX', 'X'];

/** Words after which a period does not end a sentence ("TP. Bắc Ninh", "v.v. Các"). */
const ABBREVIATIONS = new Set(
  [
    'TP',
    'Tp',
    'tp',
    'TX',
    'Q',
    'P',
    'TS',
    'ThS',
    'PGS',
    'GS',
    'KS',
    'BS',
    'Mr',
    'Mrs',
    'Ms',
    'Dr',
  ].concat([
    'St',
    'No',
    'Co',
    'Ltd',
    'Inc',
    'v.v',
    'vv',
    'etc',
    'e.g',
    'i.e',
    'tr',
    'Tr',
    'Số',
    'số',
  ]),
);
/** Sentence-final punctuation, then optional closing quotes/brackets, then whitespace. */
const BOUNDARY = /[.!?…]+["”’»)]*\s+/gu;
const SENTENCE_START = /^["“‘«(\-–]?[\p{Lu}\d]/u;

/**
 * Splits a paragraph into sentences. A boundary needs punctuation, whitespace and an upper-case
 * letter or digit next, so "6.397,68", "25/8/1998", "NĐ-CP" and "TP. Bắc Ninh" stay whole.
 */
export function splitSentences(paragraph: string): string[] {
  const sentences: string[] = [];
  let start = 0;
  for (const match of paragraph.matchAll(BOUNDARY)) {
    const end = match.index + match[0].length;
    if (!SENTENCE_START.test(paragraph.slice(end))) continue;
    const before = paragraph.slice(start, match.index);
    if (/^\s*\d{1,2}$/.test(before)) continue;
    const lastWord = before.split(/\s+/).at(-1) ?? '';
    if (match[0].startsWith('.') && (ABBREVIATIONS.has(lastWord) || /^\p{Lu}$/u.test(lastWord))) {
      continue;
    }
    sentences.push(paragraph.slice(start, end).trim());
    start = end;
  }
  const rest = paragraph.slice(start).trim();
  if (rest) sentences.push(rest);
  return sentences;
}

/** Cuts the saved web page down to the report itself. */
export function reportBody(raw: string): string {
  const lines = raw.replace(/\r\n?/g, '\n').split('\n');
  const endIndex = lines.findLastIndex((line) => END_OF_REPORT.test(line));
  return (endIndex === -1 ? lines : lines.slice(0, endIndex + 1)).join('\n').trim();
}

function shorten(text: string, maxLength = 100): string {
  return text.length <= maxLength ? text : `${text.slice(0, maxLength - 1).trimEnd()}…`;
}

interface SectionState {
  id: string;
  title: string;
  paragraph: number;
}

/**
 * Parses the report into passages. Pure: takes the file's text, returns data, so tests can feed
 * small fixtures.
 */
export function parseReport(raw: string): ParsedReport {
  const body = reportBody(raw);
  const paragraphs = body
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line.length > 0 && !TIMESTAMP_LINE.test(line));
  const first = paragraphs[0] ?? '';
  const hasTitleLine = first === first.toUpperCase() && /\p{Lu}/u.test(first);
  const title = hasTitleLine ? first : '';
  const passages: Passage[] = [];
  let partIndex = 0;
  let lastNumber = 0;
  let unnumberedCount = 0;
  let startNewPart = false;
  let section: SectionState = { id: ROMAN[0] ?? 'I', title: title || shorten(first), paragraph: 0 };

  const openSection = (id: string, sectionTitle: string): void => {
    section = { id, title: sectionTitle, paragraph: 0 };
  };
  const openPart = (): string => {
    partIndex += 1;
    lastNumber = 0;
    unnumberedCount = 0;
    startNewPart = false;
    return ROMAN[partIndex] ?? String(partIndex + 1);
  };

  for (const [index, paragraph] of paragraphs.entries()) {
    if (index === 0 && hasTitleLine) continue;
    if (SALUTATION_PARAGRAPH.test(paragraph)) {
      startNewPart = true;
      continue;
    }
    const text = paragraph.replace(BULLET, '');
    const sentences = splitSentences(text);
    const heading = NUMBERED_HEADING.exec(paragraph);
    const number = heading ? Number(heading[1]) : 0;
    if (heading && (startNewPart || number <= lastNumber)) {
      const part = openPart();
      lastNumber = number;
      openSection(`${part}.${number}`, shorten(sentences[0] ?? paragraph, 160));
    } else if (heading) {
      lastNumber = number;
      const part = ROMAN[partIndex] ?? String(partIndex + 1);
      openSection(`${part}.${number}`, shorten(sentences[0] ?? paragraph, 160));
    } else if (startNewPart) {
      openSection(openPart(), shorten(sentences[0] ?? paragraph));
    } else if (lastNumber > 0 && !BULLET.test(paragraph) && paragraph.endsWith(':')) {
      unnumberedCount += 1;
      const part = ROMAN[partIndex] ?? String(partIndex + 1);
      const letter = String.fromCharCode(96 + unnumberedCount);
      openSection(`${part}.${letter}`, shorten(sentences[0] ?? paragraph));
    }
    section.paragraph += 1;
    for (const [sentenceIndex, sentence] of sentences.entries()) {
      if (SALUTATION_SENTENCE.test(sentence)) continue;
      passages.push({
        id: `${section.id}:${section.paragraph}.${sentenceIndex + 1}`,
        section: section.id,
        sectionTitle: section.title,
        paragraph: section.paragraph,
        sentence: sentenceIndex + 1,
        text: sentence,
      });
    }
  }
  return { title, body, passages };
}
