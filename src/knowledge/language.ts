import { foldVietnamese, telexCandidates } from './normalize.ts';
import type { Lang } from './schema.ts';

/** Letters that only Vietnamese uses; one of them settles the question. */
const VIETNAMESE_LETTERS = /[àáảãạăằắẳẵặâầấẩẫậèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵđ]/i;

/** Folded Vietnamese function words and very common syllables typed without accents. */
const VIETNAMESE_WORDS = new Set(
  (
    'la cua va cac nhung duoc cho khong gi nao sao bao nhieu o dau toi minh em anh chi ban ' +
    'co the lam nhu the voi ve tai trong ngoai nay do thi ma hay hoac muon can phai bi da dang ' +
    'se roi chua nhe a oi khi nguoi lao dong cong nhan luong kcn khu nghiep doanh tinh bac ninh ' +
    'thu tuc dang ky giay phep hoi hop dong viec lam nha tro dien nuoc thoai chay phong quan ly'
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

/**
 * Guesses whether the user wrote Vietnamese or English so the answer comes back in the same
 * language. Unaccented Vietnamese is common on phones, so besides accents the guess counts
 * Vietnamese function words and syllable shapes against English words. Ties go to Vietnamese,
 * the board's working language.
 */
export function detectLanguage(query: string): Lang {
  if (VIETNAMESE_LETTERS.test(query)) return 'vi';
  const words = foldVietnamese(query).match(/[a-z]+/g) ?? [];
  let vietnamese = 0;
  let english = 0;
  for (const word of words) {
    if (ENGLISH_WORDS.has(word)) english += VIETNAMESE_WORDS.has(word) ? 0.5 : 1;
    else if (VIETNAMESE_WORDS.has(word)) vietnamese += 1;
    else if (VIETNAMESE_SYLLABLE.test(word)) vietnamese += 0.5;
    else if (looksLikeTelex(word)) vietnamese += /dd|aa|ee|oo|[auo]w/.test(word) ? 1 : 0.5;
    else english += 1;
  }
  return english > vietnamese ? 'en' : 'vi';
}
