/**
 * Vietnamese chat shorthand and teencode ("ko dc nghi phep thi sao", "cty no luong", "bn kcn")
 * rewritten to the words they stand for, with accents, before language detection and matching.
 * Ambiguous forms are resolved by their neighbours: "bn" is "bao nhiêu" before a noun, "bạn"
 * after "cho"/"chào", "Bắc Ninh" after "kcn"/"tỉnh"; "cn" is "công nghiệp" after "khu",
 * "chủ nhật" after "ngày"/"thứ", otherwise "công nhân". Forms that are also English words
 * ("a", "e", "c", "v", "ad", "bit") are only rewritten when the message does not read as English.
 */
import { foldVietnamese } from './normalize.ts';

/** Unambiguous shorthand: folded or raw lower-case form → full words. */
const PLAIN: Readonly<Record<string, string>> = {
  ko: 'không',
  kh: 'không',
  kg: 'không',
  hok: 'không',
  khum: 'không',
  hem: 'không',
  k0: 'không',
  khg: 'không',
  dc: 'được',
  dk: 'đăng ký',
  dky: 'đăng ký',
  ntn: 'như thế nào',
  cty: 'công ty',
  cti: 'công ty',
  ct: 'công ty',
  ng: 'người',
  lm: 'làm',
  ld: 'lao động',
  nld: 'người lao động',
  bhxh: 'bảo hiểm xã hội',
  tnld: 'tai nạn lao động',
  tnlđ: 'tai nạn lao động',
  bhyt: 'bảo hiểm y tế',
  bhtn: 'bảo hiểm thất nghiệp',
  oy: 'rồi',
  ruj: 'rồi',
  roy: 'rồi',
  ik: 'đi',
  mk: 'mình',
  mik: 'mình',
  mng: 'mọi người',
  tg: 'thời gian',
  sdt: 'số điện thoại',
  dthoai: 'điện thoại',
  vs: 'với',
  trc: 'trước',
  ns: 'nói',
  nv: 'nhân viên',
  ql: 'quản lý',
  qly: 'quản lý',
  bql: 'ban quản lý',
  gp: 'giấy phép',
  gpld: 'giấy phép lao động',
  gpxd: 'giấy phép xây dựng',
  dn: 'doanh nghiệp',
  kt: 'kiểm tra',
  hq: 'hải quan',
  xk: 'xuất khẩu',
  nk: 'nhập khẩu',
  sx: 'sản xuất',
  mun: 'muốn',
  nhiu: 'nhiều',
  thui: 'thôi',
  dzay: 'vậy',
  dzậy: 'vậy',
  zay: 'vậy',
  zậy: 'vậy',
  bít: 'biết',
  pít: 'biết',
  wá: 'quá',
  wa: 'quá',
  bik: 'biết',
  bjk: 'biết',
  hnay: 'hôm nay',
  hqua: 'hôm qua',
  bjo: 'bây giờ',
  bgio: 'bây giờ',
  ntnao: 'như thế nào',
  lsao: 'làm sao',
  ah: 'à',
  uk: 'ừ',
  uh: 'ừ',
};

/** Shorthand that is also an English word or letter: rewritten only in non-English messages. */
const SHORT: Readonly<Record<string, string>> = {
  k: 'không',
  j: 'gì',
  z: 'vậy',
  v: 'vậy',
  r: 'rồi',
  e: 'em',
  c: 'chị',
  ad: 'admin',
  ms: 'mới',
  ot: 'tăng ca',
  dt: 'điện thoại',
  nc: 'nước',
  bt: 'biết',
  hc: 'học',
};

const BN_AS_BAC_NINH = new Set(['kcn', 'tinh', 'o', 'tai', 'vao', 'ninh', 'bac']);
const BN_AS_BAN = new Set(['cho', 'chao', 'cam', 'on', 'cua', 'giup', 'hoi', 'voi', 'nho']);
const BH_AS_INSURANCE = new Set([
  'dong',
  'nop',
  'tien',
  'so',
  'tru',
  'cat',
  'xa',
  'y',
  'te',
  'cho',
]);
const XL_AS_PROCESSING = new Set(['nuoc', 'thai', 'rac', 'ho', 'so', 'don', 'vi', 'pham']);
const CN_AS_SUNDAY = new Set(['ngay', 'thu', 't7', 'va', 'lam']);
const ENGLISH_CUES = new Set(
  (
    'the is are was my i what how do does did can you of to for in and have has it this that ' +
    'please where when who which why there with from would could should our we they'
  ).split(' '),
);

interface Word {
  raw: string;
  folded: string;
  start: number;
  end: number;
}

/** Chooses the reading of an ambiguous form from the folded words around it. */
function resolveAmbiguous(
  word: string,
  before: string,
  after: string,
  near: readonly string[],
): string | null {
  switch (word) {
    case 'bn':
      if (BN_AS_BAC_NINH.has(before)) return 'Bắc Ninh';
      if (BN_AS_BAN.has(before) || after === 'oi' || after === 'co' || after === 'ơi') return 'bạn';
      return 'bao nhiêu';
    case 'cn':
      if (before === 'khu') return 'công nghiệp';
      if (CN_AS_SUNDAY.has(before) && after !== 'o' && after !== 'kcn') return 'chủ nhật';
      return 'công nhân';
    case 'bh':
      return near.some((w) => BH_AS_INSURANCE.has(w)) ? 'bảo hiểm' : 'bao giờ';
    case 'xl':
      return near.some((w) => XL_AS_PROCESSING.has(w)) ? 'xử lý' : 'xin lỗi';
    case 'tl':
      return before === 'tien' || after === 'luong' ? 'tiền lương' : 'trả lời';
    case 'a':
      // "a" closing a message is the polite particle "ạ"; elsewhere it is "anh".
      return after === '' ? 'ạ' : 'anh';
    default:
      return null;
  }
}

const AMBIGUOUS = new Set(['bn', 'cn', 'bh', 'xl', 'tl', 'a']);

/** True when the message reads as English, so "a", "v", "c" are English words, not teencode. */
function readsAsEnglish(words: readonly Word[]): boolean {
  if (words.some((word) => word.raw !== word.folded && /[^\x20-\x7e]/.test(word.raw))) return false;
  const cues = words.filter((word) => ENGLISH_CUES.has(word.folded)).length;
  return cues >= 2 || (cues === 1 && words.length <= 3);
}

/**
 * Rewrites shorthand in `text` and returns the new text; everything else (punctuation, case,
 * accents of other words) is kept, so the result can go on to detection, tokenising and display.
 */
export function expandShorthand(text: string): string {
  const words: Word[] = [];
  for (const match of text.normalize('NFC').matchAll(/[\p{L}\p{M}\d]+/gu)) {
    const raw = match[0].toLowerCase();
    words.push({
      raw,
      folded: foldVietnamese(raw),
      start: match.index,
      end: match.index + match[0].length,
    });
  }
  if (words.length === 0) return text;
  const english = readsAsEnglish(words);
  let output = '';
  let cursor = 0;
  const source = text.normalize('NFC');
  words.forEach((word, index) => {
    const before = words[index - 1]?.folded ?? '';
    const after = words[index + 1]?.folded ?? '';
    const near = words.slice(Math.max(0, index - 3), index + 4).map((w) => w.folded);
    let replacement =
      PLAIN[word.raw] ?? (word.raw === word.folded ? PLAIN[word.folded] : undefined);
    if (replacement === undefined && !english) {
      if (AMBIGUOUS.has(word.raw))
        replacement = resolveAmbiguous(word.raw, before, after, near) ?? undefined;
      else replacement = SHORT[word.raw];
    }
    if (replacement === undefined) return;
    output += source.slice(cursor, word.start) + replacement;
    cursor = word.end;
  });
  return output + source.slice(cursor);
}
