import {
  editInputFromFields,
  type LogFormFields,
  logInputFromFields,
  pickerValues,
  zonedMoment,
} from '../../../../core/forms/log-form-rules.js';
import type { AttachmentRef } from '../../../../core/interactions/interaction.js';
import type { FieldErrors } from '../../../../core/shared/errors.js';
import { InteractionFormField as F, type FieldIds, OTHER_TYPE_VALUE } from '../../ids.js';
import type { FormMetadata } from '../../payloads/form-metadata.js';
import type { FormValues } from '../../payloads/interaction-form-state.js';

/** Block id → message, as `response_action: 'errors'` wants them. */
export type BlockErrors = Record<string, string>;

export { pickerValues, zonedMoment };

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

/**
 * The edit use case's input, by the core's form rules (the same as Teams'): dates left alone
 * are not re-sent, a cleared follow-up date removes it. What this modal shows beyond Teams'
 * dialog is said from its metadata: a description too long to show, and direction and channel.
 */
export function editInputFrom(
  values: FormValues,
  metadata: FormMetadata,
  timeZone: string,
): { input: unknown; errors: FieldErrors } {
  const { contactIds: _notEditable, ...fields } = logFormFieldsOf(values);
  return editInputFromFields(
    fields,
    {
      id: metadata.i ?? '',
      ...(metadata.at ? { occurredAt: new Date(metadata.at) } : {}),
      ...(metadata.due ? { dueAt: new Date(metadata.due) } : {}),
      ...(metadata.ld ? { descriptionHidden: true } : {}),
      showsDirectionAndChannel: true,
    },
    timeZone,
  );
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
