import type { CardElement, IAdaptiveCard } from '@microsoft/teams.cards';
import type { FieldErrors } from '../../../core/shared/errors.js';
import { DIALOG_KEY, Dialog, FilterField as F } from '../ids.js';
import { truncate } from '../limits.js';
import { adaptiveCard, openDialog, text } from './card-kit.js';
import { errorLines } from './simple-dialogs.js';

export type FilterValues = Partial<Record<(typeof F)[keyof typeof F], string>>;

/** The words the dialog is known by: its title, and the answer to a bare `list`. */
export const FILTER_DIALOG_TITLE = 'Filter interactions';

/**
 * A bare `list` (F10): a bot message cannot open a dialog, so the answer is a card whose
 * button does, as `settings` and `log` do.
 */
export function filterPromptCard(): IAdaptiveCard {
  return adaptiveCard(
    [
      text(FILTER_DIALOG_TITLE, { size: 'Medium', weight: 'Bolder' }),
      text(
        'Choose the dates, types, contact, address or words to look for. Leave it empty to list everything.',
        {
          isSubtle: true,
        },
      ),
    ],
    [openDialog('Open the filter form', Dialog.filter)],
  );
}

function textInput(id: string, label: string, values: FilterValues): CardElement {
  const value = values[id as keyof FilterValues];
  return { type: 'Input.Text', id, label, maxLength: 200, ...(value ? { value } : {}) };
}

function dateInput(id: string, label: string, values: FilterValues): CardElement {
  const value = values[id as keyof FilterValues];
  return { type: 'Input.Date', id, label, ...(value ? { value } : {}) };
}

/**
 * The F10 filters as a dialog, the same as Slack's filter form where Teams has the inputs:
 * a date range, the workspace's types, and parts of the contact's name, the visit address
 * and the description. Every field optional; an empty form lists everything.
 */
export function filterDialogCard(
  interactionTypes: readonly string[],
  values: FilterValues = {},
  errors?: FieldErrors,
): IAdaptiveCard {
  const types = values[F.types];
  return adaptiveCard(
    [
      ...errorLines(errors),
      dateInput(F.from, 'From', values),
      dateInput(F.to, 'To (included)', values),
      {
        type: 'Input.ChoiceSet',
        id: F.types,
        label: 'Types',
        isMultiSelect: true,
        choices: interactionTypes.map((type) => ({ title: truncate(type, 100), value: type })),
        ...(types ? { value: types } : {}),
      },
      textInput(F.contact, 'Contact name contains', values),
      textInput(F.address, 'Visit address contains', values),
      textInput(F.text, 'Description contains', values),
    ],
    [{ type: 'Action.Submit', title: 'Show', style: 'positive', data: { [DIALOG_KEY]: Dialog.filter } }],
  );
}
