import { TZDate, tzOffset } from '@date-fns/tz';
import { format } from 'date-fns';
import { DEFAULT_DATE_FORMAT, DEFAULT_TIMEZONE } from '../workspaces/workspace.js';

/**
 * Formats instants as wall-clock time in one IANA time zone with a date-fns pattern.
 *
 * Exports format two or three dates per row for up to hundreds of thousands of rows, and
 * `format(new TZDate(…))` costs ~25 µs a call. So: the zone offset is cached per 15-minute
 * UTC slot (zone transitions fall on such boundaries; a slot that straddles one is computed
 * exactly), and the common numeric tokens are rendered directly. Any other pattern falls
 * back to date-fns on a TZDate, so the output is always exactly date-fns's.
 */
export type DateFormatter = (date: Date) => string;

const SLOT_MS = 15 * 60_000;
const OFFSET_CACHE_MAX = 8_192;

type Part = { literal: string } | { token: string };
type Fields = { y: number; M: number; d: number; H: number; m: number; s: number };

const pad = (value: number, width: number) => String(value).padStart(width, '0');

const FAST_TOKENS: Record<string, (f: Fields) => string> = {
  yyyy: (f) => pad(f.y, 4),
  yy: (f) => pad(f.y % 100, 2),
  y: (f) => String(f.y),
  MM: (f) => pad(f.M, 2),
  M: (f) => String(f.M),
  dd: (f) => pad(f.d, 2),
  d: (f) => String(f.d),
  HH: (f) => pad(f.H, 2),
  H: (f) => String(f.H),
  hh: (f) => pad(f.H % 12 || 12, 2),
  h: (f) => String(f.H % 12 || 12),
  mm: (f) => pad(f.m, 2),
  m: (f) => String(f.m),
  ss: (f) => pad(f.s, 2),
  s: (f) => String(f.s),
};

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

  const parts = tokenize(safePattern);
  const renderers = parts.map((part) => ('literal' in part ? part.literal : FAST_TOKENS[part.token]));
  if (renderers.some((renderer) => renderer === undefined)) {
    return (date) => format(new TZDate(date.getTime(), timeZone), safePattern);
  }
  return (date) => {
    const ms = date.getTime();
    const wall = new Date(ms + offsetAt(ms) * 60_000);
    const fields: Fields = {
      y: wall.getUTCFullYear(),
      M: wall.getUTCMonth() + 1,
      d: wall.getUTCDate(),
      H: wall.getUTCHours(),
      m: wall.getUTCMinutes(),
      s: wall.getUTCSeconds(),
    };
    let out = '';
    for (const renderer of renderers) out += typeof renderer === 'string' ? renderer : renderer!(fields);
    return out;
  };
}
