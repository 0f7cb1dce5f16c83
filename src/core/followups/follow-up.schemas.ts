import { tz } from '@date-fns/tz';
import { addDays, addHours, addWeeks, set, startOfDay, startOfISOWeek } from 'date-fns';
import { z } from 'zod';
import { safeTimeZone } from '../exports/date-format.js';
import { dateInput, idSchema } from '../interactions/interaction.schemas.js';

/**
 * - due: open, firing before the end of today in the member's timezone (overdue included);
 * - overdue: open, fire time already passed;
 * - open: every open follow-up.
 */
export const FOLLOW_UP_SCOPES = ['due', 'overdue', 'open'] as const;
export type FollowUpScope = (typeof FOLLOW_UP_SCOPES)[number];

/** The reminder DM's snooze buttons. */
export const SNOOZE_PRESETS = ['1h', 'tomorrow', 'next-week'] as const;
export type SnoozePreset = (typeof SNOOZE_PRESETS)[number];

/** The snooze buttons as a person reads them, in the order every surface shows them. */
export const SNOOZE_CHOICES = [
  { title: 'Snooze 1 hour', preset: '1h' },
  { title: 'Tomorrow', preset: 'tomorrow' },
  { title: 'Next week', preset: 'next-week' },
] as const satisfies readonly { title: string; preset: SnoozePreset }[];

export const listMyFollowUpsSchema = z.object({
  scope: z.enum(FOLLOW_UP_SCOPES, { error: 'Choose due, overdue or open.' }).default('open'),
  limit: z
    .number({ error: 'The page size must be a number.' })
    .int('The page size must be a whole number.')
    .min(1, 'Show at least one follow-up.')
    .max(50, 'Show at most 50 follow-ups.')
    .default(20),
});

export const followUpTargetSchema = z.object({ interactionId: idSchema });

export const snoozeSchema = z
  .object({
    interactionId: idSchema,
    until: dateInput('Enter a valid date and time.').optional(),
    preset: z.enum(SNOOZE_PRESETS, { error: 'Snooze for 1 hour, until tomorrow or next week.' }).optional(),
  })
  .refine((input) => (input.until === undefined) !== (input.preset === undefined), {
    path: ['until'],
    message: 'Choose when to be reminded again.',
  });

export const reassignSchema = z.object({
  interactionId: idSchema,
  assigneeId: idSchema,
});

/** Start of tomorrow in the zone: the exclusive end of "due today". */
export function endOfToday(now: Date, timeZone: string): Date {
  const zone = tz(safeTimeZone(timeZone));
  return new Date(addDays(startOfDay(now, { in: zone }), 1, { in: zone }).getTime());
}

/** 1 hour from now; tomorrow 09:00; next Monday 09:00 — in the member's timezone. */
export function snoozeUntil(preset: SnoozePreset, now: Date, timeZone: string): Date {
  const zone = tz(safeTimeZone(timeZone));
  const nineAm = { hours: 9, minutes: 0, seconds: 0, milliseconds: 0 };
  switch (preset) {
    case '1h':
      return addHours(now, 1);
    case 'tomorrow':
      return new Date(set(addDays(now, 1, { in: zone }), nineAm, { in: zone }).getTime());
    case 'next-week':
      return new Date(
        set(addWeeks(startOfISOWeek(now, { in: zone }), 1, { in: zone }), nineAm, { in: zone }).getTime(),
      );
  }
}
