import type { Logger } from 'pino';
import type { Telegram } from 'telegraf';
import { languageOfUser, translator } from '../../bot/i18n/index.ts';
import type { Config } from '../../config.ts';
import type { UserRepository } from '../../store/index.ts';

/** Bot API's setChatMenuButton with a web_app button, typed here rather than through telegraf. */
interface SetChatMenuButton {
  chat_id: number;
  menu_button: { type: 'web_app'; text: string; web_app: { url: string } };
}

/**
 * Gives each officer's private chat a menu button that opens the dashboard; nobody else gets
 * one (their chats keep the default commands button). A failure for one officer (never started
 * the bot) is logged without the id and does not stop the others.
 */
export async function setOfficerMenuButtons(
  telegram: Telegram,
  config: Config,
  users: UserRepository,
  logger: Logger,
): Promise<void> {
  const url = config.DASHBOARD_URL;
  if (!url) return;
  let failed = 0;
  for (const officerId of config.OFFICER_IDS) {
    const t = translator(languageOfUser(users.get(officerId), config.DEFAULT_LANG));
    const request: SetChatMenuButton = {
      chat_id: officerId,
      menu_button: { type: 'web_app', text: t('app.menuButton'), web_app: { url } },
    };
    try {
      await telegram.callApi('setChatMenuButton', request);
    } catch {
      failed += 1;
    }
  }
  if (failed > 0) logger.warn({ failed }, 'some officers did not get the dashboard menu button');
}
