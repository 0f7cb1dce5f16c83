import type { CardElement, IAdaptiveCard } from '@microsoft/teams.cards';
import { ROLES } from '../../../core/shared/actor.js';
import type { FieldErrors } from '../../../core/shared/errors.js';
import { type PeopleView, type PersonView, ROLE_LABELS } from '../../../core/views/people-view.js';
import { Dataset, DIALOG_KEY, Dialog, RoleField as R } from '../ids.js';
import { truncate, userText } from '../limits.js';
import { adaptiveCard, subtle, text } from './card-kit.js';
import { errorLines } from './simple-dialogs.js';

/** Names listed per role; the rest are counted (the picker below still offers everyone). */
const NAMES_SHOWN = 30;
/** Choices listed in the card (~100 bytes each, well inside the budget); beyond, type-ahead finds the rest. */
const PEOPLE_PICKABLE = 150;

type Values = Partial<Record<(typeof R)[keyof typeof R], string>>;

function groupLines(view: PeopleView): CardElement[] {
  return view.groups.flatMap((group) => {
    const shown = group.people.slice(0, NAMES_SHOWN).map((person) => userText(person.name, 80));
    const more = group.people.length - shown.length;
    const names = shown.length === 0 ? 'nobody' : `${shown.join(', ')}${more > 0 ? ` and ${more} more` : ''}`;
    return [
      text(`**${group.title}** (${group.people.length})`, { spacing: 'Medium' }),
      text(names, { spacing: 'None' }),
    ];
  });
}

const ROLE_SHORT = { owner: 'admin', member: 'member', viewer: 'viewer' } as const;

export function personChoice(person: PersonView) {
  return { title: truncate(`${person.name} (${ROLE_SHORT[person.role]})`, 150), value: person.userId };
}

/**
 * F16/F17 in Teams, admins only: who holds which role, by name, and one role change at a time.
 * The core refuses what must not happen (demoting the last admin); its reason comes back here.
 */
export function rolesDialogCard(view: PeopleView, values: Values = {}, errors?: FieldErrors): IAdaptiveCard {
  const pickable = view.everyone.slice(0, PEOPLE_PICKABLE);
  return adaptiveCard(
    [
      ...errorLines(errors),
      text('People and roles', { size: 'Medium', weight: 'Bolder' }),
      subtle('People appear here once they have used the app. Newcomers get the role chosen in settings.'),
      ...groupLines(view),
      {
        type: 'Input.ChoiceSet',
        id: R.person,
        label: 'Change the role of',
        style: 'filtered',
        placeholder: 'Type a name',
        choices: pickable.map(personChoice),
        ...(view.everyone.length > pickable.length
          ? { 'choices.data': { type: 'Data.Query', dataset: Dataset.people } }
          : {}),
        ...(values[R.person] ? { value: values[R.person] } : {}),
      },
      {
        type: 'Input.ChoiceSet',
        id: R.role,
        label: 'New role',
        choices: [...ROLES].reverse().map((role) => ({ title: ROLE_LABELS[role], value: role })),
        ...(values[R.role] ? { value: values[R.role] } : {}),
      },
    ],
    [
      {
        type: 'Action.Submit',
        title: 'Change role',
        style: 'positive',
        data: { [DIALOG_KEY]: Dialog.roles },
      },
    ],
  );
}
