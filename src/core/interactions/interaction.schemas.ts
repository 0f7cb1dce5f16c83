import { z } from 'zod';
import {
  followUpTooFarMessage,
  interactionTooOldMessage,
  isFollowUpTooFar,
  isInteractionDateTooOld,
} from './date-window.js';
import { CHANNELS, CONTACTS_PER_LOG_MAX, DESCRIPTION_MAX, DIRECTIONS, SOURCES } from './interaction.js';
import { FOLLOW_UP_FILTERS, LIST_SORTS } from './interaction-filter.js';

/**
 * Input schemas of the interaction use cases. Messages are shown to end users next to the
 * field (form errors, ephemeral replies), so they say what to do, not what went wrong inside.
 * Schemas that compare with "now" are built per call from the service clock.
 */

/** A date in the future by at most this much is still "now" (clock skew, slow forms). */
export const FUTURE_TOLERANCE_MS = 5 * 60_000;
export const TYPE_MAX = 60;
export const ACTION_MAX = 60;
export const ACTIONS_MAX = 25;
export const VISIT_ADDRESS_MAX = 500;
export const ATTACHMENTS_MAX = 10;
export const PAGE_LIMIT_MAX = 50;

/** An ISO 8601 date-time (with Z or an offset) or a Date. */
export function dateInput(message = 'Enter a valid date and time.') {
  return z
    .union([z.date({ error: message }), z.iso.datetime({ offset: true, error: message })], { error: message })
    .transform((value) => (value instanceof Date ? value : new Date(value)));
}

export const idSchema = z
  .string({ error: 'This reference is missing.' })
  .trim()
  .min(1, 'This reference is missing.')
  .max(200, 'This reference is too long.');

export const typeSchema = z
  .string({ error: 'Choose or type an interaction type.' })
  .trim()
  .min(1, 'Choose or type an interaction type.')
  .max(TYPE_MAX, `Keep the type under ${TYPE_MAX} characters.`);

/** Case-insensitive de-duplication, keeping the first spelling. */
export function uniqueIgnoringCase(values: string[]): string[] {
  const seen = new Set<string>();
  return values.filter((value) => {
    const key = value.toLowerCase();
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

export const actionsSchema = z
  .array(
    z
      .string({ error: 'Each action must be text.' })
      .trim()
      .min(1, 'An action cannot be empty.')
      .max(ACTION_MAX, `Keep each action under ${ACTION_MAX} characters.`),
    { error: 'Choose actions from the list or type new ones.' },
  )
  .transform(uniqueIgnoringCase)
  .pipe(z.array(z.string()).max(ACTIONS_MAX, `Choose at most ${ACTIONS_MAX} actions.`));

export const descriptionSchema = z
  .string({ error: 'The description must be text.' })
  .trim()
  .max(DESCRIPTION_MAX, `Keep the description under ${DESCRIPTION_MAX.toLocaleString('en')} characters.`);

const visitAddressText = z
  .string({ error: 'The address must be text.' })
  .trim()
  .max(VISIT_ADDRESS_MAX, `Keep the address under ${VISIT_ADDRESS_MAX} characters.`);
/** Empty text means "no address". */
export const visitAddressSchema = visitAddressText.transform((value) => (value === '' ? undefined : value));

export const directionSchema = z.enum(DIRECTIONS, { error: 'Choose inbound or outbound.' });
export const channelSchema = z.enum(CHANNELS, { error: 'Choose a channel from the list.' });

const httpUrl = (message: string) => z.url({ protocol: /^https?$/, error: message });

export const attachmentSchema = z.object({
  name: z
    .string({ error: 'The file needs a name.' })
    .trim()
    .min(1, 'The file needs a name.')
    .max(255, 'The file name is too long.'),
  mimeType: z
    .string({ error: 'The file type is missing.' })
    .trim()
    .min(1, 'The file type is missing.')
    .max(255, 'The file type is too long.'),
  size: z.number({ error: 'The file size is missing.' }).int().min(0, 'The file size cannot be negative.'),
  url: httpUrl('The file link must be an http(s) address.'),
  platformFileId: z.string().max(200).optional(),
});

export const attachmentsSchema = z
  .array(attachmentSchema, { error: 'Attachments must be a list of files.' })
  .max(ATTACHMENTS_MAX, `Attach at most ${ATTACHMENTS_MAX} files.`);

export const sourceSchema = z.object(
  {
    kind: z.enum(SOURCES, { error: 'Unknown source.' }),
    link: httpUrl('The source link must be an http(s) address.').optional(),
  },
  { error: 'Unknown source.' },
);

export function occurredAtSchema(now: Date) {
  return dateInput('Enter a valid date and time.')
    .refine(
      (date) => date.getTime() <= now.getTime() + FUTURE_TOLERANCE_MS,
      "The date can't be in the future",
    )
    .refine((date) => !isInteractionDateTooOld(date, now), interactionTooOldMessage(now));
}

export const FOLLOW_UP_IN_PAST = 'The follow-up date must be in the future.';

/** Why a new follow-up date cannot be used, or undefined when it can (see date-window.ts). */
export function followUpDueAtProblem(dueAt: Date, now: Date): string | undefined {
  if (dueAt.getTime() < now.getTime() - FUTURE_TOLERANCE_MS) return FOLLOW_UP_IN_PAST;
  if (isFollowUpTooFar(dueAt, now)) return followUpTooFarMessage(now);
  return undefined;
}

/**
 * A follow-up as typed in a form; the assignee defaults to the author (log) or stays (edit).
 * An edit form re-sends an unchanged, possibly overdue date, so the edit checks the date's
 * window itself, only when the date changes.
 */
export function followUpInputSchema(now: Date, requireFuture = true) {
  const dueAt = dateInput('Enter a valid follow-up date and time.');
  return z.object(
    {
      dueAt: requireFuture
        ? dueAt.superRefine((date, context) => {
            const problem = followUpDueAtProblem(date, now);
            if (problem) context.addIssue({ code: 'custom', message: problem });
          })
        : dueAt,
      assigneeId: idSchema.optional(),
    },
    { error: 'Enter a follow-up date and time.' },
  );
}

export function logInteractionSchema(now: Date) {
  return z.object({
    idempotencyKey: z
      .string({ error: 'The form submission id is missing.' })
      .trim()
      .min(1, 'The form submission id is missing.')
      .max(200, 'The form submission id is too long.'),
    contactIds: z
      .array(idSchema, { error: 'Choose at least one contact.' })
      .transform((ids) => [...new Set(ids)])
      .pipe(
        z
          .array(z.string())
          .min(1, 'Choose at least one contact.')
          .max(
            CONTACTS_PER_LOG_MAX,
            `You can log one interaction for up to ${CONTACTS_PER_LOG_MAX} contacts at once.`,
          ),
      ),
    type: typeSchema,
    actions: actionsSchema.default([]),
    description: descriptionSchema.default(''),
    occurredAt: occurredAtSchema(now).optional(),
    followUp: followUpInputSchema(now).optional(),
    important: z.boolean({ error: 'Importance must be yes or no.' }).default(false),
    visitAddress: visitAddressSchema.optional(),
    direction: directionSchema.optional(),
    channel: channelSchema.optional(),
    attachments: attachmentsSchema.default([]),
    source: sourceSchema.default({ kind: 'manual' }),
    /**
     * F13 "Log the follow-up": the interaction whose follow-up this log closes. Checked in the
     * core (same workspace, the actor may change it, its contact is logged) before any write.
     */
    closesFollowUpOf: idSchema.optional(),
  });
}
export type LogInteractionInput = z.output<ReturnType<typeof logInteractionSchema>>;

/** Absent = unchanged; null (or empty text) = remove, for the optional fields. */
export function editInteractionSchema(now: Date) {
  return z.object({
    id: idSchema,
    type: typeSchema.optional(),
    actions: actionsSchema.optional(),
    description: descriptionSchema.optional(),
    occurredAt: occurredAtSchema(now).optional(),
    followUp: followUpInputSchema(now, false).nullable().optional(),
    important: z.boolean({ error: 'Importance must be yes or no.' }).optional(),
    visitAddress: visitAddressText
      .transform((value) => (value === '' ? null : value))
      .nullable()
      .optional(),
    direction: directionSchema.nullable().optional(),
    channel: channelSchema.nullable().optional(),
  });
}
export type EditInteractionInput = z.output<ReturnType<typeof editInteractionSchema>>;

export const deleteInteractionSchema = z.object({ id: idSchema });
/** One interaction named by a button or a form (read, edit, delete). */
export const interactionIdSchema = deleteInteractionSchema;

const pagingFields = {
  cursor: z.string({ error: 'This page link is not valid.' }).max(2000).optional(),
  direction: z.enum(['older', 'newer'], { error: 'Choose older or newer.' }).default('older'),
};

function limitSchema(fallback: number) {
  return z
    .number({ error: 'The page size must be a number.' })
    .int('The page size must be a whole number.')
    .min(1, 'Show at least one interaction per page.')
    .max(PAGE_LIMIT_MAX, `Show at most ${PAGE_LIMIT_MAX} interactions per page.`)
    .default(fallback);
}

export const contactTimelineSchema = z.object({
  contactId: idSchema,
  ...pagingFields,
  limit: limitSchema(10),
});

export const organisationTimelineSchema = z.object({
  organisationId: idSchema,
  ...pagingFields,
  limit: limitSchema(10),
});

const filterList = (what: string) =>
  z.array(z.string().trim().min(1).max(200), { error: `Choose ${what} from the list.` }).max(500);

/** F10 filters from users (the list, the export and the report parse the same shape). */
export const interactionFilterSchema = z
  .object({
    from: dateInput('Enter a valid start date.').optional(),
    to: dateInput('Enter a valid end date.').optional(),
    types: filterList('types').optional(),
    actions: filterList('actions').optional(),
    authorIds: filterList('authors').optional(),
    contactIds: filterList('contacts').optional(),
    contactText: z.string({ error: 'Type part of a contact name.' }).trim().max(200).optional(),
    addressText: z.string({ error: 'Type part of an address.' }).trim().max(200).optional(),
    organisationId: idSchema.optional(),
    importantOnly: z.boolean({ error: 'Importance must be yes or no.' }).optional(),
    hasAttachments: z.boolean({ error: 'Attachments must be yes or no.' }).optional(),
    followUp: z.enum(FOLLOW_UP_FILTERS, { error: 'Choose open, overdue, done or none.' }).optional(),
    text: z.string({ error: 'Type some text to search for.' }).trim().max(200).optional(),
  })
  .refine((filter) => !filter.from || !filter.to || filter.from < filter.to, {
    path: ['to'],
    message: 'The end date must be after the start date.',
  });

export const listInteractionsSchema = z.object({
  filter: interactionFilterSchema.default({}),
  sort: z.enum(LIST_SORTS, { error: 'Sort by date or type.' }).default('date'),
  ...pagingFields,
  limit: limitSchema(20),
});
