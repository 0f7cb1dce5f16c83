import { tzOffset } from '@date-fns/tz';
import * as chrono from 'chrono-node';
import type { NaturalDateParser } from '../../core/commands/command-grammar.js';

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
