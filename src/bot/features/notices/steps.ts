import {
  BROADCAST_SEGMENT,
  BROADCAST_STEP,
  SCHEDULE_SEGMENT,
  SCHEDULE_STEP,
} from '../../callbackData.ts';
import { defineStep } from '../../dialogueStep.ts';

/**
 * The broadcast and schedule steps that read no text, only their buttons: what becomes of
 * anything else typed there. The steps that read text are declared next to their handlers.
 */
export const noticeSteps = [
  defineStep({
    kind: 'broadcastSegments',
    audience: 'officer',
    accepts: () => [],
    callbacks: [BROADCAST_SEGMENT, BROADCAST_STEP],
    leave: 'end',
    left: (ctx) => ctx.t('broadcast.left'),
    pending: (ctx) => ctx.t('broadcast.pending'),
  }),
  ...(['scheduleSegments', 'scheduleConfirm'] as const).map((kind) =>
    defineStep({
      kind,
      audience: 'officer',
      accepts: () => [],
      callbacks: [SCHEDULE_SEGMENT, SCHEDULE_STEP],
      leave: 'end',
      left: (ctx) => ctx.t('schedule.left'),
      pending: (ctx) => ctx.t('schedule.pending'),
    }),
  ),
];
