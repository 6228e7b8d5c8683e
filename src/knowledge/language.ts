import { foldVietnamese, telexCandidates } from './normalize.ts';
import type { Lang } from './schema.ts';
import { isEnglishWord, isVietnameseWord } from './wordlists.ts';

/** Letters that only Vietnamese uses; one of them settles the question. */
export const VIETNAMESE_LETTERS =
  /[àáảãạăằắẳẵặâầấẩẫậèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵđ]/i;

/** Folded Vietnamese function words and very common syllables typed without accents. */
const VIETNAMESE_WORDS = new Set(
  (
    'la cua va cac nhung duoc cho khong gi nao sao bao nhieu o dau toi minh em anh chi ban ' +
    'co the lam nhu the voi ve tai trong ngoai nay do thi ma hay hoac muon can phai bi da dang ' +
    'se roi chua nhe a oi khi nguoi lao dong cong nhan luong kcn khu nghiep doanh tinh bac ninh ' +
    'thu tuc dang ky giay phep hoi hop dong viec lam nha tro dien nuoc thoai chay phong quan ly so ' +
    'kcn bql ubnd dtm pccc bhxh cty alo'
  ).split(' '),
);

/** Common English words, including ones that would also pass as Vietnamese syllables. */
const ENGLISH_WORDS = new Set(
  (
    'the a an of to in on for is are was were be been do does did how what which who where when ' +
    'why can could i my me we our you your it its there this that and or with by at about from ' +
    'any as should would will please get have has if so into than their they them some know ' +
    'want need much many here park parks industrial worker workers wage salary board office ' +
    'phone number address contact help complaint company enterprise investment invest'
  ).split(' '),
);

/** Onset + rhyme shape of a Vietnamese syllable written without accents. */
const VIETNAMESE_SYLLABLE =
  /^(ngh|ng|nh|ch|gh|gi|kh|ph|qu|th|tr|[bcdghklmnprstvx])?(uye|uya|uyu|ieu|yeu|oai|oay|uoi|uou|oeo|uay|uay|ai|ao|au|ay|eo|eu|ia|ie|iu|oa|oe|oi|oo|ua|ue|ui|uo|uu|uy|ye|[aeiouy])(ch|ng|nh|[cmnpt]|[iouy])?$/;

/** True when a folded word has the shape of one Vietnamese syllable ("nguoi", "khong"). */
export function isVietnameseSyllable(word: string): boolean {
  return VIETNAMESE_SYLLABLE.test(word);
}

/** "dduwowngf" is Vietnamese typed in Telex with the input method switched off. */
function looksLikeTelex(word: string): boolean {
  return (
    /dd|aa|ee|oo|[auo]w|[sfrxj]$/.test(word) &&
    telexCandidates(word).some((candidate) => VIETNAMESE_SYLLABLE.test(candidate))
  );
}

/** Folded words of place names that English messages keep ("Bac Ninh", "Que Vo", "Tien Son"). */
const PLACE_WORDS = new Set([
  'bac',
  'ninh',
  'que',
  'vo',
  'tien',
  'son',
  'yen',
  'phong',
  'thuan',
  'thanh',
  'vsip',
]);

/** How much one word says for each language. */
function wordVote(raw: string, word: string): { vi: number; en: number } {
  if (VIETNAMESE_LETTERS.test(raw)) return { vi: PLACE_WORDS.has(word) ? 0.5 : 1.5, en: 0 };
  if (PLACE_WORDS.has(word)) return { vi: 0, en: 0 };
  const englishFunction = ENGLISH_WORDS.has(word);
  const vietnameseFunction = VIETNAMESE_WORDS.has(word);
  if (englishFunction && !vietnameseFunction) return { vi: 0, en: 1 };
  if (vietnameseFunction && !englishFunction) return { vi: 1, en: 0 };
  if (englishFunction) return { vi: 0.5, en: 0.5 };
  const syllable = isVietnameseWord(word) || VIETNAMESE_SYLLABLE.test(word);
  const english = word.length > 1 && isEnglishWord(word);
  if (syllable && !english) return { vi: 0.75, en: 0 };
  if (english && !syllable) return { vi: 0, en: 1 };
  if (english) return { vi: 0.25, en: 0.25 };
  if (looksLikeTelex(word)) return { vi: /dd|aa|ee|oo|[auo]w/.test(word) ? 1 : 0.5, en: 0 };
  // A vowel-less unknown ("kcn", "dtm") is a Vietnamese abbreviation more often than not.
  return /[aeiouy]/.test(word) ? { vi: 0, en: 0.5 } : { vi: 0.5, en: 0 };
}

/**
 * Guesses whether the user wrote Vietnamese or English so the answer comes back in the same
 * language. Run after {@link expandShorthand}, so teencode already reads as Vietnamese. Accented
 * words, Vietnamese function words and real syllables (from the `dictionary-vi` list) vote for
 * Vietnamese; English function words and dictionary words that are not syllables vote for
 * English; place names vote for neither. Ties go to Vietnamese, the board's working language.
 * Measured on the 400 eval queries labelled by language (English vs Vietnamese kinds, both
 * splits, after shorthand expansion): this detector 397/400, tinyld 1.3.4 limited to vi/en
 * 342/400, eld 2.1.0 329/400 — so neither library is used.
 */
export function detectLanguage(query: string): Lang {
  let vietnamese = 0;
  let english = 0;
  for (const match of query.normalize('NFC').matchAll(/[\p{L}\p{M}]+/gu)) {
    const raw = match[0].toLowerCase();
    const vote = wordVote(raw, foldVietnamese(raw));
    vietnamese += vote.vi;
    english += vote.en;
  }
  return english > vietnamese ? 'en' : 'vi';
}
