import { addYears, subYears } from 'date-fns';

/**
 * The window of dates a person can mean. Pickers and typed dates happily produce year 0001,
 * 1000 or 1900 (a slip of the year field, a default) or 9999-12-31 (a "never" placeholder);
 * stored, they sort to the ends of every timeline and report, and a follow-up due in 9999
 * is a reminder nobody will get. The bounds are relative to now so they never go stale:
 * - an interaction happened at most 20 years ago: enough to back-fill a long relationship
 *   from old notes, while a wrong century is refused;
 * - a follow-up is due at most 5 years ahead: further than that outlives the plan it
 *   tracks, and it is almost always a mistyped year.
 * One rule for every surface (log form, edit, typed log line, Teams dialog, snooze).
 */
export const INTERACTION_HISTORY_YEARS = 20;
export const FOLLOW_UP_HORIZON_YEARS = 5;

const dayFormat = new Intl.DateTimeFormat('en-GB', {
  day: 'numeric',
  month: 'short',
  year: 'numeric',
  timeZone: 'UTC',
});

export function earliestInteractionDate(now: Date): Date {
  return subYears(now, INTERACTION_HISTORY_YEARS);
}

export function latestFollowUpDate(now: Date): Date {
  return addYears(now, FOLLOW_UP_HORIZON_YEARS);
}

export function isInteractionDateTooOld(date: Date, now: Date): boolean {
  return date.getTime() < earliestInteractionDate(now).getTime();
}

export function isFollowUpTooFar(date: Date, now: Date): boolean {
  return date.getTime() > latestFollowUpDate(now).getTime();
}

export function interactionTooOldMessage(now: Date): string {
  return `The date can't be more than ${INTERACTION_HISTORY_YEARS} years ago, so not before ${dayFormat.format(earliestInteractionDate(now))}. Check the year.`;
}

export function followUpTooFarMessage(now: Date): string {
  return `The follow-up can't be more than ${FOLLOW_UP_HORIZON_YEARS} years ahead, so not after ${dayFormat.format(latestFollowUpDate(now))}. Check the year.`;
}
