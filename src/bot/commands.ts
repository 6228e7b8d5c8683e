import type { Logger } from 'pino';
import type { Telegram } from 'telegraf';
import type { BotCommand } from 'telegraf/types';
import type { Config } from '../config.ts';
import type { CommandSpec } from './context.ts';
import { type Lang, translator } from './i18n/index.ts';

const LANGS: Lang[] = ['vi', 'en'];

function toBotCommands(specs: CommandSpec[], lang: Lang): BotCommand[] {
  const t = translator(lang);
  return specs.map((spec) => ({ command: spec.command, description: t(spec.description) }));
}

/**
 * Publishes the command menu Telegram shows next to the text box: everyone's commands in
 * Vietnamese and English (and the default language for other app languages), and for each
 * officer, in their private chat, the officer commands as well.
 */
export async function registerCommands(
  telegram: Telegram,
  specs: CommandSpec[],
  config: Config,
  logger: Logger,
): Promise<void> {
  const publicSpecs = specs.filter((spec) => spec.audience !== 'officer');
  const calls: Promise<unknown>[] = [
    telegram.setMyCommands(toBotCommands(publicSpecs, config.DEFAULT_LANG)),
  ];
  for (const lang of LANGS) {
    calls.push(telegram.setMyCommands(toBotCommands(publicSpecs, lang), { language_code: lang }));
    for (const officerId of config.OFFICER_IDS) {
      calls.push(
        telegram.setMyCommands(toBotCommands(specs, lang), {
          scope: { type: 'chat', chat_id: officerId },
          language_code: lang,
        }),
      );
    }
  }
  const results = await Promise.allSettled(calls);
  const failed = results.filter((result) => result.status === 'rejected').length;
  if (failed > 0) logger.warn({ failed }, 'some command menus could not be registered');
}
