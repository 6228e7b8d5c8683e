import type { Config } from '../../../config.ts';
import type { OutboxWorker } from '../../../delivery/outboxWorker.ts';
import type { Scheduler } from '../../../delivery/scheduler.ts';
import type { NoticeStore, UserRepository } from '../../../store/index.ts';
import type { BotContext } from '../../context.ts';
import type { FeatureParts } from '../feature.ts';
import type { LabelContext, ParkList } from './labels.ts';

/** What the notices features share: the store, the parks, and the two delivery services. */
export interface NoticeDeps {
  config: Config;
  users: UserRepository;
  notices: NoticeStore;
  parks: ParkList;
  scheduler: Scheduler;
  worker: OutboxWorker;
  now: () => Date;
}

/** One part of the notices feature (subscriptions, reminders, schedules, broadcasts). */
export type NoticePart = { name: string } & Required<
  Pick<FeatureParts, 'composer' | 'commands' | 'menu'>
> &
  Pick<FeatureParts, 'steps'>;

export const labelsOf = (ctx: BotContext, parks: ParkList): LabelContext => ({
  t: ctx.t,
  lang: ctx.lang,
  parks,
});

/** Text of a message, or '' for anything else. */
export function messageText(ctx: BotContext): string {
  return ctx.message && 'text' in ctx.message ? ctx.message.text : '';
}
