import { timerService } from '../../../lifecycle.ts';
import { workingTimeBetween } from '../../../scheduling/workingTime.ts';
import type { OfficerTicketView } from '../../../store/tickets/index.ts';
import { languageOfUser, translator } from '../../i18n/index.ts';
import { officerChats } from '../tickets/notify.ts';
import { localTime, targetDue } from '../tickets/targets.ts';
import type { DeskEnv } from './env.ts';
import { groupLang } from './topics.ts';

/** A target is "near" once this share of its working time is used up. */
export const NEAR_SHARE = 0.8;
/** How often open tickets are checked against their targets. */
export const TARGET_SWEEP_MS = 60_000;

type Kind = 'response' | 'resolution';
type Stage = 'near' | 'missed';

/** Where a ticket's target stands at `now`, in working time: null while comfortably inside it. */
export function targetStage(
  env: Pick<DeskEnv, 'config' | 'calendar'>,
  view: OfficerTicketView,
  kind: Kind,
  now: Date,
): Stage | null {
  if (view.status !== 'new' && view.status !== 'in_progress') return null;
  if (kind === 'response' && view.firstResponseAt !== null) return null;
  const filed = new Date(view.createdAt);
  const due = targetDue(env.config, env.calendar, view)[kind];
  if (now >= due) return 'missed';
  const total = workingTimeBetween(filed, due, env.calendar);
  const used = workingTimeBetween(filed, now, env.calendar);
  return total > 0 && used >= total * NEAR_SHARE ? 'near' : null;
}

async function warn(env: DeskEnv, view: OfficerTicketView, kind: Kind, stage: Stage) {
  const group = env.config.OFFICER_CHAT_ID;
  const due = localTime(
    targetDue(env.config, env.calendar, view)[kind].toISOString(),
    env.config.TZ,
  );
  const build = (lang: 'vi' | 'en') => {
    const t = translator(lang);
    return t(`desk.target.${stage}`, {
      code: view.code,
      target: t(`desk.target.${kind}`),
      due,
    });
  };
  const thread = env.deskStore.topicOf(view.code)?.threadId;
  if (stage === 'missed' || thread === undefined) {
    // Escalation goes to the group's general topic; a warning without a topic goes to the owner.
    const chats =
      stage === 'near' && view.assignee !== null && group === undefined
        ? [view.assignee]
        : group !== undefined
          ? [group]
          : officerChats(env);
    for (const chat of chats) {
      const lang =
        chat === group
          ? groupLang(env)
          : languageOfUser(env.users.get(chat), env.config.DEFAULT_LANG);
      await env.telegram.sendMessage(chat, build(lang)).catch(() => undefined);
    }
    return;
  }
  if (group === undefined) return;
  await env.telegram
    .sendMessage(group, build(groupLang(env)), { message_thread_id: thread })
    .catch(() => undefined);
}

/** One pass: every open ticket whose target became near or was missed is reported once. */
export async function checkTargets(env: DeskEnv): Promise<void> {
  const now = env.now();
  for (const view of env.tickets.list()) {
    for (const kind of ['response', 'resolution'] as const) {
      const stage = targetStage(env, view, kind, now);
      if (stage === null) continue;
      const marks = env.deskStore.marks(view.code);
      if (marks.includes(`${kind}:${stage}`)) continue;
      // A missed target that was never warned about still gets one message, the escalation.
      await env.deskStore.addMark(view.code, `${kind}:${stage}`);
      if (stage === 'missed') await env.deskStore.addMark(view.code, `${kind}:near`);
      await warn(env, view, kind, stage);
    }
  }
}

/** Checks the service targets beside the update loop. */
export function serviceTargetService(env: DeskEnv, sweepMs = TARGET_SWEEP_MS) {
  return timerService({
    name: 'service targets',
    next: () => sweepMs,
    runAtStart: true,
    logger: env.logger,
    run: () => checkTargets(env),
  });
}
