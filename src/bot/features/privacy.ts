import { Composer } from 'telegraf';
import type { SessionRepository, UserRepository } from '../../store/index.ts';
import type { TicketRepository } from '../../store/tickets/index.ts';
import type { BotContext } from '../context.ts';
import { callbackButton } from '../keyboard.ts';
import type { Session } from '../session.ts';
import type { Feature } from './feature.ts';

export interface PrivacyDeps {
  users: UserRepository;
  sessions: SessionRepository<Session>;
  tickets: TicketRepository;
  /** Erases what other features keep about the user (reminders, subscriptions). */
  forgetElsewhere: (userId: number) => Promise<void>;
}

/**
 * /forgetme: a user can erase their profile, subscriptions and reminders at any time; their
 * tickets stay for the Board's figures, anonymised. Asked once more before anything goes.
 */
export function privacyFeature(deps: PrivacyDeps): Feature {
  const composer = new Composer<BotContext>();
  composer.command('forgetme', (ctx) =>
    ctx.reply(ctx.t('privacy.confirm'), {
      reply_markup: {
        inline_keyboard: [
          [
            callbackButton(ctx.t('privacy.yes'), 'fm:yes'),
            callbackButton(ctx.t('privacy.no'), 'fm:no'),
          ],
        ],
      },
    }),
  );
  composer.action('fm:no', async (ctx) => {
    await ctx.answerCbQuery();
    await ctx.editMessageReplyMarkup(undefined).catch(() => undefined);
    await ctx.reply(ctx.t('privacy.kept'));
  });
  composer.action('fm:yes', async (ctx) => {
    const userId = ctx.from.id;
    const tickets = await deps.tickets.eraseFiler(userId);
    await deps.forgetElsewhere(userId);
    await deps.sessions.delete(`${ctx.chat?.id ?? userId}:${userId}`);
    ctx.saveSession = async () => {};
    await deps.users.remove(userId);
    await ctx.answerCbQuery();
    await ctx.editMessageReplyMarkup(undefined).catch(() => undefined);
    await ctx.reply(ctx.t('privacy.done', { tickets: tickets.length }));
  });
  return {
    name: 'privacy',
    composer,
    commands: [{ command: 'forgetme', description: 'cmd.forgetme', audience: 'everyone' }],
    menu: [],
  };
}
