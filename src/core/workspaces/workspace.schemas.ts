import { format } from 'date-fns';
import { z } from 'zod';
import { ROLES } from '../shared/actor.js';
import { PLATFORMS } from './workspace.js';

export const LIST_ITEMS_MAX = 100;
/** Slack option text allows 75 characters; 60 leaves room for a marker such as "(new)". */
export const LIST_ITEM_LENGTH_MAX = 60;
export const DATE_FORMAT_LENGTH_MAX = 40;

/** One-line user text: NFC, runs of spaces and control characters (newlines, NUL…) made one space, trimmed. */
export function cleanLine(text: string): string {
  return text
    .normalize('NFC')
    .replace(/[\p{Cc}\s]+/gu, ' ')
    .trim();
}

export const resolveWorkspaceSchema = z.object({
  platform: z.enum(PLATFORMS, { error: 'Unknown platform.' }),
  externalId: z
    .string()
    .trim()
    .min(1, 'The workspace id is missing.')
    .max(200, 'The workspace id is too long.'),
  name: z
    .string()
    .transform(cleanLine)
    .pipe(z.string().max(200, 'The workspace name is too long (200 characters at most).'))
    .optional(),
});

export const resolveActorSchema = z.object({
  userId: z.string().trim().min(1, 'The user id is missing.').max(200, 'The user id is too long.'),
  displayName: z
    .string()
    .transform(cleanLine)
    .transform((name) => name.slice(0, 200))
    .optional(),
});

/**
 * The time zone as stored: the runtime's spelling when it only differs in case ("europe/paris"
 * → "Europe/Paris"), else the name as given (ICU resolves "Asia/Kolkata" to the older
 * "Asia/Calcutta"; both work, the user's is the one they recognise). null when unknown.
 */
export function canonicalTimezone(timeZone: string): string | null {
  if (timeZone.length === 0) return null;
  try {
    const resolved = new Intl.DateTimeFormat(undefined, { timeZone }).resolvedOptions().timeZone;
    return resolved.toLowerCase() === timeZone.toLowerCase() ? resolved : timeZone;
  } catch {
    return null;
  }
}

function settingsList(what: string) {
  return z.array(z.string({ error: `Each ${what} must be text.` })).transform((raw, ctx) => {
    const items = raw.map(cleanLine).filter((item) => item.length > 0);
    const seen = new Map<string, string>();
    for (const item of items) {
      if (item.length > LIST_ITEM_LENGTH_MAX) {
        ctx.addIssue({
          code: 'custom',
          message: `"${item.slice(0, 20)}…" is too long: each ${what} has ${LIST_ITEM_LENGTH_MAX} characters at most.`,
        });
        return z.NEVER;
      }
      const key = item.toLocaleLowerCase();
      const previous = seen.get(key);
      if (previous !== undefined) {
        ctx.addIssue({
          code: 'custom',
          message: `"${item}" is listed twice (as "${previous}"); the list ignores case.`,
        });
        return z.NEVER;
      }
      seen.set(key, item);
    }
    if (items.length === 0) {
      ctx.addIssue({ code: 'custom', message: `Keep at least one ${what}.` });
      return z.NEVER;
    }
    if (items.length > LIST_ITEMS_MAX) {
      ctx.addIssue({ code: 'custom', message: `At most ${LIST_ITEMS_MAX} ${what}s.` });
      return z.NEVER;
    }
    return items;
  });
}

/**
 * The date-fns tokens a workspace date format may use. Everything here formats to digits,
 * letters, "+" or ":" — never a comma, semicolon, quote or line break — so an exported date
 * never breaks a CSV cell, whichever delimiter the reader's spreadsheet expects.
 */
const DATE_TOKEN_LETTERS = 'yMLdEiHhkKmsSaxXO';
const DATE_SEPARATORS = ' /-.:_';
const SAMPLE_DATE = new Date(Date.UTC(2024, 0, 31, 13, 5, 9));

function dateFormatProblem(pattern: string): string | null {
  if (pattern.length === 0) return 'Give a date format, for example dd/MM/yyyy HH:mm.';
  if (pattern.length > DATE_FORMAT_LENGTH_MAX)
    return `A date format has ${DATE_FORMAT_LENGTH_MAX} characters at most.`;
  // Quoted literals ('T', 'à') may hold letters, digits and spaces only.
  const unquoted = pattern.replace(/'[\p{L}\p{N} ]*'/gu, '');
  for (const char of unquoted) {
    if (!DATE_TOKEN_LETTERS.includes(char) && !DATE_SEPARATORS.includes(char)) {
      return `"${char}" is not allowed in a date format. Use the tokens ${[...DATE_TOKEN_LETTERS].join(' ')} with / - . : or spaces between them, e.g. dd/MM/yyyy HH:mm.`;
    }
  }
  if (!/y/.test(unquoted) || !/[ML]/.test(unquoted) || !/d/.test(unquoted))
    return 'The date format must show the year (yyyy), the month (MM) and the day (dd).';
  let sample: string;
  try {
    sample = format(SAMPLE_DATE, pattern);
  } catch {
    return 'This date format is not valid; try dd/MM/yyyy HH:mm.';
  }
  if (/^[=+\-@]/.test(sample) || /[,;"\t\r\n]/.test(sample))
    return 'This date format produces characters that break CSV files; start with the day or the year.';
  return null;
}

const reportPatchSchema = z.object({
  enabled: z.boolean({ error: 'Choose whether the weekly report is on.' }).optional(),
  channelId: z
    .string()
    .trim()
    .min(1, 'Choose a channel for the weekly report.')
    .max(200, 'That channel id is too long.')
    .regex(/^\S+$/, 'That is not a channel id.')
    .nullable()
    .optional(),
  weekday: z
    .number({ error: 'Choose a weekday (1 = Monday … 7 = Sunday).' })
    .int('Choose a weekday (1 = Monday … 7 = Sunday).')
    .min(1, 'Choose a weekday (1 = Monday … 7 = Sunday).')
    .max(7, 'Choose a weekday (1 = Monday … 7 = Sunday).')
    .optional(),
  time: z
    .string()
    .trim()
    .regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'Give the time as HH:mm, for example 09:00.')
    .optional(),
});

/** Every key optional: only the keys given change (F16). */
export const updateSettingsSchema = z.object({
  interactionTypes: settingsList('interaction type').optional(),
  actions: settingsList('action').optional(),
  timezone: z
    .string({ error: 'Choose a time zone.' })
    .trim()
    .transform((value, ctx) => {
      const canonical = canonicalTimezone(value);
      if (canonical === null) {
        ctx.addIssue({
          code: 'custom',
          message: `"${value.slice(0, 60)}" is not a known time zone; use a name such as Europe/Paris.`,
        });
        return z.NEVER;
      }
      return canonical;
    })
    .optional(),
  dateFormat: z
    .string({ error: 'Give a date format, for example dd/MM/yyyy HH:mm.' })
    .trim()
    .superRefine((value, ctx) => {
      const problem = dateFormatProblem(value);
      if (problem !== null) ctx.addIssue({ code: 'custom', message: problem });
    })
    .optional(),
  report: reportPatchSchema.optional(),
  // Owner is never a default: it would make every newcomer a workspace admin.
  defaultRole: z
    .enum(['viewer', 'member'], { error: 'New people can start as viewer or member.' })
    .optional(),
});
export type UpdateSettingsInput = z.output<typeof updateSettingsSchema>;

/** A person of the workspace, named by their platform user id. */
export const memberIdSchema = z.object({
  userId: z.string().trim().min(1, 'Choose a person.').max(200, 'The user id is too long.'),
});

export const setRoleSchema = z.object({
  userId: z.string().trim().min(1, 'Choose a person.').max(200, 'The user id is too long.'),
  role: z.enum(ROLES, { error: 'Choose viewer, member or owner.' }),
});
