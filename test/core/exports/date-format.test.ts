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
