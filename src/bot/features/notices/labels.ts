import type { Park } from '../../../parks/index.ts';
import type { DeadlineRule } from '../../../scheduling/index.ts';
import type { Channel, Segment } from '../../../store/notices.ts';
import type { Lang, Translate } from '../../i18n/index.ts';

/** The parks list as it is now; the operator may reload it while the bot runs. */
export type ParkList = () => readonly Park[];

/** Everything a label needs: the reader's language and the current parks. */
export interface LabelContext {
  t: Translate;
  lang: Lang;
  parks: ParkList;
}

function parkName(id: string, { lang, parks }: LabelContext): string {
  return parks().find((park) => park.id === id)?.name[lang] ?? id;
}

/** Plain text (no HTML) naming a channel, for buttons and for escaped placeholders. */
export function channelLabel(channel: Channel, labels: LabelContext): string {
  if (channel.startsWith('park:')) return parkName(channel.slice(5), labels);
  if (channel === 'worker') return labels.t('channel.worker');
  if (channel === 'enterprise') return labels.t('channel.enterprise');
  return labels.t('channel.general');
}

export function segmentLabel(segment: Segment, labels: LabelContext): string {
  if (segment.startsWith('park:')) return parkName(segment.slice(5), labels);
  if (segment === 'worker') return labels.t('segment.worker');
  if (segment === 'enterprise') return labels.t('segment.enterprise');
  return labels.t('segment.all');
}

export function segmentsLabel(segments: readonly Segment[], labels: LabelContext): string {
  return segments.map((segment) => segmentLabel(segment, labels)).join(', ');
}

/** Every segment an officer can pick: all, the two roles and each park. */
export function allSegments(parks: ParkList): Segment[] {
  return ['all', 'worker', 'enterprise', ...parks().map((park) => `park:${park.id}`)];
}

/** Every channel a user can subscribe to. */
export function allChannels(parks: ParkList): Channel[] {
  return ['general', 'worker', 'enterprise', ...parks().map((park) => `park:${park.id}`)];
}

export function ruleLabel(rule: DeadlineRule, t: Translate): string {
  switch (rule.kind) {
    case 'monthly':
      return t('rule.monthly', { day: rule.day });
    case 'quarterly':
      return t('rule.quarterly', { day: rule.day, month: rule.monthInQuarter });
    case 'yearly':
      return t('rule.yearly', { day: rule.day, month: String(rule.month).padStart(2, '0') });
    case 'once':
      return t('rule.once', { date: rule.date.split('-').reverse().join('/') });
  }
}

/** "45 s" / "3 min": rough on purpose, it is an estimate. */
export function etaLabel(ms: number, t: Translate): string {
  const seconds = Math.ceil(ms / 1000);
  return seconds < 90
    ? t('eta.seconds', { n: seconds })
    : t('eta.minutes', { n: Math.ceil(seconds / 60) });
}
