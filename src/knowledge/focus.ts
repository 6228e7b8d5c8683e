/**
 * Finds the question inside a long message. People greet, say who they are and tell their story
 * before they ask ("chào ad, mình làm ở cty điện tử 2 năm, tuần trước quản lý bảo nghỉ việc…,
 * vậy mình có được bồi thường gì không ạ"). Scoring the whole ramble lets the story's incidental
 * words (the park's name, "2 năm", "công ty may") pull in entries about them and makes the
 * question look poorly covered. Here the message is cut into clauses; the ones that ask are the
 * focus, the others are context that still counts, but less.
 *
 * Runs on the text after shorthand expansion ("ko" is already "không").
 */
import { VIETNAMESE_LETTERS } from './language.ts';
import { foldVietnamese } from './normalize.ts';

export interface Clause {
  text: string;
  /** True for a clause that asks (or the only clause, or when none visibly asks). */
  focus: boolean;
}

/**
 * A message this short is one question however it is punctuated: in "I was dismissed, what are
 * my rights?" the first clause is the topic, not a story to discount.
 */
const SHORT_MESSAGE_WORDS = 12;

/** Clause boundaries: sentence ends, semicolons, line breaks and commas followed by a space. */
const CLAUSE_BREAK = /[?!;\n]+|[.…](?=\s|$)|,(?=\s)/u;

/**
 * Asking formulas that start the question: the clause is cut before them, so "em làm ở Quế Võ
 * cho em hỏi lương bao nhiêu" asks only from "cho em hỏi" on.
 */
const ASK_START =
  /\b(cho (em |minh |toi |chau |anh |chi )?hoi|(em |minh |toi )?muon (hoi|biet)|xin (duoc )?hoi|xin tu van|nho (ban|ad|anh|chi) (tu van|giai thich)|could you (tell|explain|advise|help)|can you (tell|explain|advise|help)|i would like to (know|ask)|we would like to (know|ask)|i want to (know|ask)|please (tell|advise|explain|let us know)|do you know)\b/;

/** Trailing politeness and particles that may follow the asking word at a clause's end. */
const TRAILING =
  /(\s+(a|a a|vay|vay a|nhi|nhe|nha|ad|oi|ad oi|ban oi|z|v|ha|day|the|chu|ban|anh|chi|em|please|thanks|thank you))+$/;

/** Vietnamese asking words, folded; a clause with one of them asks. */
const VI_QUESTION =
  /\b(bao nhieu|bao lau|bao gio|khi nao|luc nao|o dau|cho nao|noi nao|the nao|ra sao|lam sao|lam gi|tai sao|vi sao|la gi|la ai|gi khong|duoc khong|co phai|phai khong|hay khong|hay chua|nhung gi|nhu nao|can gi|can nhung|o nao|nao khong|ai lo|ai giai quyet|ai chiu)\b/;
/** A Vietnamese clause that ends with an asking particle: "… có được không", "… chưa". */
const VI_QUESTION_END = /\b(khong|chua|ai|nao|gi|dau|sao|hong|khum|ha|nhi)$/;
/** English questions start with a question word or an auxiliary. */
const EN_QUESTION_START =
  /^(what|how|where|when|who|whom|which|why|is|are|do|does|did|can|could|should|would|will|may|must|shall|have|has)\b/;

/** True when a folded clause asks something. */
function asks(raw: string, folded: string): boolean {
  if (/\?\s*$/u.test(raw)) return true;
  const bare = folded.replace(TRAILING, '').trim();
  return (
    ASK_START.test(bare) ||
    VI_QUESTION.test(bare) ||
    VI_QUESTION_END.test(bare) ||
    // "mấy" folds to "may" and "cần" to "can": English openings only count in unaccented text.
    (!VIETNAMESE_LETTERS.test(raw) && EN_QUESTION_START.test(bare))
  );
}

function fold(text: string): string {
  return foldVietnamese(text.normalize('NFC'))
    .replace(/[^a-z0-9' ]+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

/** Splits a clause before an asking formula that starts mid-clause (the clause is folded once). */
function splitAtAsk(raw: string): string[] {
  const words = raw.split(/\s+/u).filter((word) => word !== '');
  const foldedWords = words.map(fold);
  // Only when every word folds to one word, so positions in both agree.
  if (foldedWords.some((word) => word === '' || word.includes(' '))) return [raw];
  const folded = foldedWords.join(' ');
  const match = ASK_START.exec(folded);
  if (!match || match.index === 0) return [raw];
  const cut = folded.slice(0, match.index).trim().split(' ').length;
  // A formula within the first words ("em muốn hỏi", "dạ cho em hỏi") leaves nothing worth cutting.
  if (cut < 3) return [raw];
  return [words.slice(0, cut).join(' '), words.slice(cut).join(' ')];
}

/**
 * The message's clauses, each marked as focus (it asks) or context. A message of one clause, or
 * one where no clause visibly asks, is all focus: there is nothing to discount.
 */
export function clausesOf(text: string): Clause[] {
  const pieces: string[] = [];
  const matches = text.split(CLAUSE_BREAK);
  // Keep the "?" with its clause: split drops it, so look at the original text again.
  let cursor = 0;
  for (const piece of matches) {
    const start = text.indexOf(piece, cursor);
    const end = start + piece.length;
    const question = /^\s*\?/u.test(text.slice(end));
    cursor = end;
    const trimmed = piece.trim();
    if (trimmed === '') continue;
    const parts = splitAtAsk(trimmed);
    parts.forEach((part, position) => {
      pieces.push(question && position === parts.length - 1 ? `${part}?` : part);
    });
  }
  const withFolded = pieces
    .map((raw) => ({ raw, folded: fold(raw) }))
    .filter((piece) => piece.folded !== '');
  const words = withFolded.reduce((sum, piece) => sum + piece.folded.split(' ').length, 0);
  if (withFolded.length <= 1 || words <= SHORT_MESSAGE_WORDS) {
    return withFolded.map((piece) => ({ text: piece.raw, focus: true }));
  }
  const marked = withFolded.map((piece) => ({
    text: piece.raw,
    focus: asks(piece.raw, piece.folded),
  }));
  if (!marked.some((clause) => clause.focus)) {
    return marked.map((clause) => ({ ...clause, focus: true }));
  }
  return marked;
}

/**
 * True when a clause that asks names a year after `lastYear` ("năm 2024 thu hút bao nhiêu vốn"):
 * the report ends there, so any figure it has would answer a different question.
 */
export function asksAboutYearAfter(clauses: readonly Clause[], lastYear: number): boolean {
  return clauses.some(
    (clause) =>
      clause.focus &&
      (clause.text.match(/\b(19|20)\d\d\b/g) ?? []).some((year) => Number(year) > lastYear),
  );
}
