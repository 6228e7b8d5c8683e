import { defineStep } from '../../dialogueStep.ts';

/**
 * The broadcast and schedule steps. Their texts are still read by their own composers (the
 * dispatcher passes accepted messages on); what the steps add is what becomes of anything else.
 */
export const noticeSteps = [
  defineStep({
    kind: 'broadcastCompose',
    accepts: () => ['text', 'media'],
    callbacks: ['bc:'],
    leave: 'end',
    left: (ctx) => ctx.t('broadcast.left'),
    pending: (ctx) => ctx.t('broadcast.composePending'),
  }),
  defineStep({
    kind: 'broadcastSegments',
    accepts: () => [],
    callbacks: ['bc:'],
    leave: 'end',
    left: (ctx) => ctx.t('broadcast.left'),
    pending: (ctx) => ctx.t('broadcast.pending'),
  }),
  ...(['scheduleSegments', 'scheduleConfirm'] as const).map((kind) =>
    defineStep({
      kind,
      accepts: () => [],
      callbacks: ['sc:'],
      leave: 'end',
      left: (ctx) => ctx.t('schedule.left'),
      pending: (ctx) => ctx.t('schedule.pending'),
    }),
  ),
  ...(['scheduleRule', 'scheduleLead', 'scheduleText'] as const).map((kind) =>
    defineStep({
      kind,
      accepts: () => ['text'],
      callbacks: ['sc:'],
      leave: 'end',
      left: (ctx) => ctx.t('schedule.left'),
      pending: (ctx) => ctx.t('schedule.pending'),
    }),
  ),
];
