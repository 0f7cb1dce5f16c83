import type { LogFormFields } from '../../../core/forms/log-form-rules.js';
import type { LogDialogState } from '../cards/log-dialog-card.js';
import { CUSTOM_TYPE_CHOICE, LogField as F } from '../ids.js';

export type DialogValues = LogDialogState['values'];

const FIELD_IDS = Object.values(F);

/** The dialog's inputs as submitted (strings, as Teams sends them), kept to re-show on error. */
export function dialogValues(data: Record<string, unknown>): DialogValues {
  const values: DialogValues = {};
  for (const id of FIELD_IDS) {
    const value = data[id];
    if (typeof value === 'string' && value.length > 0) values[id] = value;
  }
  return values;
}

/** A multi-select ChoiceSet sends its values comma-joined. */
const list = (value: string | undefined) =>
  (value ?? '')
    .split(',')
    .map((part) => part.trim())
    .filter(Boolean);

/** The neutral form fields the core's form rules read. */
export function logFormFields(values: DialogValues): LogFormFields {
  const customTypeChosen = values.type === CUSTOM_TYPE_CHOICE;
  return {
    contactIds: list(values.contacts),
    ...(values.type && !customTypeChosen ? { type: values.type } : {}),
    ...(values.customType ? { customType: values.customType } : {}),
    customTypeChosen,
    actions: list(values.actions),
    ...(values.newActions ? { newActions: values.newActions } : {}),
    ...(values.description ? { description: values.description } : {}),
    ...(values.date ? { date: values.date } : {}),
    ...(values.time ? { time: values.time } : {}),
    ...(values.followUpDate ? { followUpDate: values.followUpDate } : {}),
    ...(values.followUpTime ? { followUpTime: values.followUpTime } : {}),
    ...(values.assignee ? { assigneeId: values.assignee } : {}),
    important: values.important === 'true',
    ...(values.visitAddress ? { visitAddress: values.visitAddress } : {}),
  };
}
