import { describe, expect, it } from 'vitest';
import {
  lastWeek,
  parseRange,
  previousPeriod,
  startOfDayIn,
  thisWeek,
} from '../../../src/core/reports/period.js';
import { ValidationError } from '../../../src/core/shared/errors.js';

const HOUR = 3_600_000;
const iso = (date: Date) => date.toISOString();

describe('report periods', () => {
  it('makes last week Monday to Monday on the Paris wall clock across the October DST change', () => {
    const week = lastWeek(new Date('2026-10-28T10:00:00Z'), 'Europe/Paris');
    expect(iso(week.from)).toBe('2026-10-18T22:00:00.000Z'); // Mon 19 Oct 00:00 CEST
    expect(iso(week.to)).toBe('2026-10-25T23:00:00.000Z'); // Mon 26 Oct 00:00 CET
    expect(week.to.getTime() - week.from.getTime()).toBe(169 * HOUR);
    expect(week.label).toBe('19–25 Oct 2026');
  });

  it('makes the New York week that contains 1 November 2026 169 hours long', () => {
    const week = lastWeek(new Date('2026-11-04T12:00:00Z'), 'America/New_York');
    expect(iso(week.from)).toBe('2026-10-26T04:00:00.000Z'); // Mon 26 Oct 00:00 EDT
    expect(iso(week.to)).toBe('2026-11-02T05:00:00.000Z'); // Mon 2 Nov 00:00 EST
    expect(week.label).toBe('26 Oct – 1 Nov 2026');
    const current = thisWeek(new Date('2026-11-04T12:00:00Z'), 'America/New_York');
    expect(iso(current.from)).toBe('2026-11-02T05:00:00.000Z');
    expect(iso(current.to)).toBe('2026-11-09T05:00:00.000Z');
  });

  it('makes the spring week 167 hours long', () => {
    const week = thisWeek(new Date('2026-03-29T12:00:00Z'), 'Europe/Paris');
    expect(iso(week.from)).toBe('2026-03-22T23:00:00.000Z');
    expect(iso(week.to)).toBe('2026-03-29T22:00:00.000Z');
    expect(week.to.getTime() - week.from.getTime()).toBe(167 * HOUR);
  });

  it('puts Monday 00:00 local in the new week and Sunday 23:59 in the old one', () => {
    const mondayMidnight = new Date('2026-10-25T23:00:00Z');
    expect(iso(thisWeek(mondayMidnight, 'Europe/Paris').from)).toBe(iso(mondayMidnight));
    const sundayLate = new Date('2026-10-25T22:59:59Z');
    expect(iso(thisWeek(sundayLate, 'Europe/Paris').from)).toBe('2026-10-18T22:00:00.000Z');
  });

  it('reads a day range with both ends included, from midnight to midnight in the zone', () => {
    const october = parseRange('2026-10-01..2026-10-31', 'Europe/Paris');
    expect(iso(october.from)).toBe('2026-09-30T22:00:00.000Z');
    expect(iso(october.to)).toBe('2026-10-31T23:00:00.000Z');
    expect(october.label).toBe('1–31 Oct 2026');
    const oneDay = parseRange(' 2026-11-01..2026-11-01 ', 'America/New_York');
    expect(iso(oneDay.from)).toBe('2026-11-01T04:00:00.000Z');
    expect(iso(oneDay.to)).toBe('2026-11-02T05:00:00.000Z');
    expect(oneDay.label).toBe('1 Nov 2026');
  });

  it.each([
    'last month',
    '2026-10-31..2026-10-01',
    '2026-02-30..2026-03-01',
    '2026-10-01',
    '1/10/2026..2/10/2026',
  ])('rejects the range "%s" with a message on the range field', (text) => {
    expect(() => parseRange(text, 'UTC')).toThrow(ValidationError);
    try {
      parseRange(text, 'UTC');
    } catch (error) {
      expect(error).toMatchObject({ fieldErrors: { range: expect.any(String) } });
    }
  });

  it('compares a week with the calendar week before, even across a DST change', () => {
    const week = lastWeek(new Date('2026-10-28T10:00:00Z'), 'Europe/Paris');
    const before = previousPeriod(week);
    expect(iso(before.from)).toBe('2026-10-11T22:00:00.000Z');
    expect(iso(before.to)).toBe(iso(week.from));
    const after = previousPeriod(lastWeek(new Date('2026-11-04T10:00:00Z'), 'Europe/Paris'));
    expect(iso(after.from)).toBe(iso(week.from));
    expect(iso(after.to)).toBe(iso(week.to));
  });

  it('compares a month with the same number of days before, and a partial span by duration', () => {
    const before = previousPeriod(parseRange('2026-10-01..2026-10-31', 'Europe/Paris'));
    expect(iso(before.from)).toBe('2026-08-30T22:00:00.000Z'); // 31 days before 1 Oct
    const span = previousPeriod({
      from: new Date('2026-10-10T10:30:00Z'),
      to: new Date('2026-10-10T12:00:00Z'),
      timeZone: 'UTC',
      label: '',
    });
    expect(iso(span.from)).toBe('2026-10-10T09:00:00.000Z');
    expect(iso(span.to)).toBe('2026-10-10T10:30:00.000Z');
  });

  it('finds the start of a day in a zone, or null for a day that does not exist', () => {
    expect(startOfDayIn('2026-10-25', 'Europe/Paris')?.toISOString()).toBe('2026-10-24T22:00:00.000Z');
    expect(startOfDayIn('2026-13-01', 'Europe/Paris')).toBeNull();
  });
});
