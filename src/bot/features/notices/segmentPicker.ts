import type { Segment } from '../../../store/notices.ts';
import type { BROADCAST_SEGMENT, SCHEDULE_SEGMENT } from '../../callbackData.ts';
import type { BotContext } from '../../context.ts';
import { callbackButton } from '../../keyboard.ts';
import { labelsOf, type NoticeDeps } from './deps.ts';
import { allSegments, segmentLabel } from './labels.ts';

/** One ✅/⬜ toggle row per segment, pressed as the given kind; shared by broadcasts and schedules. */
export function segmentToggleRows(
  ctx: BotContext,
  deps: NoticeDeps,
  chosen: Segment[],
  kind: typeof BROADCAST_SEGMENT | typeof SCHEDULE_SEGMENT,
) {
  const labels = labelsOf(ctx, deps.parks);
  return allSegments(deps.parks).map((segment) => [
    callbackButton(
      `${chosen.includes(segment) ? '✅' : '⬜'} ${segmentLabel(segment, labels)}`,
      kind.build(segment),
    ),
  ]);
}

/** The segment named by a pressed button, if it is still one the officer may choose. */
export function pressedSegment(deps: NoticeDeps, data: string | undefined): Segment | undefined {
  return allSegments(deps.parks).find((segment) => segment === data);
}

/** `list` with `item` added, or removed when it was there. */
export function toggled<T>(list: readonly T[], item: T): T[] {
  return list.includes(item) ? list.filter((other) => other !== item) : [...list, item];
}
