import {
  type FormMoments,
  type LogFormFields,
  logInputFromFields,
  pickerValues,
  readFormMoments,
  sameMinute,
  splitTags,
  zonedMoment,
} from '../../../core/forms/log-form-rules.js';
import type { AttachmentRef } from '../../../core/interactions/interaction.js';
import type { FieldErrors } from '../../../core/shared/errors.js';
import { InteractionFormField as F, type FieldIds, OTHER_TYPE_VALUE } from '../ids.js';
import type { FormValues } from '../payloads/interaction-form-state.js';
import type { FormMetadata } from './form-metadata.js';
import { chosenType, showsVisitAddress } from './interaction-form-blocks.js';

/** Block id → message, as `response_action: 'errors'` wants them. */
export type BlockErrors = Record<string, string>;

export { pickerValues, zonedMoment };

/**
 * Dates from the pickers (the core's shared form rules), and the custom-type mistake, keyed
 * like the core's field errors so both reach the same input blocks.
 */
function readMoments(values: FormValues, timeZone: string): FormMoments {
  const moments = readFormMoments(values, timeZone);
  // The edit use case treats a missing type as "unchanged", so an empty custom type is caught here.
  if (values.type === OTHER_TYPE_VALUE && !chosenType(values)) {
    moments.errors.type = 'Type the new interaction type.';
  }
  return moments;
}

function actionsOf(values: FormValues): string[] {
  return [...values.actions, ...splitTags(values.newActions)];
}

function attachmentsOf(values: FormValues): AttachmentRef[] {
  return values.files.map((file) => ({
    name: file.name,
    mimeType: file.mimeType,
    size: file.size,
    url: file.url,
    platformFileId: file.id,
  }));
}

export interface LogContext {
  /** Stable for the life of the modal, so a double submit or a retry maps to the same records. */
  viewId: string;
  metadata: FormMetadata;
  timeZone: string;
}

/** The submitted modal as the core's surface-neutral log form. */
function logFormFieldsOf(values: FormValues): LogFormFields {
  const customTypeChosen = values.type === OTHER_TYPE_VALUE;
  return {
    ...values,
    contactIds: values.contacts.map((contact) => contact.id),
    type: customTypeChosen ? undefined : values.type,
    customTypeChosen,
    attachments: attachmentsOf(values),
  };
}

/** The log use case's input from the submitted form (the core's form rules), plus the errors only the form can see. */
export function logInputFrom(
  values: FormValues,
  context: LogContext,
): { input: unknown; errors: FieldErrors } {
  const { msg } = context.metadata;
  return logInputFromFields(logFormFieldsOf(values), {
    idempotencyKey: `slack-view:${context.viewId}`,
    timeZone: context.timeZone,
    ...(msg ? { source: { kind: 'chat-message', ...(msg.link ? { link: msg.link } : {}) } } : {}),
    ...(context.metadata.fu ? { closesFollowUpOf: context.metadata.fu } : {}),
  });
}

/** Same minute in the pickers as the stored moment (an ISO string in the form metadata). */
function unchanged(picked: Date | undefined, original: string | undefined, timeZone: string): boolean {
  return sameMinute(picked, original ? new Date(original) : undefined, timeZone);
}

/**
 * The edit use case's input. Every field is re-sent (the core keeps only real changes), except
 * dates shown to the minute and left alone: re-sending them would shift the stored seconds, and
 * an overdue follow-up would be refused as "in the past" though nobody touched it.
 */
export function editInputFrom(
  values: FormValues,
  metadata: FormMetadata,
  timeZone: string,
): { input: unknown; errors: FieldErrors } {
  const { occurredAt, dueAt, errors } = readMoments(values, timeZone);
  let followUp: unknown;
  if (dueAt) {
    const due = unchanged(dueAt, metadata.due, timeZone) && metadata.due ? new Date(metadata.due) : dueAt;
    followUp = { dueAt: due, ...(values.assigneeId ? { assigneeId: values.assigneeId } : {}) };
  } else if (metadata.due) {
    followUp = null; // the form showed a follow-up and the user cleared its date
  }
  const input = {
    id: metadata.i,
    type: chosenType(values),
    actions: actionsOf(values),
    ...(metadata.ld ? {} : { description: values.description ?? '' }),
    ...(occurredAt && !unchanged(occurredAt, metadata.at, timeZone) ? { occurredAt } : {}),
    ...(followUp !== undefined ? { followUp } : {}),
    important: values.important,
    ...(showsVisitAddress(values) ? { visitAddress: values.visitAddress ?? '' } : {}),
    direction: values.direction ?? null,
    channel: values.channel ?? null,
  };
  return { input, errors };
}

/** Where a field error shows, best first: the input to change, else the one that reveals it. */
function blocksFor(key: string, values: FormValues, today: string): FieldIds[] {
  const [head, index] = key.split('.');
  switch (head) {
    case 'contactIds':
      return [F.contacts];
    case 'type':
      return values.type === OTHER_TYPE_VALUE ? [F.customType, F.type] : [F.type];
    case 'actions': {
      // Indexes past the picked ones are the typed tags, which come after them.
      const typed = index !== undefined && Number(index) >= values.actions.length;
      return typed || values.actions.length === 0 ? [F.newActions, F.actions] : [F.actions, F.newActions];
    }
    case 'description':
      return [F.description];
    case 'time':
      return [F.time];
    case 'occurredAt':
      // "In the future" on today's date is about the time.
      return values.date === today ? [F.time, F.date] : [F.date, F.time];
    case 'followUp':
      return key === 'followUp.assigneeId' ? [F.followUpAssignee] : [F.followUpDate];
    case 'visitAddress':
      return [F.visitAddress, F.type];
    case 'important':
      return [F.important];
    case 'direction':
      return [F.direction];
    case 'channel':
      return [F.channel];
    case 'attachments':
      return [F.attachments];
    default:
      return [];
  }
}

/**
 * Core field errors keyed by the input blocks of this view. Slack shows errors only under
 * input blocks that exist, so anything else lands on the first input of the form.
 */
export function toBlockErrors(
  fieldErrors: FieldErrors,
  values: FormValues,
  inputBlockIds: readonly string[],
  today: string,
): BlockErrors {
  const errors: BlockErrors = {};
  const present = new Set(inputBlockIds);
  for (const [key, message] of Object.entries(fieldErrors)) {
    const block = blocksFor(key, values, today).find((field) => present.has(field.blockId))?.blockId;
    const target = block ?? inputBlockIds[0];
    if (target && errors[target] === undefined) errors[target] = message;
  }
  return errors;
}
