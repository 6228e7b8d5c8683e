import type { Telegram } from 'telegraf';
import type { Translate } from '../../i18n/index.ts';
import { topicApi } from './topicApi.ts';

/** Something the officers have to change before topics mode works, named after the fix. */
export type RightsProblem =
  | 'unreachable'
  | 'notSupergroup'
  | 'notForum'
  | 'notAdmin'
  | 'noManageTopics'
  | 'noPin'
  | 'privacy';

export interface RightsReport {
  /** Tickets open topics: a forum supergroup where the bot may manage topics. */
  forum: boolean;
  problems: RightsProblem[];
}

/**
 * Reads the bot's own standing in the officers' group (getChat, getChatMember of itself, and
 * getMe for privacy mode) and lists what is missing. Never throws: a group the bot cannot see
 * is reported as such.
 */
export async function checkRights(telegram: Telegram, chatId: number): Promise<RightsReport> {
  const api = topicApi(telegram);
  try {
    const me = await telegram.getMe();
    const [chat, member] = await Promise.all([
      api.getChat(chatId),
      api.getChatMember(chatId, me.id),
    ]);
    const problems: RightsProblem[] = [];
    const admin = member.status === 'administrator' || member.status === 'creator';
    if (chat.type !== 'supergroup') problems.push('notSupergroup');
    else if (chat.is_forum !== true) problems.push('notForum');
    if (!admin) {
      problems.push('notAdmin');
      // Admins receive every message; anyone else only commands while privacy mode is on.
      if (!me.can_read_all_group_messages) problems.push('privacy');
    } else {
      if (member.can_manage_topics !== true && member.status !== 'creator') {
        problems.push('noManageTopics');
      }
      if (member.can_pin_messages !== true && member.status !== 'creator') problems.push('noPin');
    }
    const forum =
      chat.type === 'supergroup' &&
      chat.is_forum === true &&
      admin &&
      !problems.includes('noManageTopics');
    return { forum, problems };
  } catch {
    return { forum: false, problems: ['unreachable'] };
  }
}

/** The officers' instructions, one line per problem, or the all-clear. */
export function rightsText(t: Translate, report: RightsReport): string {
  if (report.problems.length === 0) return t('desk.setup.ok');
  const lines = report.problems.map((problem) => `• ${t(`desk.setup.problem.${problem}`)}`);
  const mode = report.forum ? t('desk.setup.modeTopics') : t('desk.setup.modeCards');
  return `${t('desk.setup.title')}\n${lines.join('\n')}\n\n${mode}`;
}
