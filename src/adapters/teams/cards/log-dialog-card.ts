import type { CardElement, IAdaptiveCard, IChoice } from '@microsoft/teams.cards';
import type { FieldErrors } from '../../../core/shared/errors.js';
import { zonedLabel } from '../../../core/workspaces/personal-time.js';
import {
  CUSTOM_TYPE_CHOICE,
  Dataset,
  DIALOG_KEY,
  Dialog,
  LogField as F,
  FOLLOW_UP_OF_KEY,
  Verb,
} from '../ids.js';
import { TEAMS_LIMITS, truncate, userText } from '../limits.js';
import { adaptiveCard, type CardAction, execute, text } from './card-kit.js';

/** What the log (or edit) dialog shows: the choices and the values typed so far. */
export interface LogDialogState {
  mode: 'log' | 'edit';
  /** Stable for the life of the dialog: a resubmit maps to the same records. */
  submissionKey: string;
  /** The interaction being edited. */
  interactionId?: string;
  contacts: IChoice[];
  types: string[];
  actionChoices: string[];
  /** Members the follow-up can be assigned to, resolved names first (the rest come by type-ahead). */
  assignees: IChoice[];
  values: Partial<Record<(typeof F)[keyof typeof F], string>>;
  errors?: FieldErrors;
  /** F6: where the interaction was logged from (a message's link). */
  sourceLink?: string;
  /** F13 "Log the follow-up": the interaction whose follow-up the log closes (checked by the core). */
  closesFollowUpOf?: string;
  /**
   * Shown in a card in the conversation instead of a dialog (the Agents Playground and other
   * clients open no dialogs): the Log button is then an Action.Execute answered in place.
   */
  inline?: boolean;
  /** The zone times are read in, named only when it is not the person's own (core's personalTime). */
  zoneLabel?: string;
}

/** Which input a core field error belongs under (the first one that exists in the dialog). */
export function fieldFor(key: string): string {
  const head = key.split('.')[0] ?? key;
  switch (head) {
    case 'contactIds':
      return F.contacts;
    case 'type':
      return F.type;
    case 'actions':
      return F.actions;
    case 'description':
      return F.description;
    case 'time':
    case 'occurredAt':
      return F.date;
    case 'followUp':
      return key === 'followUp.assigneeId' ? F.assignee : F.followUpDate;
    case 'visitAddress':
      return F.visitAddress;
    case 'important':
      return F.important;
    default:
      return 'form';
  }
}

function errorsByInput(errors: FieldErrors | undefined): Map<string, string[]> {
  const map = new Map<string, string[]>();
  for (const [key, message] of Object.entries(errors ?? {})) {
    const input = fieldFor(key);
    map.set(input, [...(map.get(input) ?? []), message]);
  }
  return map;
}

function withError(element: CardElement, messages: string[] | undefined): CardElement[] {
  if (!messages?.length) return [element];
  return [
    element,
    text(messages.map((m) => `⚠️ ${userText(m, 300)}`).join('\n'), { color: 'Attention', spacing: 'None' }),
  ];
}

const choice = (value: string): IChoice => ({ title: truncate(value, 150), value });

/**
 * The log dialog (F1–F5) as an Adaptive Card in a task module: contacts by type-ahead
 * (Data.Query → application/search), type with "Other…", actions and new tags, description,
 * when (backdating allowed, not the future), follow-up with assignee, importance, Visit address.
 * Errors the server found come back under their field; every typed value is kept.
 */
export function logDialogCard(state: LogDialogState): IAdaptiveCard {
  const errors = errorsByInput(state.errors);
  const v = state.values;
  const typeChoices = [
    ...state.types.map(choice),
    { title: 'Other… (type it below)', value: CUSTOM_TYPE_CHOICE },
  ];
  // A dialog has a title bar; a card in the conversation says what it is itself.
  const body: CardElement[] = state.inline
    ? [text('Log an interaction', { size: 'Medium', weight: 'Bolder' })]
    : [];
  if (state.errors && Object.keys(state.errors).length > 0) {
    const notice = text('Nothing was saved: please fix the fields marked below.', {
      color: 'Attention',
      weight: 'Bolder',
    });
    body.push(...withError(notice, errors.get('form')));
  }
  if (state.mode === 'log' && state.contacts.length === 0) {
    body.push(
      ...withError(
        text('There are no contacts yet. Close this form and type **contact add** first.', {
          weight: 'Bolder',
        }),
        errors.get(F.contacts),
      ),
    );
  } else if (state.mode === 'log') {
    if (state.closesFollowUpOf) body.push(text('✅ Logging this marks the follow-up as done.'));
    body.push(
      ...withError(
        {
          type: 'Input.ChoiceSet',
          id: F.contacts,
          label: 'Contacts',
          isRequired: true,
          errorMessage: 'Choose at least one contact.',
          isMultiSelect: true,
          placeholder: 'Type a name or an email',
          choices: state.contacts,
          'choices.data': { type: 'Data.Query', dataset: Dataset.contacts },
          ...(v.contacts ? { value: v.contacts } : {}),
        },
        errors.get(F.contacts),
      ),
    );
  }
  body.push(
    ...withError(
      {
        type: 'Input.ChoiceSet',
        id: F.type,
        label: 'Type',
        isRequired: true,
        errorMessage: 'Choose a type.',
        choices: typeChoices,
        ...(v.type ? { value: v.type } : {}),
      },
      errors.get(F.type),
    ),
    {
      type: 'Input.Text',
      id: F.customType,
      label: 'New type (when Other…)',
      maxLength: 60,
      ...(v.customType ? { value: v.customType } : {}),
    },
    ...(state.actionChoices.length > 0
      ? withError(
          {
            type: 'Input.ChoiceSet',
            id: F.actions,
            label: 'Actions',
            isMultiSelect: true,
            choices: state.actionChoices.map(choice),
            ...(v.actions ? { value: v.actions } : {}),
          },
          errors.get(F.actions),
        )
      : []),
    {
      type: 'Input.Text',
      id: F.newActions,
      label: 'New actions (comma-separated)',
      maxLength: 300,
      ...(v.newActions ? { value: v.newActions } : {}),
    },
    ...withError(
      {
        type: 'Input.Text',
        id: F.description,
        label: 'Description',
        isMultiline: true,
        maxLength: TEAMS_LIMITS.descriptionChars,
        ...(v.description ? { value: v.description } : {}),
      },
      errors.get(F.description),
    ),
    ...withError(
      {
        type: 'ColumnSet',
        columns: [
          {
            type: 'Column',
            items: [{ type: 'Input.Date', id: F.date, label: 'When', ...(v.date ? { value: v.date } : {}) }],
          },
          {
            type: 'Column',
            items: [
              {
                type: 'Input.Time',
                id: F.time,
                label: zonedLabel('Time', state),
                ...(v.time ? { value: v.time } : {}),
              },
            ],
          },
        ],
      },
      errors.get(F.date),
    ),
    ...withError(
      {
        type: 'ColumnSet',
        columns: [
          {
            type: 'Column',
            items: [
              {
                type: 'Input.Date',
                id: F.followUpDate,
                label: 'Follow-up on',
                ...(v.followUpDate ? { value: v.followUpDate } : {}),
              },
            ],
          },
          {
            type: 'Column',
            items: [
              {
                type: 'Input.Time',
                id: F.followUpTime,
                label: zonedLabel('at (default 09:00)', state),
                ...(v.followUpTime ? { value: v.followUpTime } : {}),
              },
            ],
          },
        ],
      },
      errors.get(F.followUpDate),
    ),
    ...withError(
      {
        type: 'Input.ChoiceSet',
        id: F.assignee,
        label: 'Follow-up assigned to',
        choices: state.assignees,
        'choices.data': { type: 'Data.Query', dataset: Dataset.members },
        placeholder: 'You, unless you choose someone',
        ...(v.assignee ? { value: v.assignee } : {}),
      },
      errors.get(F.assignee),
    ),
    {
      type: 'Input.Toggle',
      id: F.important,
      title: 'High importance',
      valueOn: 'true',
      valueOff: 'false',
      value: v.important ?? 'false',
    },
    ...withError(
      {
        type: 'Input.Text',
        id: F.visitAddress,
        label: 'Visit address (for a Visit)',
        maxLength: 500,
        ...(v.visitAddress ? { value: v.visitAddress } : {}),
      },
      errors.get(F.visitAddress),
    ),
  );
  return adaptiveCard(body, [submitAction(state)]);
}

function submitAction(state: LogDialogState): CardAction {
  if (state.inline) {
    // Not `key`: the Agents Playground's card renderer fails on a data field of that name.
    return execute(
      'Log',
      Verb.logHereSubmit,
      { submission: state.submissionKey, ...(state.sourceLink ? { src: state.sourceLink } : {}) },
      { style: 'positive', inputs: true },
    );
  }
  return {
    type: 'Action.Submit',
    title: state.mode === 'log' ? 'Log' : 'Save',
    style: 'positive',
    data: {
      [DIALOG_KEY]: state.mode === 'log' ? Dialog.log : Dialog.edit,
      key: state.submissionKey,
      ...(state.interactionId ? { id: state.interactionId } : {}),
      ...(state.sourceLink ? { src: state.sourceLink } : {}),
      ...(state.closesFollowUpOf ? { [FOLLOW_UP_OF_KEY]: state.closesFollowUpOf } : {}),
    },
  };
}
