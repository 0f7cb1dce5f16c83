import { TZDate } from '@date-fns/tz';
import { format } from 'date-fns';
import { describe, expect, it } from 'vitest';
import { createDateFormatter, safeTimeZone } from '../../../src/core/exports/date-format.js';
import { renderOptionsOf } from '../../../src/core/workspaces/tenant.js';
import { defaultSettings } from '../../../src/core/workspaces/workspace.js';

const ZONES = ['Europe/Paris', 'America/New_York', 'Australia/Lord_Howe', 'Asia/Kolkata', 'UTC'];
const PATTERNS = [
  'dd/MM/yyyy HH:mm',
  'yyyy-MM-dd HH:mm:ss',
  "d MMM yyyy 'at' h:mm a",
  'M/d/yy h:mm',
  "dd.MM.yyyy '''x''' HH:mm",
];

describe('createDateFormatter', () => {
  it('renders exactly what date-fns renders on a TZDate, all year round, in every zone', () => {
    const mismatches: string[] = [];
    for (const zone of ZONES) {
      for (const pattern of PATTERNS) {
        const fast = createDateFormatter(pattern, zone);
        for (let ms = Date.UTC(2026, 0, 1); ms < Date.UTC(2027, 0, 1); ms += 251 * 60_000 + 13_000) {
          const expected = format(new TZDate(ms, zone), pattern);
          const actual = fast(new Date(ms));
          if (actual !== expected) mismatches.push(`${zone} ${pattern} ${new Date(ms).toISOString()}`);
        }
      }
    }
    expect(mismatches.slice(0, 5)).toEqual([]);
  });

  it('shows the wall-clock time on both sides of the autumn DST change', () => {
    const paris = createDateFormatter('dd/MM/yyyy HH:mm', 'Europe/Paris');
    expect(paris(new Date('2026-10-25T00:30:00Z'))).toBe('25/10/2026 02:30');
    expect(paris(new Date('2026-10-25T01:30:00Z'))).toBe('25/10/2026 02:30');
    const newYork = createDateFormatter('dd/MM/yyyy HH:mm', 'America/New_York');
    expect(newYork(new Date('2026-11-01T05:30:00Z'))).toBe('01/11/2026 01:30');
    expect(newYork(new Date('2026-11-01T06:30:00Z'))).toBe('01/11/2026 01:30');
  });

  it('renders every minute of a day with a DST change exactly, one formatter per zone in turn', () => {
    // The date part is kept per wall-clock day: a day whose offset changes at 02:00 (or at
    // 02:00 by half an hour, on Lord Howe) must still read like date-fns, minute by minute,
    // with two zones' formatters used alternately so neither can answer with the other's day.
    const days = [
      ['Europe/Paris', Date.UTC(2026, 2, 28, 12)],
      ['Europe/Paris', Date.UTC(2026, 9, 24, 12)],
      ['America/New_York', Date.UTC(2026, 2, 7, 12)],
      ['America/New_York', Date.UTC(2026, 10, 1, 0)],
      ['Australia/Lord_Howe', Date.UTC(2026, 3, 4, 0)],
      ['Asia/Kathmandu', Date.UTC(1969, 11, 31, 0)],
    ] as const;
    const mismatches: string[] = [];
    for (const pattern of ['dd/MM/yyyy HH:mm', 'yyyy-MM-dd h:mm:ss', "d.M.yy 'at' H:m:s"]) {
      const formatters = new Map(days.map(([zone]) => [zone, createDateFormatter(pattern, zone)]));
      for (let minute = 0; minute < 36 * 60; minute += 1) {
        for (const [zone, start] of days) {
          const ms = start + minute * 60_000 + (minute % 7) * 1_000;
          const expected = format(new TZDate(ms, zone), pattern);
          const actual = formatters.get(zone)!(new Date(ms));
          if (actual !== expected) mismatches.push(`${zone} ${pattern} ${new Date(ms).toISOString()}`);
        }
      }
    }
    expect(mismatches.slice(0, 5)).toEqual([]);
  });

  it('falls back to the default pattern and UTC when the settings hold invalid values', () => {
    const formatter = createDateFormatter('DD/jj', 'Mars/Olympus');
    expect(formatter(new Date('2026-03-04T05:06:00Z'))).toBe('04/03/2026 05:06');
  });

  it('keeps a zone the runtime knows and falls back on UTC for anything else, in one place', () => {
    expect(safeTimeZone('Asia/Kolkata')).toBe('Asia/Kolkata');
    for (const bad of ['Mars/Olympus', '', undefined, 'Europe/Paris ']) expect(safeTimeZone(bad)).toBe('UTC');
    const settings = { ...defaultSettings(), timezone: 'Mars/Olympus', dateFormat: 'yyyy-MM-dd' };
    expect(renderOptionsOf({ settings })).toEqual({
      timeZone: 'UTC',
      dateFormat: 'yyyy-MM-dd',
    });
  });
});
