import { describe, expect, it } from 'vitest';
import { currentSlot, latestSlot, periodKey } from '../../src/core/reports/report-schedule.js';
import { makeWorkspace } from '../support/fixtures.js';

const at = (iso: string) => new Date(iso);

describe('weekly report slots', () => {
  it('keeps Monday 09:00 on the Paris wall clock across the autumn DST change', () => {
    // 19 Oct 09:00 CEST = 07:00Z; 26 Oct 09:00 CET = 08:00Z.
    expect(latestSlot(at('2026-10-26T07:59:59Z'), 1, '09:00', 'Europe/Paris')).toEqual(
      at('2026-10-19T07:00:00Z'),
    );
    expect(latestSlot(at('2026-10-26T08:00:00Z'), 1, '09:00', 'Europe/Paris')).toEqual(
      at('2026-10-26T08:00:00Z'),
    );
  });

  it('finds the slot of the previous week when this week’s is still ahead', () => {
    // Wednesday 28 Oct: the Friday 17:30 slot of this week has not come; last week's did.
    expect(latestSlot(at('2026-10-28T12:00:00Z'), 5, '17:30', 'Europe/Paris')).toEqual(
      at('2026-10-23T15:30:00Z'),
    );
  });

  it('reports the full week before the slot, in the workspace zone (169 hours across the DST change)', () => {
    const base = makeWorkspace();
    const workspace = {
      ...base,
      settings: {
        ...base.settings,
        timezone: 'Europe/Paris',
        report: { enabled: true, channelId: 'C1', weekday: 1, time: '09:00' },
      },
    };
    const slot = currentSlot(workspace, at('2026-10-26T10:00:00Z'))!;
    expect(slot.slotAt).toEqual(at('2026-10-26T08:00:00Z'));
    expect(periodKey(slot.period)).toBe('2026-10-18T22:00:00.000Z..2026-10-25T23:00:00.000Z');
    expect((slot.period.to.getTime() - slot.period.from.getTime()) / 3_600_000).toBe(169);
  });

  it('has no slot while reports are off or without a channel', () => {
    const workspace = makeWorkspace();
    expect(currentSlot(workspace, at('2026-10-26T10:00:00Z'))).toBeNull();
  });
});
