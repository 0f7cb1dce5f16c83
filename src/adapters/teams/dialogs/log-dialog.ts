import { randomUUID } from 'node:crypto';
import type { IAdaptiveCard, IChoice } from '@microsoft/teams.cards';
import { contactDisplayName } from '../../../core/contacts/contact.js';
import { pickerValues } from '../../../core/forms/log-form-rules.js';
import { assertCanWrite } from '../../../core/shared/actor.js';
import { personalTime } from '../../../core/workspaces/personal-time.js';
import type { Tenant } from '../../../core/workspaces/tenant.js';
import { type LogDialogState, logDialogCard } from '../cards/log-dialog-card.js';
import type { TeamsDeps } from '../deps.js';
import { CUSTOM_TYPE_CHOICE } from '../ids.js';
import { TEAMS_LIMITS, truncate } from '../limits.js';
import type { DialogValues } from './dialog-fields.js';

export interface LogDialogOpening {
  contactIds?: string[];
  /** The names the button showed, one per id in order: then the dialog opens without a read. */
  contactNames?: string[];
  description?: string;
  sourceLink?: string;
  /** F13 "Log the follow-up": the interaction whose follow-up the log closes. */
  closesFollowUpOf?: string;
  /** In a card in the conversation rather than a dialog. */
  inline?: boolean;
}

/** Contacts offered before anything is typed when none was preselected. */
const STARTING_CHOICES = 10;

/**
 * Choices for the preselected contacts (unknown ids dropped), or the first contacts of the
 * workspace when none was: a ChoiceSet needs at least one static choice, type-ahead does the rest.
 */
async function contactChoices(tenant: Tenant, deps: TeamsDeps, ids: string[]): Promise<IChoice[]> {
  const contacts =
    ids.length > 0
      ? await deps.container.contacts.findContactsByIds(tenant.actor, { ids })
      : await deps.container.contacts.findContacts(tenant.actor, { text: '', limit: STARTING_CHOICES });
  return contacts.map((contact) => contactChoice(contact.id, contactDisplayName(contact)));
}

function contactChoice(id: string, name: string): IChoice {
  return { title: truncate(name || '(no name)', TEAMS_LIMITS.titleChars), value: id };
}

/** The button's names for its contacts, when there is one per id; otherwise the contacts are read. */
function namedChoices(opening: LogDialogOpening): IChoice[] | undefined {
  const { contactIds = [], contactNames = [] } = opening;
  if (contactIds.length === 0 || contactNames.length !== contactIds.length) return undefined;
  return contactIds.map((id, index) => contactChoice(id, contactNames[index] ?? ''));
}

function meChoice(tenant: Tenant): IChoice {
  return { title: `Me (${tenant.actor.displayName ?? 'you'})`, value: tenant.actor.userId };
}

/** The dialog state with the workspace's choices; values and errors are the caller's. */
export async function dialogState(
  tenant: Tenant,
  deps: TeamsDeps,
  base: Pick<LogDialogState, 'mode' | 'submissionKey' | 'values'> & Partial<LogDialogState>,
): Promise<LogDialogState> {
  const { settings } = tenant.workspace;
  const ids = (base.values.contacts ?? '').split(',').filter(Boolean);
  const assignee = base.values.assignee;
  const assignees = [meChoice(tenant)];
  if (assignee && assignee !== tenant.actor.userId) {
    const member = await deps.container.workspaces.findMember(tenant.actor, { userId: assignee });
    if (member) assignees.push({ title: member.displayName, value: member.userId });
  }
  const { zoneLabel } = personalTime(tenant);
  return {
    contacts: base.contacts ?? (await contactChoices(tenant, deps, ids)),
    ...(zoneLabel ? { zoneLabel } : {}),
    types: settings.interactionTypes,
    actionChoices: settings.actions,
    assignees,
    ...base,
  };
}

/** F1: a fresh log dialog, its time set to now, with the contacts (and message text) it was opened for. */
export async function openLogDialog(
  tenant: Tenant,
  deps: TeamsDeps,
  opening: LogDialogOpening,
): Promise<IAdaptiveCard> {
  assertCanWrite(tenant.actor);
  const now = pickerValues(deps.container.clock.now(), personalTime(tenant).timeZone);
  const values: DialogValues = {
    date: now.date,
    time: now.time,
    ...(opening.contactIds?.length ? { contacts: opening.contactIds.join(',') } : {}),
    ...(opening.description ? { description: opening.description } : {}),
  };
  const named = namedChoices(opening);
  const state = await dialogState(tenant, deps, {
    mode: 'log',
    submissionKey: `${opening.inline ? 'teams-inline' : 'teams-dialog'}:${randomUUID()}`,
    values,
    ...(opening.sourceLink ? { sourceLink: opening.sourceLink } : {}),
    ...(opening.closesFollowUpOf ? { closesFollowUpOf: opening.closesFollowUpOf } : {}),
    ...(named ? { contacts: named } : {}),
    ...(opening.inline ? { inline: true } : {}),
  });
  return logDialogCard(state);
}

/** F7: the edit dialog, filled with the interaction as stored. */
export async function openEditDialog(tenant: Tenant, deps: TeamsDeps, id: string): Promise<IAdaptiveCard> {
  const interaction = await deps.container.interactions.getEditableInteraction(tenant.actor, { id });
  const { timeZone } = personalTime(tenant);
  const { settings } = tenant.workspace;
  const at = pickerValues(interaction.occurredAt, timeZone);
  const follow = interaction.followUp?.status === 'open' ? interaction.followUp : undefined;
  const due = follow ? pickerValues(follow.dueAt, timeZone) : undefined;
  const known = settings.interactionTypes.includes(interaction.type);
  const values: DialogValues = {
    type: known ? interaction.type : CUSTOM_TYPE_CHOICE,
    ...(known ? {} : { customType: interaction.type }),
    ...(interaction.actions.length ? { actions: interaction.actions.join(',') } : {}),
    ...(interaction.description ? { description: interaction.description } : {}),
    date: at.date,
    time: at.time,
    ...(due ? { followUpDate: due.date, followUpTime: due.time } : {}),
    ...(follow ? { assignee: follow.assigneeId } : {}),
    important: interaction.important ? 'true' : 'false',
    ...(interaction.visitAddress ? { visitAddress: interaction.visitAddress } : {}),
  };
  const state = await dialogState(tenant, deps, {
    mode: 'edit',
    submissionKey: `teams-edit:${id}`,
    interactionId: id,
    values,
  });
  // Tags the workspace no longer lists still show, so saving does not drop them.
  state.actionChoices = [...new Set([...state.actionChoices, ...interaction.actions])];
  return logDialogCard(state);
}
