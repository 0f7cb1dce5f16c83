import { TZDate } from '@date-fns/tz';
import {
  addDays,
  addWeeks,
  differenceInCalendarDays,
  format,
  isValid,
  parse,
  startOfISOWeek,
} from 'date-fns';
import { ValidationError } from '../shared/errors.js';

/**
 * A report period: [from, to) as UTC instants, computed in the workspace time zone so that
 * "last week" is Monday 00:00 to Monday 00:00 on the workspace's wall clock — 167 or 169
 * hours long when a DST change falls inside it.
 */
export interface Period {
  from: Date;
  to: Date;
  timeZone: string;
  /** Human label in the workspace zone, end inclusive: "19–25 Oct 2026", "28 Sep – 4 Oct 2026". */
  label: string;
}

const DAY_TEXT = /^\d{4}-\d{2}-\d{2}$/;

function instant(date: Date): Date {
  return new Date(date.getTime());
}

function makePeriod(from: Date, to: Date, timeZone: string): Period {
  return { from: instant(from), to: instant(to), timeZone, label: periodLabel(from, to, timeZone) };
}

/** The ISO week (Monday 00:00 in the zone) that contains `now`. */
export function thisWeek(now: Date, timeZone: string): Period {
  const start = startOfISOWeek(new TZDate(now.getTime(), timeZone));
  return makePeriod(start, addWeeks(start, 1), timeZone);
}

/** The full ISO week before the one that contains `now`. */
export function lastWeek(now: Date, timeZone: string): Period {
  const start = addWeeks(startOfISOWeek(new TZDate(now.getTime(), timeZone)), -1);
  return makePeriod(start, addWeeks(start, 1), timeZone);
}

/** Midnight at the start of a YYYY-MM-DD day in the zone, or null when the text is no such day. */
export function startOfDayIn(day: string, timeZone: string): Date | null {
  if (!DAY_TEXT.test(day)) return null;
  const parsed = parse(day, 'yyyy-MM-dd', new Date(0));
  if (!isValid(parsed)) return null;
  return instant(new TZDate(parsed.getFullYear(), parsed.getMonth(), parsed.getDate(), timeZone));
}

/** "2026-10-01..2026-10-31": both days included, from midnight to midnight in the zone. */
export function parseRange(text: string, timeZone: string, field = 'range'): Period {
  const [fromText, toText, ...rest] = text.trim().split('..');
  const from = fromText !== undefined ? startOfDayIn(fromText.trim(), timeZone) : null;
  const lastDay = toText !== undefined ? startOfDayIn(toText.trim(), timeZone) : null;
  if (rest.length > 0 || !from || !lastDay) {
    throw new ValidationError({
      [field]: 'Write the period as YYYY-MM-DD..YYYY-MM-DD, for example 2026-10-01..2026-10-31.',
    });
  }
  if (lastDay.getTime() < from.getTime()) {
    throw new ValidationError({ [field]: 'The period must end on or after the day it starts.' });
  }
  const to = addDays(new TZDate(lastDay.getTime(), timeZone), 1);
  return makePeriod(from, to, timeZone);
}

function isMidnight(date: TZDate): boolean {
  return (
    date.getHours() === 0 &&
    date.getMinutes() === 0 &&
    date.getSeconds() === 0 &&
    date.getMilliseconds() === 0
  );
}

/**
 * The period of equal length just before `period`, for comparison. Whole days in the zone map
 * to the same number of calendar days (a week stays Monday–Monday across DST); any other span
 * is shifted back by its exact duration.
 */
export function previousPeriod(period: Period): Period {
  const from = new TZDate(period.from.getTime(), period.timeZone);
  const to = new TZDate(period.to.getTime(), period.timeZone);
  if (isMidnight(from) && isMidnight(to)) {
    const days = differenceInCalendarDays(to, from);
    return makePeriod(addDays(from, -days), from, period.timeZone);
  }
  const length = period.to.getTime() - period.from.getTime();
  return makePeriod(new Date(period.from.getTime() - length), period.from, period.timeZone);
}

export function periodLabel(from: Date, to: Date, timeZone: string): string {
  const first = new TZDate(from.getTime(), timeZone);
  const last = new TZDate(to.getTime() - 1, timeZone);
  const sameYear = first.getFullYear() === last.getFullYear();
  const sameMonth = sameYear && first.getMonth() === last.getMonth();
  if (sameMonth && first.getDate() === last.getDate()) return format(first, 'd MMM yyyy');
  if (sameMonth) return `${format(first, 'd')}–${format(last, 'd MMM yyyy')}`;
  if (sameYear) return `${format(first, 'd MMM')} – ${format(last, 'd MMM yyyy')}`;
  return `${format(first, 'd MMM yyyy')} – ${format(last, 'd MMM yyyy')}`;
}
