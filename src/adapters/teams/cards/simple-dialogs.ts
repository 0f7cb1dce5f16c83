import type { CardElement, IAdaptiveCard } from '@microsoft/teams.cards';
import type { FieldErrors } from '../../../core/shared/errors.js';
import { ROLE_LABELS } from '../../../core/views/people-view.js';
import type { WorkspaceSettings } from '../../../core/workspaces/workspace.js';
import { ContactField as C, DIALOG_KEY, Dialog, SettingsField as S, Verb } from '../ids.js';
import { truncate, userText } from '../limits.js';
import { adaptiveCard, execute, text } from './card-kit.js';

type Values = Record<string, string | undefined>;

/** The refusal at the top of a dialog: core messages may quote what was typed, so escaped. */
export function errorLines(errors: FieldErrors | undefined): CardElement[] {
  const messages = Object.values(errors ?? {});
  if (messages.length === 0) return [];
  return [
    text('Nothing was saved: please fix the following.', { color: 'Attention', weight: 'Bolder' }),
    text(messages.map((m) => `⚠️ ${userText(m, 300)}`).join('\n'), { color: 'Attention', spacing: 'None' }),
  ];
}

function input(
  id: string,
  label: string,
  values: Values,
  extra: { maxLength?: number; isRequired?: boolean } = {},
): CardElement {
  const value = values[id];
  return {
    type: 'Input.Text',
    id,
    label,
    maxLength: extra.maxLength ?? 200,
    ...(extra.isRequired ? { isRequired: true } : {}),
    ...(value ? { value } : {}),
  };
}

/**
 * F11 "Add a contact": name, email, phone, organisation. `inline` puts it in a card in the
 * conversation (for clients without dialogs), its button an Action.Execute answered in place.
 */
export function contactDialogCard(
  values: Values,
  key: string,
  errors?: FieldErrors,
  options: { inline?: boolean } = {},
): IAdaptiveCard {
  // Not `key` inline: the Agents Playground's card renderer fails on a data field of that name.
  const submit = options.inline
    ? execute('Add contact', Verb.contactHereSubmit, { submission: key }, { style: 'positive', inputs: true })
    : ({
        type: 'Action.Submit',
        title: 'Add contact',
        style: 'positive',
        data: { [DIALOG_KEY]: Dialog.contactAdd, key },
      } as const);
  return adaptiveCard(
    [
      ...(options.inline ? [text('Add a contact', { size: 'Medium', weight: 'Bolder' })] : []),
      ...errorLines(errors),
      input(C.firstName, 'First name', values, { maxLength: 100 }),
      input(C.lastName, 'Last name', values, { maxLength: 100 }),
      input(C.email, 'Email', values, { maxLength: 254 }),
      input(C.phone, 'Phone', values, { maxLength: 50 }),
      input(C.organisation, 'Organisation', values, { maxLength: 200 }),
    ],
    [submit],
  );
}

const WEEKDAYS = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'];

/**
 * F16 settings (owners): timezone, date format, lists, the role of newcomers, and the weekly
 * report's slot and place. Roles of people already here have their own dialog (roles-dialog-card).
 */
export function settingsDialogCard(
  settings: WorkspaceSettings,
  values: Values,
  conversationName: string,
  errors?: FieldErrors,
): IAdaptiveCard {
  const v = (id: string, fallback: string) => values[id] ?? fallback;
  return adaptiveCard(
    [
      ...errorLines(errors),
      {
        type: 'Input.Text',
        id: S.timezone,
        label: 'Time zone (e.g. Europe/Paris)',
        maxLength: 60,
        value: v(S.timezone, settings.timezone),
      },
      {
        type: 'Input.Text',
        id: S.dateFormat,
        label: 'Date format (e.g. dd/MM/yyyy HH:mm)',
        maxLength: 40,
        value: v(S.dateFormat, settings.dateFormat),
      },
      {
        type: 'Input.Text',
        id: S.interactionTypes,
        label: 'Interaction types (comma-separated)',
        maxLength: 2000,
        value: v(S.interactionTypes, settings.interactionTypes.join(', ')),
      },
      {
        type: 'Input.Text',
        id: S.actions,
        label: 'Actions (comma-separated)',
        maxLength: 2000,
        value: v(S.actions, settings.actions.join(', ')),
      },
      {
        type: 'Input.ChoiceSet',
        id: S.defaultRole,
        label: 'Role of newcomers',
        choices: (['viewer', 'member'] as const).map((role) => ({ title: ROLE_LABELS[role], value: role })),
        value: v(S.defaultRole, settings.defaultRole),
      },
      {
        type: 'Input.Toggle',
        id: S.reportEnabled,
        title: 'Post a weekly report',
        valueOn: 'true',
        valueOff: 'false',
        value: v(S.reportEnabled, String(settings.report.enabled)),
      },
      {
        type: 'Input.ChoiceSet',
        id: S.reportWeekday,
        label: 'Report day',
        choices: WEEKDAYS.map((day, index) => ({ title: day, value: String(index + 1) })),
        value: v(S.reportWeekday, String(settings.report.weekday)),
      },
      {
        type: 'Input.Time',
        id: S.reportTime,
        label: 'Report time',
        value: v(S.reportTime, settings.report.time),
      },
      {
        type: 'Input.Toggle',
        id: S.reportHere,
        title: `Post the report in ${truncate(conversationName, 80)}`,
        valueOn: 'true',
        valueOff: 'false',
        value: v(S.reportHere, 'false'),
      },
    ],
    [
      {
        type: 'Action.Submit',
        title: 'Save settings',
        style: 'positive',
        data: { [DIALOG_KEY]: Dialog.settings },
      },
    ],
  );
}
