/**
 * What a message is, decided before any search: small talk ("alo", "cảm ơn", "🙂"), a grievance
 * (the writer says something wrong is being done to them at work), or a question. Off-topic is
 * decided after the search, from whether the question shares any topic word with the entries.
 * Runs on the text after shorthand expansion, folded, so "ko tra luong" and "không trả lương"
 * read the same.
 */
import { foldVietnamese } from './normalize.ts';

export type Intent = 'smalltalk' | 'grievance' | 'question' | 'offtopic';
export type SmallTalkKind = 'greeting' | 'thanks' | 'goodbye' | 'acknowledgement';

/** Words a message may be made of and still be only small talk (folded). */
const SMALL_TALK_WORDS = new Set(
  (
    'alo a lo hi hello helo hey chao xin cam on thanks thank thankyou tks thx ty you ok oke okie ' +
    'okay okela uh u um uhm vang da hihi haha hehe bye goodbye tam biet good morning afternoon ' +
    'evening night chuc ngu ngon buoi sang trua chieu toi bot ad admin ban em anh chi nhe nha ' +
    'nhieu lam roi duoc co ai khong do oi noted great nice cool alright all right lot much so ' +
    'very again dear there everyone moi nguoi minh toi cac'
  ).split(' '),
);
const THANKS = /\b(cam on|thank|thanks|tks|thx|ty)\b/;
const GOODBYE = /\b(bye|goodbye|tam biet|good night|ngu ngon)\b/;
const GREETING = /\b(alo|a lo|hi|hello|helo|hey|chao|good (morning|afternoon|evening))\b/;

/** Who a harm is done to, between the verb and its complement ("bắt em nghỉ", "ép anh em làm"). */
const VI_OBJECT =
  '(?:(?:em|minh|toi|chung em|anh em|chi em|cong nhan|nguoi lao dong|nhan vien|moi nguoi|ca xuong|ca chuyen) )?';

/** Vietnamese grievance cues, folded: a harm done to the writer, or a duty not met. */
const VI_GRIEVANCE = new RegExp(
  [
    '\\bbi (duoi|sa thai|tru|ep|bat|quay roi|sam so|danh|chui|mang|phat|giu|cat|no|thuong|tai nan|' +
      'ky luat|cho nghi|bat nat|xuc pham|doi xu|lua|de doa|doa|tru dap|giam|cam|nhot|nga|ngat|kep|' +
      'cuon|bong|gay|dut|ngo doc|say nang|chen ep|bo roi|o ep)',
    '\\b(khong|chua) nop (bao hiem|tien|cho co quan)|\\b(khong|chua) (tra|dong|cho|chiu|thanh toan|tang luong|giai quyet|lo|quan tam|dua|' +
      'bao truoc|tinh|boi thuong|ho tro|trang bi|lap|co dong|co xu|co che chan|co quat|co dieu hoa|' +
      'co com|co nuoc)\\b',
    '\\bma (khong|chua|van|cu|lai) ',
    `\\b(no|cham|tre|tru|cat|giam|quyt|giu|phat) ${VI_OBJECT}(luong|tien|bao hiem|chuyen can|thuong|tro cap)`,
    `\\b(ep|bat|buoc) ${VI_OBJECT}(lam|tang ca|di lam|o lai|nghi|ky|thoi viec)`,
    `\\b(danh|chui|mang|tat|xo|day|doa|quat) ${VI_OBJECT}(cong nhan|nguoi|em|minh|toi|chi em|anh em|nhan vien|truoc)`,
    '\\b(quay roi|sam so|dong tay dong chan|chui|danh dap|danh nguoi|bat nat|tru dap|mang nhiec|' +
      'tuc tiu|tho bao|thieu ton trong|kham nguoi|sach nhieu)\\b',
    '\\b(xa thai|xa khoi|xa nuoc thai|o nhiem|hoi thoi|ngot ngat|mui hoi|nong nac|mui khet)',
    '\\b(doi tien|boi tron|hoi lo|phong bi|voi tien)',
    '\\bgiu (giay to|bang|so|ho chieu|can cuoc|cmnd|cccd|luong|the)',
    '\\b(dinh cong|vo co|vo ly|khong ly do|bo mac|ngat xiu|keu cho|hen lan hen luot|so bi|bao nghi luon)',
    '\\b(nguoc dai|boc lot|phan biet doi xu|lua dao|bi lua|mat an toan|khong an toan|nguy hiem|' +
      'mat ve sinh|ep ky|bat ky|khong cho ve|de doa|tru dap|o ep)\\b',
  ].join('|'),
);
const EN_GRIEVANCE =
  /\b(not (been )?paid|has ?n[o']t paid|have ?n[o']t (been )?paid|hasn'?t paid|won'?t pay|paying me late|no (overtime )?pay|without pay|unpaid|fired me|i was (fired|dismissed|sacked|laid off|injured|hurt)|got (hurt|injured|fired)|harass\w*|abus\w*|bull(y|ied|ying)|brib\w*|took my|kept my|keeps? (touching|shouting|yelling|hitting|threatening)|touch(es|ed|ing)? me|hit (me|us|workers)|(shout|yell)(s|ed|ing)? at|makes? (me|us) (work|stay)|made (me|us) (work|stay)|won'?t (give|return|let|allow)|(didn'?t|did not|doesn'?t|does not) (pay|give|let|allow)|forced (me|us|to)|threaten\w*|treat(s|ed)? (me|us) badly|unfair(ly)?|deducted|docked|cut my|unsafe|dangerous|discriminat\w*|exploit\w*|cheat\w*|withh(e|o)ld|confiscat\w*|refus(e|es|ed) (to|my))\b/;

/** True when every word of the message is greeting, thanks or filler, or it has no words at all. */
export function smallTalkKind(text: string): SmallTalkKind | null {
  const folded = foldVietnamese(text.normalize('NFC'));
  const words = folded.match(/[a-z0-9]+/g) ?? [];
  if (words.length > 8 || !words.every((word) => SMALL_TALK_WORDS.has(word))) return null;
  const phrase = words.join(' ');
  if (THANKS.test(phrase)) return 'thanks';
  if (GOODBYE.test(phrase)) return 'goodbye';
  if (GREETING.test(phrase)) return 'greeting';
  return 'acknowledgement';
}

/** True when the message describes something wrong being done to the writer or at work. */
export function isGrievance(text: string): boolean {
  const folded = foldVietnamese(text.normalize('NFC'))
    .replace(/[^a-z0-9' ]+/g, ' ')
    .replace(/\s+/g, ' ');
  return VI_GRIEVANCE.test(folded) || EN_GRIEVANCE.test(folded);
}

/** Intent before search; 'question' may still become 'offtopic' once the search finds nothing. */
export function classifyIntent(expandedText: string): Exclude<Intent, 'offtopic'> {
  if (smallTalkKind(expandedText) !== null) return 'smalltalk';
  if (isGrievance(expandedText)) return 'grievance';
  return 'question';
}
