import { tzOffset } from '@date-fns/tz';
import * as chrono from 'chrono-node';
import type { NaturalDateParser } from '../../core/commands/command-grammar.js';
import type { NaturalMomentParser } from '../../core/commands/log-line.js';

/**
 * Reads dates in words ("last monday", "yesterday", "Nov 3") for the command grammar, shared
 * by the Slack and Teams adapters. Lives outside the core because the core may not import chrono.
 *
 * chrono-node 2.10 only understands timezone abbreviations ("CET") or minute offsets: given an
 * IANA name such as "Europe/Paris" it silently falls back to the process timezone. So the
 * zone's offset at `now` is passed instead. Near a DST change the offset can be an hour off for
 * the target day, which cannot move the day: chrono puts implied times at noon.
 */
export const parseNaturalDate: NaturalDateParser = (text, { now, timeZone }) => {
  const offset = tzOffset(timeZone, now);
  const parsed = chrono.parseDate(text, {
    instant: now,
    timezone: Number.isFinite(offset) ? offset : 0,
  });
  return parsed ?? null;
};

const pad = (value: number) => String(value).padStart(2, '0');

/**
 * Reads a moment in words ("yesterday 10:30", "next monday 9:00", "2026-11-10 14:00") for the
 * one-line log, as the form's date and time pickers would hold it. chrono reports wall-clock
 * components in the offset it was given, so the core can read them in the workspace zone with
 * the form's own rules (DST included). Text chrono reads only in part ("soon-ish monday") is refused.
 */
export const parseNaturalMoment: NaturalMomentParser = (text, { now, timeZone }) => {
  const offset = tzOffset(timeZone, now);
  const [result] = chrono.parse(text, { instant: now, timezone: Number.isFinite(offset) ? offset : 0 });
  if (!result || result.text.trim().length !== text.trim().length) return null;
  const { start } = result;
  const day = `${start.get('year')}-${pad(start.get('month') ?? 0)}-${pad(start.get('day') ?? 0)}`;
  const timed = start.isCertain('hour');
  return timed
    ? { date: day, time: `${pad(start.get('hour') ?? 0)}:${pad(start.get('minute') ?? 0)}` }
    : { date: day };
};
