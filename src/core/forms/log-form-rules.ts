import { TZDate, tz } from '@date-fns/tz';
import { format } from 'date-fns';
import type { AttachmentRef } from '../interactions/interaction.js';
import type { FieldErrors } from '../shared/errors.js';

/**
 * The rules of the "log an interaction" form that every surface shares: how the date and
 * time fields read in the workspace timezone, what an empty custom type means, how typed tags
 * split. Slack's modal and the Teams dialog both build the log use case's input through here.
 */

/** A follow-up date without a time is due at the start of the working day. */
export const DEFAULT_FOLLOW_UP_TIME = '09:00';

/** A moment as the date and time pickers show it, in the workspace timezone. */
export function pickerValues(date: Date, timeZone: string): { date: string; time: string } {
  const zone = tz(timeZone);
  return { date: format(date, 'yyyy-MM-dd', { in: zone }), time: format(date, 'HH:mm', { in: zone }) };
}

/** The pickers' wall-clock values read in `timeZone`; undefined if malformed or not a real day and time. */
export function zonedMoment(date: string, time: string, timeZone: string): Date | undefined {
  const d = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  const t = /^(\d{2}):(\d{2})(?::\d{2})?$/.exec(time);
  if (!d || !t) return undefined;
  const [year, month, day] = [Number(d[1]), Number(d[2]), Number(d[3])];
  const [hour, minute] = [Number(t[1]), Number(t[2])];
  // A 13th month, 31 November or 25:99 would roll over into another moment: not what was meant.
  const daysInMonth = new Date(Date.UTC(year, month, 0)).getUTCDate();
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth || hour > 23 || minute > 59) return undefined;
  const moment = new TZDate(year, month - 1, day, hour, minute, timeZone);
  return Number.isNaN(moment.getTime()) ? undefined : new Date(moment.getTime());
}

/** "To call back, Agreed" typed in the new-tags field. */
export function splitTags(raw: string | undefined): string[] {
  return (raw ?? '')
    .split(',')
    .map((tag) => tag.trim())
    .filter((tag) => tag.length > 0);
}

export interface FormMomentFields {
  date?: string;
  time?: string;
  followUpDate?: string;
  followUpTime?: string;
}

export interface FormMoments {
  occurredAt?: Date;
  dueAt?: Date;
  errors: FieldErrors;
}

/**
 * Dates from the pickers, and the mistakes only the form can see, keyed like the core's field
 * errors ('time' is the form's own) so both reach the same inputs.
 */
export function readFormMoments(fields: FormMomentFields, timeZone: string): FormMoments {
  const errors: FieldErrors = {};
  let occurredAt: Date | undefined;
  if (fields.date) {
    if (!fields.time) errors.time = 'Choose a time.';
    else occurredAt = zonedMoment(fields.date, fields.time, timeZone);
    if (fields.time && !occurredAt) errors.occurredAt = 'Enter a valid date and time.';
  }
  let dueAt: Date | undefined;
  if (fields.followUpDate) {
    dueAt = zonedMoment(fields.followUpDate, fields.followUpTime || DEFAULT_FOLLOW_UP_TIME, timeZone);
    if (!dueAt) errors['followUp.dueAt'] = 'Enter a valid follow-up date and time.';
  } else if (fields.followUpTime) {
    errors['followUp.dueAt'] = 'Choose a date for the follow-up, or clear its time.';
  }
  return { ...(occurredAt ? { occurredAt } : {}), ...(dueAt ? { dueAt } : {}), errors };
}

/** A submitted log form, surface-neutral: the adapter reads its own payload into this. */
export interface LogFormFields extends FormMomentFields {
  contactIds: string[];
  /** A configured type, or undefined with `customType` when the user chose "Other…". */
  type?: string;
  customType?: string;
  /** True when the user picked the "Other…" choice: the custom type must then be typed. */
  customTypeChosen: boolean;
  actions: string[];
  newActions?: string;
  description?: string;
  assigneeId?: string;
  important: boolean;
  visitAddress?: string;
  direction?: string;
  channel?: string;
  attachments?: AttachmentRef[];
}

export function chosenTypeOf(fields: Pick<LogFormFields, 'type' | 'customType' | 'customTypeChosen'>) {
  return fields.customTypeChosen ? fields.customType?.trim() || undefined : fields.type;
}

/** F3: only a Visit has an address. */
export function takesVisitAddress(type: string | undefined): boolean {
  return type?.toLowerCase() === 'visit';
}

export interface LogFormContext {
  /** Stable for the life of the form, so a double submit or a retry maps to the same records. */
  idempotencyKey: string;
  timeZone: string;
  /** F6: the chat message the interaction was logged from. */
  source?: { kind: 'chat-message'; link?: string };
  /** F13: the form was opened from a follow-up ("Log the follow-up"): logging closes it. */
  closesFollowUpOf?: string;
}

/** The log use case's input from a submitted form, plus the errors only the form can see. */
export function logInputFromFields(
  fields: LogFormFields,
  context: LogFormContext,
): { input: unknown; errors: FieldErrors } {
  const { occurredAt, dueAt, errors } = readFormMoments(fields, context.timeZone);
  const type = chosenTypeOf(fields);
  if (fields.customTypeChosen && !type) errors.type = 'Type the new interaction type.';
  const input = {
    idempotencyKey: context.idempotencyKey,
    contactIds: fields.contactIds,
    type,
    actions: [...fields.actions, ...splitTags(fields.newActions)],
    description: fields.description ?? '',
    ...(occurredAt ? { occurredAt } : {}),
    ...(dueAt
      ? { followUp: { dueAt, ...(fields.assigneeId ? { assigneeId: fields.assigneeId } : {}) } }
      : {}),
    important: fields.important,
    ...(takesVisitAddress(type) && fields.visitAddress ? { visitAddress: fields.visitAddress } : {}),
    ...(fields.direction ? { direction: fields.direction } : {}),
    ...(fields.channel ? { channel: fields.channel } : {}),
    attachments: fields.attachments ?? [],
    source: context.source ?? { kind: 'manual' },
    ...(context.closesFollowUpOf ? { closesFollowUpOf: context.closesFollowUpOf } : {}),
  };
  return { input, errors };
}

/** Same minute in the pickers as the stored moment: unchanged, so the stored seconds are kept. */
export function sameMinute(picked: Date | undefined, original: Date | undefined, timeZone: string): boolean {
  if (!picked || !original) return false;
  const a = pickerValues(picked, timeZone);
  const b = pickerValues(original, timeZone);
  return a.date === b.date && a.time === b.time;
}

/** The interaction as the edit form showed it, and what that form could show. */
export interface EditedInteraction {
  id: string;
  /** The stored moment the pickers were filled with (unknown: whatever is picked is sent). */
  occurredAt?: Date;
  /** The open follow-up's stored due date, if the form showed one. */
  dueAt?: Date;
  /** The description was too long for the platform's input and left out: it is kept as stored. */
  descriptionHidden?: boolean;
  /**
   * The form has the direction and channel fields, so an empty one clears the stored value. A
   * form without them (Teams) leaves both as they are.
   */
  showsDirectionAndChannel?: boolean;
}

/**
 * The edit use case's input from a submitted form. Dates shown to the minute and left alone
 * are not re-sent: that would shift the stored seconds, and an overdue follow-up would be
 * refused as "in the past" though nobody touched it. A cleared follow-up date removes it.
 */
export function editInputFromFields(
  fields: Omit<LogFormFields, 'contactIds'>,
  original: EditedInteraction,
  timeZone: string,
): { input: unknown; errors: FieldErrors } {
  const { occurredAt, dueAt, errors } = readFormMoments(fields, timeZone);
  const type = chosenTypeOf(fields);
  if (fields.customTypeChosen && !type) errors.type = 'Type the new interaction type.';
  let followUp: unknown;
  if (dueAt) {
    const due = sameMinute(dueAt, original.dueAt, timeZone) && original.dueAt ? original.dueAt : dueAt;
    followUp = { dueAt: due, ...(fields.assigneeId ? { assigneeId: fields.assigneeId } : {}) };
  } else if (original.dueAt) {
    followUp = null;
  }
  const input = {
    id: original.id,
    type,
    actions: [...fields.actions, ...splitTags(fields.newActions)],
    ...(original.descriptionHidden ? {} : { description: fields.description ?? '' }),
    ...(occurredAt && !sameMinute(occurredAt, original.occurredAt, timeZone) ? { occurredAt } : {}),
    ...(followUp !== undefined ? { followUp } : {}),
    important: fields.important,
    ...(takesVisitAddress(type) ? { visitAddress: fields.visitAddress ?? '' } : {}),
    ...(original.showsDirectionAndChannel
      ? { direction: fields.direction ?? null, channel: fields.channel ?? null }
      : {}),
  };
  return { input, errors };
}
