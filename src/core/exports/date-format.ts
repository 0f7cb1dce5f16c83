import { TZDate, tzOffset } from '@date-fns/tz';
import { format } from 'date-fns';
import { DEFAULT_DATE_FORMAT, DEFAULT_TIMEZONE } from '../workspaces/workspace.js';

/**
 * Formats instants as wall-clock time in one IANA time zone with a date-fns pattern.
 *
 * Exports format two or three dates per row for up to hundreds of thousands of rows, and
 * `format(new TZDate(…))` costs ~25 µs a call. So: the zone offset is cached per 15-minute
 * UTC slot (zone transitions fall on such boundaries; a slot that straddles one is computed
 * exactly), and the common numeric tokens are rendered directly: the date's part once per
 * wall-clock day (kept), the time of day from small tables. A day's text depends only on the
 * wall-clock time, so a DST change inside a day is already in it. Any other pattern falls
 * back to date-fns on a TZDate, so the output is always exactly date-fns's.
 */
export type DateFormatter = (date: Date) => string;

const SLOT_MS = 15 * 60_000;
const OFFSET_CACHE_MAX = 8_192;
const DAY_MS = 86_400_000;
const DAY_CACHE_MAX = 4_096;

type Part = { literal: string } | { token: string };
type DayFields = { y: number; M: number; d: number };
type TimeRenderer = (hours: number, minutes: number, seconds: number) => string;

const pad = (value: number, width: number) => String(value).padStart(width, '0');
/** '0'…'59' and '00'…'59': the time of day is read from these, not formatted per call. */
const PLAIN = Array.from({ length: 60 }, (_, value) => String(value));
const PADDED = Array.from({ length: 60 }, (_, value) => pad(value, 2));

/** Tokens that depend on the wall-clock day only: rendered once per day and kept. */
const DAY_TOKENS: Record<string, (f: DayFields) => string> = {
  yyyy: (f) => pad(f.y, 4),
  yy: (f) => pad(f.y % 100, 2),
  y: (f) => String(f.y),
  MM: (f) => pad(f.M, 2),
  M: (f) => String(f.M),
  dd: (f) => pad(f.d, 2),
  d: (f) => String(f.d),
};

/**
 * Tokens of the time of day: looked up in the tables above on every call (an invalid date's
 * NaN is not in them, and renders as it always did).
 */
const padded = (value: number) => PADDED[value] ?? pad(value, 2);
const plain = (value: number) => PLAIN[value] ?? String(value);
const TIME_TOKENS: Record<string, TimeRenderer> = {
  HH: (hours) => padded(hours),
  H: (hours) => plain(hours),
  hh: (hours) => padded(hours % 12 || 12),
  h: (hours) => plain(hours % 12 || 12),
  mm: (_, minutes) => padded(minutes),
  m: (_, minutes) => plain(minutes),
  ss: (_, __, seconds) => padded(seconds),
  s: (_, __, seconds) => plain(seconds),
};

/**
 * A pattern the fast path can render: runs of literals and day tokens (each run one string per
 * day) between time tokens. `layout` lists, in order, a run's index or a time token.
 */
interface Compiled {
  dayRuns: ((f: DayFields) => string)[][];
  layout: (number | TimeRenderer)[];
}

function compile(parts: readonly Part[]): Compiled | undefined {
  const dayRuns: ((f: DayFields) => string)[][] = [];
  const layout: (number | TimeRenderer)[] = [];
  let run: ((f: DayFields) => string)[] | undefined;
  for (const part of parts) {
    if ('literal' in part || DAY_TOKENS[part.token]) {
      const render = 'literal' in part ? () => part.literal : DAY_TOKENS[part.token]!;
      if (!run) {
        run = [];
        layout.push(dayRuns.length);
        dayRuns.push(run);
      }
      run.push(render);
      continue;
    }
    const time = TIME_TOKENS[part.token];
    if (!time) return undefined;
    layout.push(time);
    run = undefined;
  }
  return { dayRuns, layout };
}

/** Splits a date-fns pattern into tokens and literals ('quoted text', '' for a quote). */
function tokenize(pattern: string): Part[] {
  const parts: Part[] = [];
  let index = 0;
  while (index < pattern.length) {
    const char = pattern[index]!;
    if (char === "'") {
      if (pattern[index + 1] === "'") {
        parts.push({ literal: "'" });
        index += 2;
        continue;
      }
      const end = pattern.indexOf("'", index + 1);
      const stop = end === -1 ? pattern.length : end;
      parts.push({ literal: pattern.slice(index + 1, stop).replaceAll("''", "'") });
      index = stop + 1;
    } else if (/[a-zA-Z]/.test(char)) {
      let end = index;
      while (pattern[end] === char) end++;
      parts.push({ token: pattern.slice(index, end) });
      index = end;
    } else {
      parts.push({ literal: char });
      index++;
    }
  }
  return parts;
}

/** true when date-fns accepts the pattern (it throws RangeError on unknown letters). */
export function isValidDateFormat(pattern: string): boolean {
  try {
    format(new Date(0), pattern);
    return pattern.trim().length > 0;
  } catch {
    return false;
  }
}

/** true when the runtime knows the IANA zone (tzOffset answers NaN otherwise). */
export function isValidTimeZone(timeZone: string): boolean {
  return timeZone.length > 0 && !Number.isNaN(tzOffset(timeZone, new Date(0)));
}

/**
 * The zone to read and show dates in: `zone` when the runtime knows it, else the default (UTC).
 * The one fallback every date goes through, so a zone mistyped in the settings (or sent oddly
 * by a platform) shows dates in UTC everywhere instead of breaking one screen.
 */
export function safeTimeZone(zone: string | undefined): string {
  return zone && isValidTimeZone(zone) ? zone : DEFAULT_TIMEZONE;
}

/** An unknown pattern or zone (settings edited by hand) falls back to the defaults, never throws. */
export function createDateFormatter(pattern: string, requestedTimeZone: string): DateFormatter {
  const safePattern = isValidDateFormat(pattern) ? pattern : DEFAULT_DATE_FORMAT;
  const timeZone = safeTimeZone(requestedTimeZone);
  const offsets = new Map<number, number | null>();
  const offsetAt = (ms: number): number => {
    const slot = Math.floor(ms / SLOT_MS);
    let offset = offsets.get(slot);
    if (offset === undefined) {
      const start = tzOffset(timeZone, new Date(slot * SLOT_MS));
      const end = tzOffset(timeZone, new Date(slot * SLOT_MS + SLOT_MS - 1));
      offset = start === end ? start : null;
      if (offsets.size >= OFFSET_CACHE_MAX) offsets.clear();
      offsets.set(slot, offset);
    }
    return offset ?? tzOffset(timeZone, new Date(ms));
  };

  const compiled = compile(tokenize(safePattern));
  if (!compiled) return (date) => format(new TZDate(date.getTime(), timeZone), safePattern);
  const { dayRuns, layout } = compiled;
  // An export walks dates in order, so the last day answers most calls; the map the rest.
  const days = new Map<number, string[]>();
  let lastDay = Number.NaN;
  let lastRuns: string[] = [];
  const runsOf = (day: number): string[] => {
    if (day === lastDay) return lastRuns;
    let runs = days.get(day);
    if (!runs) {
      const midnight = new Date(day * DAY_MS);
      const fields = {
        y: midnight.getUTCFullYear(),
        M: midnight.getUTCMonth() + 1,
        d: midnight.getUTCDate(),
      };
      runs = dayRuns.map((run) => run.map((render) => render(fields)).join(''));
      if (days.size >= DAY_CACHE_MAX) days.clear();
      days.set(day, runs);
    }
    lastDay = day;
    lastRuns = runs;
    return runs;
  };
  return (date) => {
    const ms = date.getTime();
    // As `new Date(ms + offset)` would: a zone's odd historical offsets may be fractional.
    const wall = Math.trunc(ms + offsetAt(ms) * 60_000);
    const day = Math.floor(wall / DAY_MS);
    const runs = runsOf(day);
    const seconds = Math.floor((wall - day * DAY_MS) / 1000);
    const hours = Math.floor(seconds / 3600);
    const minutes = Math.floor(seconds / 60) % 60;
    let out = '';
    for (const piece of layout) {
      out += typeof piece === 'number' ? runs[piece] : piece(hours, minutes, seconds % 60);
    }
    return out;
  };
}
