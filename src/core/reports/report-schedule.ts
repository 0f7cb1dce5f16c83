import { TZDate } from '@date-fns/tz';
import { addDays, addWeeks, startOfISOWeek } from 'date-fns';
import { renderOptionsOf } from '../workspaces/tenant.js';
import type { Workspace } from '../workspaces/workspace.js';
import { lastWeek, type Period } from './period.js';

/** A weekly report slot that has come: where, when it was due, and the period it covers. */
export interface ReportSlot {
  workspaceId: string;
  channelId: string;
  slotAt: Date;
  period: Period;
}

function atWallClock(day: Date, hours: number, minutes: number, timeZone: string): Date {
  const zoned = new TZDate(day.getTime(), timeZone);
  const at = new TZDate(zoned.getFullYear(), zoned.getMonth(), zoned.getDate(), hours, minutes, timeZone);
  return new Date(at.getTime());
}

/**
 * The most recent instant at or before `now` that falls on `weekday` (ISO, 1 = Monday) at
 * `time` (HH:mm) on the zone's wall clock. Days are counted in the zone, so a DST change
 * never moves the slot off its wall-clock time.
 */
export function latestSlot(now: Date, weekday: number, time: string, timeZone: string): Date {
  const [hours = 0, minutes = 0] = time.split(':').map(Number);
  const weekStart = startOfISOWeek(new TZDate(now.getTime(), timeZone));
  const thisWeek = atWallClock(addDays(weekStart, weekday - 1), hours, minutes, timeZone);
  if (thisWeek.getTime() <= now.getTime()) return thisWeek;
  return atWallClock(addDays(addWeeks(weekStart, -1), weekday - 1), hours, minutes, timeZone);
}

export function reportZone(workspace: Workspace): string {
  return renderOptionsOf(workspace).timeZone;
}

/**
 * What identifies a schedule: changing the channel, day, time or zone starts a new one, and
 * slots from before a schedule was first seen are never posted (no surprise report of last
 * week the moment an admin turns reports on).
 */
export function scheduleSignature(workspace: Workspace): string | null {
  const { report } = workspace.settings;
  if (!report.enabled || !report.channelId) return null;
  return `report-schedule:${report.channelId} ${report.weekday} ${report.time} ${reportZone(workspace)}`;
}

/** The latest slot of a workspace's schedule and the full ISO week before it, or null when off. */
export function currentSlot(workspace: Workspace, now: Date): ReportSlot | null {
  const { report } = workspace.settings;
  if (!report.enabled || !report.channelId) return null;
  const timeZone = reportZone(workspace);
  const slotAt = latestSlot(now, report.weekday, report.time, timeZone);
  return {
    workspaceId: workspace.id,
    channelId: report.channelId,
    slotAt,
    period: lastWeek(slotAt, timeZone),
  };
}

/** The delivery key of a period: a period is reported once per workspace. */
export function periodKey(period: { from: Date; to: Date }): string {
  return `${period.from.toISOString()}..${period.to.toISOString()}`;
}
