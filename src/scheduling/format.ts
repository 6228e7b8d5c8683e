import type { Repeat } from './types.ts';
import { toWallClock } from './zoned.ts';

/**
 * Human-readable times for confirmations and lists. Names are spelled out here instead of using
 * `Intl` locale data so the output is identical on every Node build (small-ICU builds lack `vi`).
 */

/** Languages the bot answers in. */
export type Lang = 'vi' | 'en';

const VI_WEEKDAYS = ['Chủ nhật', 'thứ Hai', 'thứ Ba', 'thứ Tư', 'thứ Năm', 'thứ Sáu', 'thứ Bảy'];
const EN_WEEKDAYS_SHORT = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const EN_WEEKDAYS_LONG = [
  'Sunday',
  'Monday',
  'Tuesday',
  'Wednesday',
  'Thursday',
  'Friday',
  'Saturday',
];
const EN_MONTHS = [
  'Jan',
  'Feb',
  'Mar',
  'Apr',
  'May',
  'Jun',
  'Jul',
  'Aug',
  'Sep',
  'Oct',
  'Nov',
  'Dec',
];

const pad = (value: number): string => String(value).padStart(2, '0');

/** "08:05" */
export function formatClock(hour: number, minute: number): string {
  return `${pad(hour)}:${pad(minute)}`;
}

/**
 * When a reminder fires, as people in `timeZone` read it: vi "08:00 thứ Sáu, 25/12/2026",
 * en "Fri 25 Dec 2026, 08:00". The zone is explicit so the server's zone never leaks into chats.
 */
export function formatWhen(date: Date, lang: Lang, timeZone: string): string {
  const wall = toWallClock(date, timeZone);
  const clock = formatClock(wall.hour, wall.minute);
  if (lang === 'vi') {
    return `${clock} ${VI_WEEKDAYS[wall.weekday]}, ${pad(wall.day)}/${pad(wall.month)}/${wall.year}`;
  }
  const month = EN_MONTHS[wall.month - 1];
  return `${EN_WEEKDAYS_SHORT[wall.weekday]} ${wall.day} ${month} ${wall.year}, ${clock}`;
}

/**
 * A repeat rule in words, e.g. "thứ Hai hằng tuần lúc 09:00" / "every Monday at 09:00". Days 29–31
 * mention the month-end fallback so users are not surprised by a reminder on 28 February.
 */
export function describeRepeat(repeat: Repeat, lang: Lang): string {
  if (repeat.kind === 'once') return lang === 'vi' ? 'một lần' : 'once';
  const clock = formatClock(repeat.hour, repeat.minute);
  switch (repeat.kind) {
    case 'daily':
      return lang === 'vi' ? `hằng ngày lúc ${clock}` : `every day at ${clock}`;
    case 'weekly':
      return lang === 'vi'
        ? `${VI_WEEKDAYS[repeat.weekday]} hằng tuần lúc ${clock}`
        : `every ${EN_WEEKDAYS_LONG[repeat.weekday]} at ${clock}`;
    case 'monthly': {
      const shortMonths = repeat.day > 28;
      if (lang === 'vi') {
        const note = shortMonths ? ' (tháng ngắn hơn: ngày cuối tháng)' : '';
        return `ngày ${repeat.day} hằng tháng lúc ${clock}${note}`;
      }
      const note = shortMonths ? ' (or the last day of shorter months)' : '';
      return `on day ${repeat.day} of every month at ${clock}${note}`;
    }
  }
}
