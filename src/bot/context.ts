import type { Logger } from 'pino';
import type { Context } from 'telegraf';
import type { Config } from '../config.ts';
import type { User } from '../store/index.ts';
import type { SessionWrite } from '../store/sessions.ts';
import type { Lang, PlainKey, Translate } from './i18n/index.ts';
import type { Session } from './sessionTypes.ts';

/** What every handler can rely on once the core middleware has run. */
export interface BotContext extends Context {
  session: Session;
  profile: User;
  lang: Lang;
  t: Translate;
  /** Checked against OFFICER_IDS on the server for every update, never trusted from the client. */
  isOfficer: boolean;
  config: Config;
  /** This update's logger: carries update_id (see updateLogger). */
  log: Logger;
  /** Makes the current session durable; await it before telling the user a step was taken. */
  saveSession: () => Promise<void>;
  /**
   * The session `next` gives, to commit in the same write as another change (the ticket it
   * files); once that commits, `saveSession` has nothing left to write. Unset outside the
   * session middleware.
   */
  sessionWrite?: <R>(next: (result: R) => Session) => SessionWrite<R>;
}

export type Audience = 'everyone' | 'worker' | 'enterprise' | 'officer';

export interface CommandSpec {
  command: string;
  description: PlainKey;
  audience: Audience;
}

export interface MenuItem {
  label: PlainKey;
  /** Callback data the owning feature answers. */
  data: string;
  audience: Audience;
}

/** Whether something meant for `audience` is shown to this user. */
export function visibleTo(
  ctx: Pick<BotContext, 'profile' | 'isOfficer'>,
  audience: Audience,
): boolean {
  if (audience === 'everyone') return true;
  if (audience === 'officer') return ctx.isOfficer;
  return ctx.profile.role === null || ctx.profile.role === audience || ctx.isOfficer;
}
